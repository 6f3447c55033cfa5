package io.passivetcp.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.flink.core.fs.FileStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an archive holds beside captures is skipped with one report each, and never hangs or stops the discovery.
 * (Unreadable entries are in HostileArchiveITCase: tests run as root, which reads everything.)
 */
class CaptureDiscoveryTest {
    @TempDir
    Path dir;

    @BeforeEach
    void resetCounters() {
        CaptureStatistics.reset();
    }

    @Test
    void specialFilesAndBrokenLinksAreSkippedBesideTheCaptures() throws Exception {
        Files.write(dir.resolve("a.pcap"), new byte[] {1});
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub/b.pcap"), new byte[] {1});
        Files.write(dir.resolve(".hidden.pcap"), new byte[] {1});
        mkfifo(dir.resolve("pipe.pcap"));
        Files.createSymbolicLink(dir.resolve("dangling.pcap"), dir.resolve("no-such-file"));
        Files.createSymbolicLink(dir.resolve("sub/up"), dir);
        Files.createSymbolicLink(dir.resolve("self-a"), dir.resolve("self-b"));
        Files.createSymbolicLink(dir.resolve("self-b"), dir.resolve("self-a"));
        Files.createSymbolicLink(dir.resolve("null.pcap"), Path.of("/dev/null"));
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(dir.resolve("socket.pcap")));

            CaptureDiscovery discovery = CaptureDiscovery.reporting();
            List<String> found = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> names(discovery));
            assertEquals(List.of("a.pcap", "sub/b.pcap"), found);
            assertEquals(7, CaptureStatistics.ENTRIES_SKIPPED.sum(),
                    "pipe, dangling link, link loop, two self-referencing links, device, socket: "
                            + CaptureStatistics.firstUnread());

            // --follow scans again: the same entries are not reported again
            assertEquals(found, names(discovery));
            assertEquals(7, CaptureStatistics.ENTRIES_SKIPPED.sum());
        }
    }

    @Test
    void namesThatAreNotUrisAreFoundAsThemselves() throws Exception {
        List<String> names = List.of("12:00:00.pcap", "50%.pcap", "a b.pcap", "host:eth0.pcap", "x#1.pcap",
                "\u00fc.pcap");
        for (String name : names) {
            Files.write(dir.resolve(name), new byte[] {1});
        }
        Files.createDirectories(dir.resolve("day:1"));
        Files.write(dir.resolve("day:1/c.pcap"), new byte[] {1});
        List<String> expected = new java.util.ArrayList<>(names);
        expected.add("day:1/c.pcap");
        expected.sort(null);
        assertEquals(expected, names(CaptureDiscovery.reporting()));
        assertEquals(0, CaptureStatistics.unread());
    }

    @Test
    void theSilentDiscoveryFindsTheSameCapturesAndReportsNothing() throws Exception {
        Files.write(dir.resolve("a.pcap"), new byte[] {1});
        mkfifo(dir.resolve("pipe.pcap"));
        assertEquals(List.of("a.pcap"), names(CaptureDiscovery.silent()));
        assertEquals(0, CaptureStatistics.unread());
    }

    @Test
    void aSkippedInputGivenByNameIsReported() throws Exception {
        Path pipe = dir.resolve("pipe.pcap");
        mkfifo(pipe);
        CaptureDiscovery discovery = CaptureDiscovery.reporting();
        assertEquals(List.of(), discovery.captures(new org.apache.flink.core.fs.Path[] {flinkPath(pipe)}));
        assertEquals(List.of(pipe.toString()), CaptureStatistics.firstUnread());
    }

    private List<String> names(CaptureDiscovery discovery) {
        return discovery.captures(new org.apache.flink.core.fs.Path[] {flinkPath(dir)}).stream()
                .map(FileStatus::getPath)
                .map(p -> dir.relativize(Path.of(p.toUri().getPath())).toString())
                .sorted()
                .collect(Collectors.toList());
    }

    private static org.apache.flink.core.fs.Path flinkPath(Path path) {
        return new org.apache.flink.core.fs.Path(path.toString());
    }

    static void mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "mkfifo " + path);
    }
}
