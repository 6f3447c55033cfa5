package io.passivetcp.job.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.passivetcp.job.TableComparison;
import io.passivetcp.job.cli.PassiveTcpCommand;
import io.passivetcp.testutils.SharedData;
import picocli.CommandLine;

/**
 * {@code job/bin/local-cluster} end to end: a real standalone session cluster (one JobManager, two TaskManagers,
 * separate JVMs) runs the shaded job jar over the dev corpus, and its tables and log equal those of the embedded run
 * of the same command line. A cluster that cannot come up makes {@code start} fail, never hang.
 *
 * <p>Runs after {@code package} (failsafe): it needs the shaded jar and {@code job/target/flink-classpath.txt}.
 */
class LocalClusterIT {
    private static final Path SCRIPT = Paths.get("bin/local-cluster").toAbsolutePath();
    /** A cold start on a loaded 2-core machine takes 10-30 s. */
    private static final long START_SECONDS = 180;
    private static final long JOB_SECONDS = 900;

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void theClusterWritesWhatTheEmbeddedRunWrites(@TempDir Path tmp) throws Exception {
        Path dev = SharedData.resolve("corpus/dev");
        Cluster cluster = new Cluster(tmp.resolve("cluster"), freePort(), freePort());
        Run started = cluster.run(START_SECONDS + 60, "start");
        try {
            assertEquals(0, started.exitCode, started.output);
            Run job = cluster.run(JOB_SECONDS, Stream.concat(Stream.of("submit"),
                    jobArgs(dev, tmp.resolve("cluster.log"), tmp.resolve("cluster-tables")).stream())
                    .toArray(String[]::new));
            assertEquals(0, job.exitCode, job.output);
            assertTrue(job.output.contains("FINISHED"), job.output);
            assertFlinkConfigurationWinsWhereTheJobSaysNothing(cluster, tmp);
        } finally {
            Run stopped = cluster.run(120, "stop");
            assertEquals(0, stopped.exitCode, stopped.output);
            assertEquals(List.of(), cluster.processes(), "processes left running");
        }

        assertTheEmbeddedRunWritesTheSame(tmp, jobArgs(dev, tmp.resolve("embedded.log"),
                tmp.resolve("embedded-tables")), 3, "the corpus holds each capture's p0f log beside it, no capture",
                10_000);
    }

    /**
     * The embedded run of the cluster's command line, {@code args} writing {@code tmp/embedded.log} and
     * {@code tmp/embedded-tables}, ends with {@code exitCode} and writes more than {@code minLines} log lines, and
     * the cluster's {@code tmp/cluster.log} and {@code tmp/cluster-tables} equal what it wrote.
     */
    static void assertTheEmbeddedRunWritesTheSame(Path tmp, List<String> args, int exitCode, String whyThatCode,
            int minLines) throws Exception {
        int embedded = new CommandLine(new PassiveTcpCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args.toArray(String[]::new));
        assertEquals(exitCode, embedded, "exit " + exitCode + ": " + whyThatCode);
        List<String> expected = Files.readAllLines(tmp.resolve("embedded.log"), StandardCharsets.UTF_8);
        List<String> actual = Files.readAllLines(tmp.resolve("cluster.log"), StandardCharsets.UTF_8);
        assertTrue(expected.size() > minLines, expected.size() + " log lines");
        assertEquals(expected, actual, "the cluster's -o log against the embedded run's");
        TableComparison.assertSameTables(tmp.resolve("embedded-tables"), tmp.resolve("cluster-tables"));
    }

    /**
     * Parallelism and checkpointing from Flink's side ({@code flink run -p}, {@code -D}) when the job's options are
     * absent: a STREAMING run of the sample at {@code -p 1} (the cluster's default is 2) with a 3 s checkpoint
     * interval (the job's own default is 30 s).
     */
    private static void assertFlinkConfigurationWinsWhereTheJobSaysNothing(Cluster cluster, Path tmp)
            throws Exception {
        String sample = Paths.get("../datasets/sample.pcap").toAbsolutePath().normalize().toString();
        Run job = cluster.run(JOB_SECONDS, "submit", "-p", "1", "-D", "execution.checkpointing.interval=3s", "-q",
                "--mode", "streaming", "-r", sample, "--out", tmp.resolve("streaming-tables").toString());
        assertEquals(0, job.exitCode, job.output);
        String id = job.output.replaceAll("(?s).*submitted with JobID (\\p{XDigit}+).*", "$1");
        JsonNode checkpoints = cluster.rest("/jobs/" + id + "/checkpoints/config");
        assertEquals(3000, checkpoints.get("interval").asLong(), checkpoints.toString());
        JsonNode vertices = cluster.rest("/jobs/" + id).get("vertices");
        vertices.forEach(v -> assertEquals(1, v.get("parallelism").asInt(), v.toString()));
    }

    /** The dev corpus, each capture on its own, at parallelism 2: the -o log and the tables. */
    private static List<String> jobArgs(Path dev, Path log, Path tables) {
        return List.of("-q", "-r", dev.toString(), "--state-scope", "capture", "-p", "2", "-o", log.toString(),
                "--out", tables.toString());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void startFailsWhenItsPortIsTaken(@TempDir Path tmp) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cluster cluster = new Cluster(tmp.resolve("cluster"), taken.getLocalPort(), freePort());
            Run started = cluster.run(60, "start");
            assertNotEquals(0, started.exitCode, started.output);
            assertTrue(started.output.contains("port " + taken.getLocalPort() + " on 127.0.0.1 is in use"),
                    started.output);
            assertEquals(List.of(), cluster.processes());
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void startGivesUpAfterItsTimeoutAndLeavesNothingRunning(@TempDir Path tmp) throws Exception {
        Cluster cluster = new Cluster(tmp.resolve("cluster"), freePort(), freePort());
        cluster.env.put("LOCAL_CLUSTER_START_TIMEOUT", "1");
        Run started = cluster.run(90, "start");
        assertNotEquals(0, started.exitCode, started.output);
        assertTrue(started.output.contains("the cluster did not come up within 1 s"), started.output);
        assertEquals(List.of(), cluster.processes(), "processes left running");
        Run submit = cluster.run(30, "submit", "-r", "/nowhere");
        assertNotEquals(0, submit.exitCode);
        assertTrue(submit.output.contains("no cluster is running"), submit.output);
    }

    /**
     * A free loopback port below the kernel's ephemeral range. A port the kernel handed out as ephemeral could be
     * handed out again to the cluster's own ephemeral binds (blob server, TaskManager RPC and data ports) between
     * this probe and the cluster binding it, which once made the REST endpoint fail to start.
     */
    static synchronized int freePort() throws IOException {
        int ephemeralLow = ephemeralRangeLow();
        while (nextPort < ephemeralLow) {
            int port = nextPort++;
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException inUse) {
                // taken by another process: try the next one
            }
        }
        throw new IOException("no free loopback port between " + FIRST_PORT + " and " + ephemeralLow);
    }

    private static final int FIRST_PORT = 20_000;
    private static int nextPort = FIRST_PORT;

    private static int ephemeralRangeLow() throws IOException {
        Path range = Paths.get("/proc/sys/net/ipv4/ip_local_port_range");
        return Files.isReadable(range)
                ? Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0])
                : 32_768;
    }

    record Run(int exitCode, String output) {}

    /** One cluster of the script: its own state folder and ports, so that runs never meet. */
    static final class Cluster {
        final Path state;
        final Map<String, String> env;

        Cluster(Path state, int restPort, int rpcPort) {
            this.state = state;
            this.env = new HashMap<>(Map.of("LOCAL_CLUSTER_DIR", state.toString(),
                    "LOCAL_CLUSTER_REST_PORT", Integer.toString(restPort), "LOCAL_CLUSTER_RPC_PORT",
                    Integer.toString(rpcPort), "LOCAL_CLUSTER_START_TIMEOUT", Long.toString(START_SECONDS)));
        }

        /** Runs the script; one that outlives its time is killed and reported as such, never waited on forever. */
        Run run(long timeoutSeconds, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
            command.addAll(List.of(args));
            Path output = Files.createTempFile("local-cluster", ".out");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            try {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    return new Run(-1, "local-cluster " + String.join(" ", args) + " ran longer than "
                            + timeoutSeconds + " s\n" + Files.readString(output));
                }
                return new Run(p.exitValue(), Files.readString(output));
            } finally {
                Files.deleteIfExists(output);
            }
        }

        /** GET on the cluster's REST API. */
        JsonNode rest(String path) throws Exception {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + env.get("LOCAL_CLUSTER_REST_PORT") + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            return new ObjectMapper().readTree(response.body());
        }

        /** Processes whose command line names this cluster's state folder: the cluster's JVMs. */
        List<Long> processes() {
            String marker = state + "/log/";
            return ProcessHandle.allProcesses()
                    .filter(h -> h.info().commandLine().filter(c -> c.contains(marker)).isPresent())
                    .map(ProcessHandle::pid).toList();
        }
    }
}
