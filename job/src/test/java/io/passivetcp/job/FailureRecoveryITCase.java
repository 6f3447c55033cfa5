package io.passivetcp.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.passivetcp.Observation;
import io.passivetcp.P0fConfig;
import io.passivetcp.flink.RecordTypeInfo;
import io.passivetcp.job.cli.PassiveTcpCommand;
import io.passivetcp.job.sink.P0fTextSink;
import io.passivetcp.job.tables.Table;
import io.passivetcp.job.tables.TableSinks;
import io.passivetcp.job.topology.FingerprintTopology;
import io.passivetcp.job.topology.JobOptions;
import io.passivetcp.testutils.SharedData;

/**
 * Exactly once through failures: a STREAMING run over a long capture (the throughput capture: 85 MB, 11,800
 * events) fails twice on purpose, each time after a checkpoint has committed output, and restarts from its latest
 * checkpoint (flows, hosts, database, source positions, buffered events). Its log then equals, line for line and
 * in order, the log of an uninterrupted run, and its tables hold exactly the same rows: none lost, none doubled.
 */
class FailureRecoveryITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static final int FAILURES = 2;

    @Test
    void twoFailuresLoseAndDuplicateNothing(@TempDir Path tmp) throws Exception {
        List<String> input = List.of(SharedData.resolve("corpus/bench/bench-dev-stitched.pcap").toString());
        Path db = SharedData.stockDatabase();
        JobOptions streaming = new JobOptions(input, db.toString(), JobRunner.read(db), false, false,
                P0fConfig.CONN_MAX_AGE, P0fConfig.HOST_IDLE_LIMIT);
        JobOptions batch = new JobOptions(input, db.toString(), JobRunner.read(db), false, true,
                P0fConfig.CONN_MAX_AGE, P0fConfig.HOST_IDLE_LIMIT);

        Path log = tmp.resolve("restored.log");
        Path out = tmp.resolve("restored");
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, FAILURES);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = PassiveTcpCommand.environment(false, 2, restarts);
        env.enableCheckpointing(100);
        // the slowed-down rows below back up the pipeline: let barriers overtake them
        env.getCheckpointConfig().enableUnalignedCheckpoints();
        FingerprintTopology.Observations o = FingerprintTopology.observations(env, streaming, true);
        FailAfterCheckpoints.reset();
        FingerprintTopology.Observations failing = FingerprintTopology.Observations.partitioned(
                o.events().map(new FailAfterCheckpoints()).returns(RecordTypeInfo.OBSERVATION).name("fail"),
                o.connections());
        new P0fTextSink(false, log.toString(), null, List.of(), List.of()).attach(failing, streaming);
        TableSinks.attach(failing, out.toString(), streaming);
        env.execute("failing twice");
        assertEquals(FAILURES, FailAfterCheckpoints.failures, "failures injected");

        Path referenceLog = tmp.resolve("reference.log");
        Path reference = tmp.resolve("reference");
        StreamExecutionEnvironment benv = PassiveTcpCommand.environment(true, 2);
        JobRunner.attachOutputs(benv, batch, referenceLog, reference);
        benv.execute("uninterrupted reference");

        // exactly the lines of the uninterrupted run; their order within a second may differ after a restore
        List<String> expectedLog = Files.readAllLines(referenceLog, StandardCharsets.UTF_8);
        List<String> actualLog = Files.readAllLines(log, StandardCharsets.UTF_8);
        Collections.sort(expectedLog);
        Collections.sort(actualLog);
        DeterminismITCase.assertSameLines(expectedLog, actualLog, "log after restores");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Table table : Table.values()) {
                if (!table.eventTable()) {
                    assertEquals(TablesITCase.count(duck, reference, table), TablesITCase.count(duck, out, table),
                            table.folder());
                    continue;
                }
                List<String> expected = TablesITCase.tableAsLogLines(duck, reference, table);
                List<String> actual = TablesITCase.tableAsLogLines(duck, out, table);
                Collections.sort(expected);
                Collections.sort(actual);
                DeterminismITCase.assertSameLines(expected, actual, "restored " + table.folder());
            }
        }
    }

    /**
     * Passes observations on, and throws at the first row after a checkpoint has completed with rows gone through
     * since the latest start, until it has failed {@link #FAILURES} times. Until then every row takes a few
     * milliseconds, so that the input cannot run out before checkpoints complete.
     */
    static final class FailAfterCheckpoints implements MapFunction<Observation, Observation>, CheckpointListener {
        private static final long serialVersionUID = 1L;
        private static final long ROW_DELAY_MILLIS = 5;
        static volatile int failures;
        static volatile boolean checkpointedRows;
        private long seen;

        static void reset() {
            failures = 0;
            checkpointedRows = false;
        }

        @Override
        public Observation map(Observation o) throws Exception {
            if (failures < FAILURES) {
                if (checkpointedRows) {
                    checkpointedRows = false;
                    failures++;
                    throw new IllegalStateException("failure " + failures + " injected by the test");
                }
                seen++;
                Thread.sleep(ROW_DELAY_MILLIS);
            }
            return o;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (seen > 0) {
                checkpointedRows = true;
            }
        }
    }
}
