package io.passivetcp.job;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.passivetcp.testutils.SharedData;

/**
 * End to end on a live interface: {@code e2e/make-traffic.sh} makes real TCP/HTTP traffic between network
 * namespaces, and while tcpdump writes it to a file, our command captures the same interface live
 * ({@code passivetcp -i s0 -o ours.log}, run inside the server's namespace, stopped once the traffic is over with
 * SIGTERM, which it treats as Ctrl-C: drained, with a final savepoint). Our log lines must equal those of the real p0f 3.09b on tcpdump's file, line
 * for line and in order.
 *
 * <p>Needs root, iproute2, tcpdump, python3, curl, p0f and libpcap; skipped without them, except under
 * {@code CI=true}, where it fails.
 */
class LiveCaptureEndToEndITCase {
    /** JVM and embedded Flink start-up, the traffic, the drain after Ctrl-C. */
    static final long TIMEOUT_SECONDS = 420;

    @TempDir
    Path dir;

    @Test
    void ourLiveCaptureEqualsP0fOnTcpdumpsFile() throws Exception {
        LiveTrafficEndToEndITCase.requireEnvironment();
        Path pcap = dir.resolve("out.pcap");
        Path ours = dir.resolve("live.log");
        List<String> passivetcp = new ArrayList<>(PassiveTcpProcess.command(dir));
        Path savepoints = dir.resolve("savepoints");
        // -f: an endless capture watches its database file, as --follow does
        passivetcp.addAll(List.of("-q", "-f", SharedData.stockDatabase().toString(), "-o", ours.toString(),
                "--savepoint-dir", savepoints.toString()));

        long started = System.nanoTime();
        LiveTrafficEndToEndITCase.makeTraffic(dir, pcap, passivetcp, TIMEOUT_SECONDS);
        long millis = (System.nanoTime() - started) / 1_000_000;

        String transcript = LiveTrafficEndToEndITCase.read(Path.of(pcap + ".live.txt"));
        assertTrue(transcript.contains("Capture on s0 closed:") && transcript.contains("dropped by the interface"),
                "no end-of-capture statistics line:\n" + transcript);
        // Ctrl-C drains an endless capture as it drains --follow: the final savepoint is written
        assertTrue(transcript.contains("passivetcp: stopped; resume with --from-savepoint file:" + savepoints),
                "not drained to a savepoint:\n" + transcript);
        assertTrue(Files.isRegularFile(ours), "no log written:\n" + transcript);
        List<String> expected = LiveTrafficEndToEndITCase.p0fLog(dir, pcap);
        List<String> actual = P0fParityITCase.p0fLines(ours);
        LiveTrafficEndToEndITCase.assertSameEvents(dir, pcap, expected, actual, String.format(
                "live capture: %d bytes of traffic in %d ms, including JVM start and drain%n%s", Files.size(pcap),
                millis, transcript.lines().filter(l -> l.contains("Capture on s0")).reduce("", (a, b) -> a + b)));
    }
}
