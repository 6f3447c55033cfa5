package io.passivetcp.job;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.passivetcp.Observation;
import io.passivetcp.output.P0fFormat;
import io.passivetcp.testutils.SharedData;

/**
 * Results do not depend on parallelism, on the order in which inputs are listed, or on the runtime mode.
 * The inputs are the golden examples and a slice of the corpus: many captures, so that packets of different
 * captures interleave between parallel operators.
 */
class DeterminismITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    static List<String> inputs;

    @BeforeAll
    static void inputs() throws Exception {
        List<Path> files = P0fParityITCase.captures(SharedData.resolve("spec/p0f-examples"),
                SharedData.resolve("corpus/dev"));
        inputs = files.stream().filter(p -> !p.getFileName().toString().startsWith("customdb"))
                .limit(250).map(Path::toString).collect(Collectors.toList());
    }

    @Test
    void sameObservationsInTheSameOrderAtParallelismOneAndTwoAndWithInputsReversed() throws Exception {
        for (boolean perCapture : new boolean[] {true, false}) {
            List<String> reference = lines(JobRunner.run(inputs, SharedData.stockDatabase(), perCapture, true, 1));
            assertFalse(reference.isEmpty());
            List<String> reversed = new ArrayList<>(inputs);
            Collections.reverse(reversed);
            assertSameLines(reference, lines(JobRunner.run(reversed, SharedData.stockDatabase(), perCapture, true, 2)),
                    "p=2, inputs reversed, perCapture=" + perCapture);
        }
    }

    @Test
    void batchAndStreamingGiveTheSameObservations() throws Exception {
        List<String> batch = lines(JobRunner.run(inputs, SharedData.stockDatabase(), true, true, 2));
        List<String> streaming = lines(JobRunner.run(inputs, SharedData.stockDatabase(), true, false, 2));
        Collections.sort(batch);
        Collections.sort(streaming);
        assertSameLines(batch, streaming, "streaming against batch");
    }

    /** Equal lists, or a failure that shows the first lines each side lacks. */
    static void assertSameLines(List<String> expected, List<String> actual, String what) {
        if (expected.equals(actual)) {
            return;
        }
        List<String> lacking = new ArrayList<>(expected);
        actual.forEach(lacking::remove);
        List<String> surplus = new ArrayList<>(actual);
        expected.forEach(surplus::remove);
        fail(what + ": " + expected.size() + " against " + actual.size() + " lines; lacking "
                + lacking.subList(0, Math.min(10, lacking.size())) + "; surplus "
                + surplus.subList(0, Math.min(10, surplus.size()))
                + (lacking.isEmpty() && surplus.isEmpty() ? "; same lines in another order" : ""));
    }

    /** Whole log lines with their capture, in output order. */
    static List<String> lines(List<Observation> observations) {
        return observations.stream().map(o -> o.capture + " " + P0fFormat.logLine(o)).collect(Collectors.toList());
    }
}
