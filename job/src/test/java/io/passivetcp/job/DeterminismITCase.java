package io.passivetcp.job;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.passivetcp.Observation;
import io.passivetcp.P0fConfig;
import io.passivetcp.job.cli.PassiveTcpCommand;
import io.passivetcp.job.topology.FingerprintTopology;
import io.passivetcp.job.topology.JobOptions;
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

    /**
     * BATCH analyses captures in units where they are read; the partitioned flow and host functions, which STREAMING
     * uses, must give the same events and the same connection summaries, in both state scopes.
     */
    @Test
    void analysisInUnitsGivesWhatThePartitionedJobGives() throws Exception {
        for (boolean perCapture : new boolean[] {true, false}) {
            JobOptions options = new JobOptions(inputs, SharedData.stockDatabase().toString(),
                    JobRunner.read(SharedData.stockDatabase()), perCapture, true, P0fConfig.CONN_MAX_AGE,
                    P0fConfig.HOST_IDLE_LIMIT);
            List<List<String>> units = eventsAndConnections(options, false);
            List<List<String>> partitioned = eventsAndConnections(options, true);
            assertFalse(units.get(1).isEmpty());
            assertSameLines(partitioned.get(0), units.get(0), "events, perCapture=" + perCapture);
            assertSameLines(partitioned.get(1), units.get(1), "connections, perCapture=" + perCapture);
        }
    }

    /**
     * One capture is one unit, fewer than the two subtasks: it is read, analysed and sent downstream on three
     * threads (PrefetchingMerge, Handoff). The bench capture and the dev capture with the longest p0f log, many
     * batches of packets and observations each, give what the partitioned job gives.
     */
    @Test
    void oneCaptureAnalysedBesideItsReadingGivesWhatThePartitionedJobGives() throws Exception {
        Path longestLog;
        try (Stream<Path> logs = Files.list(SharedData.resolve("corpus/dev"))) {
            longestLog = logs.filter(p -> p.getFileName().toString().endsWith(".p0f.log"))
                    .max(Comparator.comparingLong((Path p) -> p.toFile().length())).orElseThrow();
        }
        String longest = longestLog.toString().substring(0, longestLog.toString().length() - ".p0f.log".length());
        for (String capture : List.of(SharedData.resolve("corpus/bench/bench-dev-stitched.pcap").toString(),
                longest)) {
            JobOptions options = new JobOptions(List.of(capture), SharedData.stockDatabase().toString(),
                    JobRunner.read(SharedData.stockDatabase()), false, true, P0fConfig.CONN_MAX_AGE,
                    P0fConfig.HOST_IDLE_LIMIT);
            List<List<String>> unit = eventsAndConnections(options, false);
            List<List<String>> partitioned = eventsAndConnections(options, true);
            assertTrue(unit.get(0).size() > 1000, capture + ": " + unit.get(0).size() + " events");
            assertSameLines(partitioned.get(0), unit.get(0), "events of " + capture);
            assertSameLines(partitioned.get(1), unit.get(1), "connections of " + capture);
        }
    }

    /** The ordered events' log lines, and the connection summaries sorted, of one run at p=2. */
    private static List<List<String>> eventsAndConnections(JobOptions options, boolean partitioned)
            throws Exception {
        StreamExecutionEnvironment env = PassiveTcpCommand.environment(true, 2);
        FingerprintTopology.Observations o = partitioned ? FingerprintTopology.partitioned(env, options)
                : FingerprintTopology.observations(env, options, false);
        DataStream<Observation> all = FingerprintTopology.ordered(o, options).union(o.connections());
        List<String> events = new ArrayList<>();
        List<String> connections = new ArrayList<>();
        try (CloseableIterator<Observation> it = all.executeAndCollect()) {
            it.forEachRemaining(x -> {
                if (x.step == Observation.STEP_CONNECTION) {
                    connections.add(x.capture + " " + x.clientPort + " " + x.serverPort + " " + x.data);
                } else {
                    events.add(x.capture + " " + P0fFormat.logLine(x));
                }
            });
        }
        Collections.sort(connections);
        return List.of(events, connections);
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
