package io.passivetcp.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

import io.passivetcp.Observation;
import io.passivetcp.P0fConfig;
import io.passivetcp.job.cli.PassiveTcpCommand;
import io.passivetcp.job.sink.P0fTextSink;
import io.passivetcp.job.tables.TableSinks;
import io.passivetcp.job.topology.FingerprintTopology;
import io.passivetcp.job.topology.JobOptions;

/** Runs the real topology on the test MiniCluster and collects its ordered observations. */
public final class JobRunner {
    private JobRunner() {}

    public static List<Observation> run(List<String> inputs, Path database, boolean perCapture, boolean batch,
            int parallelism) throws Exception {
        return run(new JobOptions(inputs, database.toString(), read(database), perCapture, batch,
                P0fConfig.CONN_MAX_AGE, P0fConfig.HOST_IDLE_LIMIT), parallelism);
    }

    public static List<Observation> run(JobOptions options, int parallelism) throws Exception {
        StreamExecutionEnvironment env = PassiveTcpCommand.environment(options.batch(), parallelism);
        List<Observation> out = new ArrayList<>();
        try (CloseableIterator<Observation> it = FingerprintTopology.build(env, options).executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    /** Adds the CLI's {@code -o} log and, when {@code tables} is given, its {@code --out} tables. */
    public static void attachOutputs(StreamExecutionEnvironment env, JobOptions options, Path log, Path tables) {
        FingerprintTopology.Observations observations =
                FingerprintTopology.observations(env, options, tables != null);
        new P0fTextSink(false, log.toString(), null, List.of(), List.of()).attach(observations, options);
        if (tables != null) {
            TableSinks.attach(observations, tables.toString(), options);
        }
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
