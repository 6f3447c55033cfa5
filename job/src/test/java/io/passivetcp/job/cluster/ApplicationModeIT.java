package io.passivetcp.job.cluster;

import static io.passivetcp.job.cluster.LocalClusterIT.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.passivetcp.testutils.SharedData;

/**
 * {@code job/bin/local-cluster application} end to end: Flink's application entry point
 * (StandaloneApplicationClusterEntryPoint) runs the shaded jar from {@code usrlib/} on its JobManager, two
 * TaskManagers in their own JVMs run the job, and its {@code -o} log and tables equal those of the embedded run of
 * the same command line. BATCH is what the Kubernetes deployment runs; STREAMING ships the keyed dataflow (the
 * key selectors, the timestamp assigner) to the TaskManagers.
 *
 * <p>Runs after {@code package} (failsafe): it needs the shaded jar and {@code job/target/flink-classpath.txt}.
 */
class ApplicationModeIT {
    /** Six dev captures with many p0f events (a SYN scan, HTTP, TLS, pcap and pcapng): over 2,000 log lines. */
    private static final List<String> CAPTURES = List.of("ndpi__synscan.pcap", "markofu__gnutella.pcap",
            "ndpi__alexa-app.pcapng", "ndpi__reddit.pcap", "zeek__bruteforce.pcap", "csanders__http_espn.pcapng");
    /** A cold start and the job on a loaded 2-core machine. */
    private static final long RUN_SECONDS = 600;

    @ParameterizedTest
    @ValueSource(strings = {"batch", "streaming"})
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void theApplicationClusterWritesWhatTheEmbeddedRunWrites(String mode, @TempDir Path tmp) throws Exception {
        Path dev = SharedData.resolve("corpus/dev");
        LocalClusterIT.Cluster cluster = new LocalClusterIT.Cluster(tmp.resolve("cluster"), freePort(), freePort());
        List<String> application = new ArrayList<>(List.of("application", "--"));
        application.addAll(jobArgs(dev, mode, tmp.resolve("cluster.log"), tmp.resolve("cluster-tables")));
        LocalClusterIT.Run run = cluster.run(RUN_SECONDS, application.toArray(String[]::new));
        assertEquals(List.of(), cluster.processes(), "processes left running");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("FINISHED"), run.output());
        assertTrue(Files.isRegularFile(tmp.resolve("cluster/usrlib")
                .resolve(Path.of(System.getProperty("passivetcp.jobJar")).getFileName())), "the jar ran from usrlib/");

        LocalClusterIT.assertTheEmbeddedRunWritesTheSame(tmp, jobArgs(dev, mode, tmp.resolve("embedded.log"),
                tmp.resolve("embedded-tables")), 0, "every capture read", 2_000);
    }

    /** A request the job refuses fails the application with the job's own message, and nothing is left running. */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aRefusedRequestFailsWithTheJobsMessage(@TempDir Path tmp) throws Exception {
        LocalClusterIT.Cluster cluster = new LocalClusterIT.Cluster(tmp.resolve("cluster"), freePort(), freePort());
        LocalClusterIT.Run run = cluster.run(RUN_SECONDS, "application", "-r", tmp.resolve("nowhere").toString());
        assertEquals(List.of(), cluster.processes(), "processes left running");
        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("FAILED"), run.output());
        assertTrue(run.output().contains("no such capture file or folder: " + tmp.resolve("nowhere")), run.output());
    }

    /** The six captures at parallelism 2, with both outputs. */
    private static List<String> jobArgs(Path dev, String mode, Path log, Path tables) {
        List<String> args = new ArrayList<>(List.of("-q", "--mode", mode, "-p", "2", "-o", log.toString(), "--out",
                tables.toString()));
        for (String capture : CAPTURES) {
            args.addAll(List.of("-r", dev.resolve(capture).toString()));
        }
        return args;
    }
}
