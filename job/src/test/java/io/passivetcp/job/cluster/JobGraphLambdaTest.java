package io.passivetcp.job.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.runtime.partitioner.KeyGroupStreamPartitioner;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.passivetcp.P0fConfig;
import io.passivetcp.job.JobRunner;
import io.passivetcp.job.cli.PassiveTcpCommand;
import io.passivetcp.job.topology.JobOptions;

/**
 * No lambda or method reference of the job's own code is serialized into its job graph. In application mode the
 * TaskManagers load the job's classes from the {@code usrlib/} path the JobManager names (pipeline.classpaths), not
 * from an uploaded jar; where that path lacks the jar, a named class fails as a {@code ClassNotFoundException} naming
 * it, but a lambda as "cannot assign instance of java.lang.invoke.SerializedLambda", which names nothing.
 */
class JobGraphLambdaTest {
    private static final Path SAMPLE = Paths.get("../datasets/sample.pcap").toAbsolutePath().normalize();
    private static final Path DATABASE = Paths.get("../config/p0f.fp").toAbsolutePath().normalize();
    /**
     * A SerializedLambda's implementing class: a whole serialized string (TC_STRING, its length, the name, then the
     * next string or a back reference) in the slash form that only a SerializedLambda writes.
     */
    private static final Pattern OWN_LAMBDA_CLASS =
            Pattern.compile("(?s)(?<=t\\x00.)io/passivetcp/[\\w/$]+?(?=[tq]\\x00)");

    /** Every shape of the dataflow over files: BATCH units, each capture on its own, STREAMING, and --follow. */
    @ParameterizedTest
    @ValueSource(strings = {"batch", "batch per capture", "streaming", "streaming per capture", "follow"})
    void theJobGraphHoldsNoLambdaOfTheJob(String shape, @TempDir Path tmp) throws Exception {
        boolean batch = shape.startsWith("batch");
        boolean perCapture = shape.endsWith("per capture");
        boolean follow = shape.equals("follow");
        JobOptions options = new JobOptions(List.of(SAMPLE.toString()), DATABASE.toString(),
                Files.readString(DATABASE, StandardCharsets.UTF_8), perCapture, batch, P0fConfig.CONN_MAX_AGE,
                P0fConfig.HOST_IDLE_LIMIT, follow ? Duration.ofSeconds(1) : null, follow ? Duration.ZERO : null,
                follow ? DATABASE.toString() : null, null);
        StreamExecutionEnvironment env = PassiveTcpCommand.environment(batch, 2, new Configuration());
        if (!batch) {
            env.enableCheckpointing(30_000);
        }
        JobRunner.attachOutputs(env, options, tmp.resolve("p0f.log"), tmp.resolve("tables"));

        byte[] graph = InstantiationUtil.serializeObject(env.getStreamGraph().getJobGraph());
        assertTrue(new String(graph, StandardCharsets.ISO_8859_1).contains("io.passivetcp.flink.OutputOrderFunction"),
                "the graph is serialized with its functions");
        assertEquals(Set.of(), ownLambdas(graph), "lambdas or method references of the job, by implementing class");
    }

    @Test
    void aLambdaInsideAFlinkObjectIsFound() throws Exception {
        KeySelector<String, String> lambda = s -> s;
        KeySelector<String, Integer> methodReference = String::length;
        assertEquals(Set.of("io/passivetcp/job/cluster/JobGraphLambdaTest"), ownLambdas(
                InstantiationUtil.serializeObject(new KeyGroupStreamPartitioner<>(lambda, 128))));
        assertEquals(Set.of(), ownLambdas(
                InstantiationUtil.serializeObject(new KeyGroupStreamPartitioner<>(methodReference, 128))),
                "a reference to a JDK method is the JDK's");
    }

    private static Set<String> ownLambdas(byte[] serialized) {
        Set<String> lambdas = new TreeSet<>();
        Matcher m = OWN_LAMBDA_CLASS.matcher(new String(serialized, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            lambdas.add(m.group());
        }
        return lambdas;
    }
}
