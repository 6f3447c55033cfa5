package io.passivetcp.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.passivetcp.Observation;
import io.passivetcp.P0fConfig;
import io.passivetcp.job.cli.PassiveTcpCommand;
import io.passivetcp.job.tables.Table;
import io.passivetcp.job.topology.JobOptions;
import io.passivetcp.output.P0fFormat;
import io.passivetcp.signature.SignatureDatabase;

/**
 * {@code --follow}: a folder where captures appear one by one, as tcpdump rotation writes them, gives the events of
 * a batch run over the same files, flows crossing file boundaries included, also when the job is stopped with a
 * savepoint between two files and resumed from it; and the watched database applies each valid version from its
 * arrival on, while an invalid one leaves the version in force.
 */
class FollowITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static final Path SAMPLE = DatasetVariantsITCase.DATASETS.resolve("sample.pcap");
    private static final Path DATABASE = DatasetVariantsITCase.STOCK_DATABASE;
    private static final Duration SCAN = Duration.ofMillis(200);
    private static final long WAIT_SECONDS = 90;

    @Test
    void capturesAppearingOneByOneGiveTheEventsOfABatchRun(@TempDir Path tmp) throws Exception {
        RotatedCaptures parts = RotatedCaptures.cut(SAMPLE, 3);
        assertTrue(parts.aConnectionCrossesAPartBoundary(), "the test needs a flow across a file boundary");
        List<Observation> reference = batch(parts, tmp.resolve("batch"), DATABASE);

        Path dir = Files.createDirectories(tmp.resolve("rotating"));
        Path log = tmp.resolve("follow.log");
        JobClient job = follow(dir, DATABASE, null, log, null, null);
        try {
            for (int i = 0; i < 3; i++) {
                parts.publish(dir, i);
                awaitLines(job, log, eventsUpTo(reference, parts.lastMicros(i)));
            }
            drain(job, tmp);
        } finally {
            cancelIfRunning(job);
        }

        // after a restore the lines are exactly the batch run's; their order within a second may differ (README)
        List<String> expected = lines(reference);
        List<String> actual = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        Collections.sort(expected);
        Collections.sort(actual);
        DeterminismITCase.assertSameLines(expected, actual, "resumed from a savepoint");
    }

    @Test
    void aFollowingJobStoppedWithASavepointResumesWhereItStopped(@TempDir Path tmp) throws Exception {
        RotatedCaptures parts = RotatedCaptures.cut(SAMPLE, 3);
        List<Observation> reference = batch(parts, tmp.resolve("batch"), DATABASE);
        Path dir = Files.createDirectories(tmp.resolve("rotating"));
        Path log = tmp.resolve("follow.log");

        JobClient first = follow(dir, DATABASE, null, log, null, null);
        String savepoint;
        try {
            parts.publish(dir, 0);
            awaitLines(first, log, eventsUpTo(reference, parts.lastMicros(0)));
            // stopped without draining: open flows, buffered packets and the files already read go into the savepoint
            savepoint = first.stopWithSavepoint(false, tmp.resolve("savepoints").toUri().toString(),
                    SavepointFormatType.CANONICAL).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } finally {
            cancelIfRunning(first);
        }

        JobClient resumed = follow(dir, DATABASE, null, log, null, savepoint);
        try {
            parts.publish(dir, 1);
            parts.publish(dir, 2);
            awaitLines(resumed, log, eventsUpTo(reference, parts.lastMicros(2)));
            drain(resumed, tmp);
        } finally {
            cancelIfRunning(resumed);
        }
        // after a restore the lines are exactly the batch run's; their order within a second may differ (README)
        List<String> expected = lines(reference);
        List<String> actual = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        Collections.sort(expected);
        Collections.sort(actual);
        DeterminismITCase.assertSameLines(expected, actual, "resumed from a savepoint");
    }

    @Test
    void aChangedDatabaseLabelsTheEventsAfterItsArrivalAndABadOneIsRejected(@TempDir Path tmp) throws Exception {
        RotatedCaptures parts = RotatedCaptures.cut(SAMPLE, 3);
        String v1 = Files.readString(DATABASE, StandardCharsets.UTF_8);
        String v2 = v1.replaceAll("(?m)^(label\\s*=\\s*s:unix:Linux:.*)$", "$1 (v2)");
        Path db1 = Files.writeString(tmp.resolve("v1.fp"), v1);
        Path db2 = Files.writeString(tmp.resolve("v2.fp"), v2);
        List<Observation> withV1 = batch(parts, tmp.resolve("batch1"), db1);
        List<Observation> withV2 = batch(parts, tmp.resolve("batch2"), db2);
        assertEquals(withV1.size(), withV2.size());
        long switchMicros = parts.firstMicros(2);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < withV1.size(); i++) {
            expected.add(P0fFormat.logLine((withV1.get(i).loggedMicros() < switchMicros ? withV1 : withV2).get(i)));
        }
        assertTrue(expected.stream().anyMatch(l -> l.contains(" (v2)|")), "the new version changes labels");
        assertTrue(expected.stream().anyMatch(l -> l.matches(".*os=Linux [^|]*[^)]\\|.*")), "the old version labelled events");

        Path dir = Files.createDirectories(tmp.resolve("rotating"));
        Path watched = tmp.resolve("p0f.fp");
        replace(watched, v1);
        Path log = tmp.resolve("follow.log");
        Path tables = tmp.resolve("tables");
        JobClient job = follow(dir, watched, watched.toString(), log, tables, null);
        try {
            parts.publish(dir, 0);
            awaitLines(job, log, eventsUpTo(withV1, parts.lastMicros(0)));
            replace(watched, v1 + "\nthis is not a signature line\n");
            Thread.sleep(10 * SCAN.toMillis()); // the bad version is seen, and rejected
            parts.publish(dir, 1);
            awaitLines(job, log, eventsUpTo(withV1, parts.lastMicros(1)));
            replace(watched, v2);
            Thread.sleep(10 * SCAN.toMillis()); // the new version reaches every function
            parts.publish(dir, 2);
            awaitLines(job, log, withV1.size());
            drain(job, tmp);
        } finally {
            cancelIfRunning(job);
        }

        assertEquals(expected, Files.readAllLines(log, StandardCharsets.ISO_8859_1));
        String version1 = SignatureDatabase.parse("v1", v1).version();
        String version2 = SignatureDatabase.parse("v2", v2).version();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            long[] rows = new long[2];
            for (Table table : Table.values()) {
                if (!table.eventTable() || !Files.isDirectory(tables.resolve(table.folder()))) {
                    continue;
                }
                try (ResultSet rs = duck.createStatement().executeQuery("select epoch_us(event_time), db_version from "
                        + TablesITCase.glob(tables, table))) {
                    while (rs.next()) {
                        boolean before = rs.getLong(1) < switchMicros;
                        assertEquals(before ? version1 : version2, rs.getString(2),
                                table.folder() + " row at " + rs.getLong(1));
                        rows[before ? 0 : 1]++;
                    }
                }
            }
            assertTrue(rows[0] > 0 && rows[1] > 0, "rows before and after the change: " + rows[0] + ", " + rows[1]);
        }
    }

    /**
     * A task that finishes while checkpoints are taken fails the checkpoint whose trigger reaches it as it ends
     * (FLINK-33186). A bounded database source ended after the first completed checkpoint, and Ctrl-C pressed during
     * that checkpoint saw its savepoint fail in this race, after the drain. Every task of an endless job runs until
     * the stop ends it.
     */
    @Test
    void everyTaskOfAFollowingJobRunsUntilTheStop(@InjectMiniCluster MiniCluster mini, @TempDir Path tmp) throws Exception {
        RotatedCaptures parts = RotatedCaptures.cut(SAMPLE, 3);
        Path watched = Files.copy(DATABASE, tmp.resolve("p0f.fp"));
        for (String database : new String[] {null, watched.toString()}) {
            Path dir = Files.createDirectories(tmp.resolve("rotating" + (database == null ? "" : "-watched")));
            Path log = tmp.resolve("follow" + (database == null ? "" : "-watched") + ".log");
            JobClient job = follow(dir, DATABASE, database, log, null, null);
            try {
                parts.publish(dir, 0);
                awaitLines(job, log, 1);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
                while (mini.getExecutionGraph(job.getJobID()).get().getCheckpointStatsSnapshot().getCounts()
                        .getNumberOfCompletedCheckpoints() < 3) {
                    assertTrue(System.nanoTime() < deadline, "3 checkpoints within " + WAIT_SECONDS + " s");
                    Thread.sleep(50);
                }
                for (AccessExecutionVertex task : mini.getExecutionGraph(job.getJobID()).get()
                        .getAllExecutionVertices()) {
                    assertEquals(ExecutionState.RUNNING, task.getExecutionState(),
                            task.getTaskNameWithSubtaskIndex() + ", database " + database);
                }
                drain(job, tmp);
            } finally {
                cancelIfRunning(job);
            }
        }
    }

    private static List<Observation> batch(RotatedCaptures parts, Path dir, Path database) throws Exception {
        return JobRunner.run(parts.writeAll(dir), database, false, true, 2);
    }

    /** Starts a {@code --follow} run on {@code dir}, as the CLI builds it; from {@code savepoint} unless null. */
    private static JobClient follow(Path dir, Path database, String watched, Path log, Path tables, String savepoint)
            throws Exception {
        JobOptions options = new JobOptions(List.of(dir.toString()), database.toString(), JobRunner.read(database),
                false, false, P0fConfig.CONN_MAX_AGE, P0fConfig.HOST_IDLE_LIMIT, SCAN, Duration.ZERO, watched, null);
        Configuration restore = new Configuration();
        if (savepoint != null) {
            restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = PassiveTcpCommand.environment(false, 2, restore);
        env.enableCheckpointing(200);
        JobRunner.attachOutputs(env, options, log, tables);
        return env.executeAsync("follow");
    }

    /** What Ctrl-C does: the end of event time drains every buffer, then a final savepoint. */
    static void drain(JobClient job, Path tmp) throws Exception {
        job.stopWithSavepoint(true, tmp.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        job.getJobExecutionResult().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** A failed test must not leave its unbounded job holding the MiniCluster's slots. */
    static void cancelIfRunning(JobClient job) throws Exception {
        if (!job.getJobStatus().get().isGloballyTerminalState()) {
            job.cancel().get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static int eventsUpTo(List<Observation> events, long micros) {
        return (int) events.stream().filter(o -> o.loggedMicros() <= micros).count();
    }

    private static List<String> lines(List<Observation> events) {
        return events.stream().map(P0fFormat::logLine).collect(Collectors.toList());
    }

    private static void replace(Path file, String text) throws Exception {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Waits until {@code log} holds at least {@code n} lines; fails, rather than hangs, when it does not. */
    static void awaitLines(JobClient job, Path log, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        int have = 0;
        while (System.nanoTime() < deadline) {
            if (job.getJobStatus().get().isGloballyTerminalState()) {
                job.getJobExecutionResult().get(); // throws the failure
                fail("the job ended");
            }
            have = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.ISO_8859_1).size() : 0;
            if (have >= n) {
                return;
            }
            Thread.sleep(100);
        }
        fail("after " + WAIT_SECONDS + " s the log holds " + have + " of " + n + " lines");
    }
}
