package io.passivetcp.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.passivetcp.Observation;
import io.passivetcp.output.P0fFormat;
import io.passivetcp.testutils.SharedData;

/**
 * End to end on live traffic: {@code e2e/make-traffic.sh} makes real Linux TCP/HTTP traffic between network
 * namespaces (client, router, server; IPv4 and IPv6; curl, Python urllib, wget) and captures it with tcpdump; real
 * p0f 3.09b and our job then read the same capture, and our {@code -o} log lines must equal p0f's, line for line and
 * in the same order.
 *
 * <p>Needs root, iproute2, tcpdump, python3, curl and p0f. Without them the test is skipped, except under
 * {@code CI=true}, where it fails.
 */
class LiveTrafficEndToEndITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    static final long TRAFFIC_TIMEOUT_SECONDS = 120;
    static final long P0F_TIMEOUT_SECONDS = 60;
    /** Where the tools live on Debian, in case the test's PATH lacks the sbin folders. */
    static final String SEARCH_PATH = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";

    @TempDir
    Path dir;

    @Test
    void ourLogEqualsP0fsOnTrafficWeMake() throws Exception {
        requireEnvironment();
        Path pcap = dir.resolve("out.pcap");

        long started = System.nanoTime();
        makeTraffic(dir, pcap, List.of(), TRAFFIC_TIMEOUT_SECONDS);
        long trafficMillis = (System.nanoTime() - started) / 1_000_000;
        List<String> expected = p0fLog(dir, pcap);

        started = System.nanoTime();
        List<Observation> observations = JobRunner.run(List.of(pcap.toString()), SharedData.stockDatabase(), true,
                true, 2);
        long jobMillis = (System.nanoTime() - started) / 1_000_000;
        List<String> actual = DatasetVariantsITCase.p0fEvents(
                observations.stream().map(P0fFormat::logLine).collect(Collectors.toList()));

        assertSameEvents(dir, pcap, expected, actual, String.format(
                "live traffic: %d bytes of capture made in %d ms, job ran in %d ms", Files.size(pcap), trafficMillis,
                jobMillis));
    }

    /** p0f's log lines on {@code pcap}: {@code p0f -r pcap -o log}, with TZ=UTC. */
    static List<String> p0fLog(Path dir, Path pcap) throws Exception {
        Path p0fLog = dir.resolve("p0f.log");
        run(List.of("setarch", "-R", "p0f", "-r", pcap.toString(), "-o", p0fLog.toString()), P0F_TIMEOUT_SECONDS,
                dir.resolve("p0f.console.txt"));
        return P0fParityITCase.p0fLines(p0fLog);
    }

    /**
     * Our log lines must equal p0f's, line for line and in order, and the traffic must have made every kind of
     * event; prints the counts per event, and on a difference keeps the capture and both logs.
     */
    static void assertSameEvents(Path dir, Path pcap, List<String> expected, List<String> actual, String title)
            throws IOException {
        Map<String, int[]> counts = new TreeMap<>(); // p0f, ours
        expected.forEach(l -> counts.computeIfAbsent(P0fParityITCase.module(l), k -> new int[2])[0]++);
        actual.forEach(l -> counts.computeIfAbsent(P0fParityITCase.module(l), k -> new int[2])[1]++);
        StringBuilder report = new StringBuilder(String.format("%s%n%-15s %6s %6s%n", title, "event", "p0f", "ours"));
        counts.forEach((module, n) -> report.append(String.format("%-15s %6d %6d%n", module, n[0], n[1])));
        System.out.print(report);

        if (!expected.equals(actual)) {
            Path ours = dir.resolve("ours.log");
            Files.write(ours, actual, StandardCharsets.UTF_8);
            keepForInspection(pcap, dir.resolve("p0f.log"), ours);
            fail("our log differs from p0f's:\n" + firstDifferences(expected, actual));
        }
        for (String module : List.of("syn", "syn+ack", "mtu", "http request", "http response")) {
            assertTrue(counts.containsKey(module) && counts.get(module)[0] > 0,
                    "the traffic generator made no '" + module + "' event; p0f's log:\n" + String.join("\n", expected));
        }
    }

    /** Skips without root or the tools, but fails under CI=true (CI installs them and runs as root). */
    static void requireEnvironment() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String tool : List.of("ip", "tcpdump", "p0f", "setarch", "python3", "curl", "bash")) {
            if (which(tool).isEmpty()) {
                problems.add(tool + " not found");
            }
        }
        if (!isRoot()) {
            problems.add("not root (network namespaces need it)");
        }
        if (!problems.isEmpty()) {
            String message = "live traffic test needs root, iproute2, tcpdump, p0f, python3 and curl: "
                    + String.join(", ", problems);
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }

    static boolean isRoot() throws Exception {
        Optional<Path> id = which("id");
        if (id.isEmpty()) {
            return false;
        }
        Process p = new ProcessBuilder(id.get().toString(), "-u").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.waitFor(10, TimeUnit.SECONDS) && "0".equals(out);
    }

    static Optional<Path> which(String tool) {
        for (String d : SEARCH_PATH.split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return Optional.of(Path.of(d, tool));
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code e2e/make-traffic.sh} in {@code dir}: tcpdump writes {@code pcap}; a {@code liveCommand}, if not
     * empty, captures the same interface beside it (see the script).
     */
    static void makeTraffic(Path dir, Path pcap, List<String> liveCommand, long timeoutSeconds) throws Exception {
        Path script = dir.resolve("make-traffic.sh");
        try (InputStream in = LiveTrafficEndToEndITCase.class.getResourceAsStream("/e2e/make-traffic.sh")) {
            assertTrue(in != null, "e2e/make-traffic.sh not on the test classpath");
            Files.copy(in, script);
        }
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), pcap.toString()));
        command.addAll(liveCommand);
        run(command, timeoutSeconds, dir.resolve("make-traffic.txt"));
        assertTrue(Files.size(pcap) > 24, "make-traffic.sh wrote no packets");
    }

    /** Runs a command with TZ=UTC and the sbin folders on PATH; fails on timeout or a non-zero exit code. */
    static void run(List<String> command, long timeoutSeconds, Path transcript) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(transcript.toFile());
        pb.environment().put("TZ", "UTC");
        pb.environment().put("PATH", SEARCH_PATH);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroy(); // SIGTERM: make-traffic.sh's trap removes its namespaces
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            fail(command + " timed out after " + timeoutSeconds + " s:\n" + read(transcript));
        }
        assertEquals(0, p.exitValue(), command + " failed:\n" + read(transcript));
    }

    static String read(Path p) throws IOException {
        return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "";
    }

    static String firstDifferences(List<String> expected, List<String> actual) {
        StringBuilder sb = new StringBuilder(String.format("p0f %d lines, ours %d lines%n", expected.size(),
                actual.size()));
        int shown = 0;
        for (int i = 0; i < Math.max(expected.size(), actual.size()) && shown < 10; i++) {
            String e = i < expected.size() ? expected.get(i) : "<none>";
            String a = i < actual.size() ? actual.get(i) : "<none>";
            if (!e.equals(a)) {
                sb.append("line ").append(i + 1).append("\n  p0f:  ").append(e).append("\n  ours: ").append(a)
                        .append('\n');
                shown++;
            }
        }
        return sb.toString();
    }

    /** On a difference, copies the capture and both logs to a folder that outlives the test, for a look. */
    static void keepForInspection(Path... files) throws IOException {
        Path kept = Files.createTempDirectory("passivetcp-live-traffic-");
        for (Path f : files) {
            Files.copy(f, kept.resolve(f.getFileName()));
        }
        System.out.println("capture and logs kept in " + kept);
    }
}
