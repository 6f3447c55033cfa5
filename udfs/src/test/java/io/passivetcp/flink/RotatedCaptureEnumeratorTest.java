package io.passivetcp.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.flink.connector.file.src.FileSourceSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which captures of a rotating folder {@code --follow} reads, and when. */
class RotatedCaptureEnumeratorTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final long SETTLE = 60_000;

    @Test
    void everyCaptureButTheNewestIsClosedAlready(@TempDir Path dir) throws Exception {
        file(dir.resolve("c-1.pcap"), NOW - 30_000);
        file(dir.resolve("c-2.pcap"), NOW - 20_000);
        file(dir.resolve("c-3.pcap"), NOW - 1_000); // still being written
        assertEquals(List.of("c-1.pcap", "c-2.pcap"), names(dir, NOW));
    }

    @Test
    void theNewestIsTakenOnceItHasSettled(@TempDir Path dir) throws Exception {
        file(dir.resolve("c-1.pcap"), NOW - 300_000);
        file(dir.resolve("c-2.pcap"), NOW - 1_000);
        assertEquals(List.of("c-1.pcap"), names(dir, NOW));
        assertEquals(List.of("c-1.pcap", "c-2.pcap"), names(dir, NOW - 1_000 + SETTLE));
    }

    @Test
    void hiddenFilesAreSkippedAndEachSubfolderRotatesOnItsOwn(@TempDir Path dir) throws Exception {
        file(dir.resolve(".c-0.pcap.tmp"), NOW - 300_000);
        file(dir.resolve("_tmp/c-0.pcap"), NOW - 300_000);
        file(dir.resolve("eth0/c-1.pcap"), NOW - 30_000);
        file(dir.resolve("eth0/c-2.pcap"), NOW - 1_000);
        file(dir.resolve("eth1/c-1.pcap"), NOW - 1_000);
        assertEquals(List.of("eth0/c-1.pcap"), names(dir, NOW));
    }

    @Test
    void aCaptureGivenByNameIsTakenOnceSettled(@TempDir Path dir) throws Exception {
        Path file = file(dir.resolve("c.pcap"), NOW - 1_000);
        assertEquals(List.of(), names(file, NOW));
        assertEquals(List.of(""), names(file, NOW - 1_000 + SETTLE));
    }

    @Test
    void aFifoBesideTheCapturesIsSkippedAndIsNotTheNewest(@TempDir Path dir) throws Exception {
        file(dir.resolve("c-1.pcap"), NOW - 30_000);
        file(dir.resolve("c-2.pcap"), NOW - 20_000);
        CaptureDiscoveryTest.mkfifo(dir.resolve("z-pipe.pcap"));
        assertEquals(List.of("c-1.pcap"), names(dir, NOW));
    }

    private static List<String> names(Path input, long now) throws Exception {
        RotatedCaptureEnumerator enumerator = new RotatedCaptureEnumerator(SETTLE, () -> now);
        org.apache.flink.core.fs.Path[] paths = {new org.apache.flink.core.fs.Path(input.toUri())};
        return enumerator.enumerateSplits(paths, 1).stream()
                .map(FileSourceSplit::path)
                .map(p -> input.relativize(Path.of(p.toUri())).toString())
                .sorted()
                .collect(Collectors.toList());
    }

    private static Path file(Path path, long mtime) throws Exception {
        Files.createDirectories(path.getParent());
        Files.write(path, new byte[] {1});
        Files.setLastModifiedTime(path, FileTime.fromMillis(mtime));
        return path;
    }
}
