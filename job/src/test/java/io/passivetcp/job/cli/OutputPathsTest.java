package io.passivetcp.job.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.passivetcp.job.cli.PassiveTcpCommand.UsageException;

/** Output paths are created, or refused in one line naming the option and the path, before Flink starts. */
class OutputPathsTest {
    @TempDir
    Path dir;

    @Test
    void theLogAndItsMissingFoldersAreCreated() throws Exception {
        Path log = dir.resolve("a/b/p0f.log");
        OutputPaths.checkLogFile("-o", log.toString());
        assertTrue(Files.isRegularFile(log));
    }

    @Test
    void anExistingLogIsKeptForAppending() throws Exception {
        Path log = Files.writeString(dir.resolve("p0f.log"), "earlier run\n");
        OutputPaths.checkLogFile("-o", log.toString());
        assertEquals("earlier run\n", Files.readString(log));
    }

    @Test
    void aFolderIsNotALogFile() {
        assertRefused("-o " + dir + ": is a folder; -o wants a file", () -> OutputPaths.checkLogFile("-o",
                dir.toString()));
    }

    @Test
    void aMissingOutputFolderIsCreatedAndNoProbeIsLeft() throws Exception {
        Path out = dir.resolve("tables/2024");
        OutputPaths.checkFolder("--out", out.toString());
        assertTrue(Files.isDirectory(out));
        try (var entries = Files.list(out)) {
            assertEquals(List.of(), entries.toList());
        }
    }

    @Test
    void anInputCaptureIsNeverALog() throws Exception {
        Path capture = Files.write(dir.resolve("x.pcap"), new byte[] {1, 2, 3});
        assertRefused("-o " + capture + ": is an input file (-r " + capture + ")",
                () -> OutputPaths.checkOutsideInputs("-o", capture.toString(), List.of(capture.toString())));
        Path link = Files.createSymbolicLink(dir.resolve("link.pcap"), capture);
        assertRefused("-o " + link + ": is an input file",
                () -> OutputPaths.checkOutsideInputs("-o", link.toString(), List.of(capture.toString())));
    }

    @Test
    void noOutputGoesInsideAnInputFolderNorIsCreatedThere() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("archive/sub"));
        Path linkToArchive = Files.createSymbolicLink(dir.resolve("elsewhere"), archive.getParent());
        for (Path output : List.of(archive.getParent(), archive.resolve("tables"), linkToArchive.resolve("new/logs"))) {
            assertRefused("--out " + output + ": is inside the input folder -r " + archive.getParent(),
                    () -> OutputPaths.checkOutsideInputs("--out", output.toString(),
                            List.of(archive.getParent().toString())));
        }
        assertTrue(Files.notExists(archive.getParent().resolve("new")));
        // beside the input folder, and a folder that only shares the name's start, are fine
        OutputPaths.checkOutsideInputs("--out", dir.resolve("tables").toString(), List.of(archive.toString()));
        OutputPaths.checkOutsideInputs("--log-dir", dir.resolve("archive-logs").toString(),
                List.of(dir.resolve("archive").toString()));
        // a log beside a capture given by name is fine too
        Path capture = Files.write(archive.resolve("x.pcap"), new byte[] {1});
        OutputPaths.checkOutsideInputs("--log-dir", archive.toString(), List.of(capture.toString()));
    }

    @Test
    void aFileWhereAFolderIsNeededIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertRefused("--out " + file + ": is a file; --out wants a folder",
                () -> OutputPaths.checkFolder("--out", file.toString()));
        assertRefused("--log-dir " + file.resolve("logs") + ": cannot be created (",
                () -> OutputPaths.checkFolder("--log-dir", file.resolve("logs").toString()));
        assertRefused("-o " + file.resolve("p0f.log") + ": its folder cannot be created (",
                () -> OutputPaths.checkLogFile("-o", file.resolve("p0f.log").toString()));
    }

    @Test
    void aLocationWhereNothingCanBeCreatedIsNamed() {
        // procfs refuses new entries even to root, as a read-only mount does
        assertRefused("--log-dir /proc/passivetcp-logs: cannot be created (",
                () -> OutputPaths.checkFolder("--log-dir", "/proc/passivetcp-logs"));
        assertRefused("-o /proc/passivetcp.log: cannot be written (",
                () -> OutputPaths.checkLogFile("-o", "/proc/passivetcp.log"));
    }

    @Test
    void anEmptyPathIsRefused() {
        assertRefused("--out wants a path; got an empty one", () -> OutputPaths.checkFolder("--out", ""));
    }

    /**
     * A folder of another file system is left to the job once Flink has a file system for its scheme; without one
     * (no S3 plugin here) it is refused before the job, which used to fail on it.
     */
    @Test
    void pathsOfOtherFilesystemsNeedTheirFileSystem() {
        assertRefused("--out s3://bucket/tables: UnsupportedFileSystemSchemeException: ",
                () -> OutputPaths.checkFolder("--out", "s3://bucket/tables"));
        assertRefused("--log-dir s3://bucket/logs: the p0f-format logs are local files",
                () -> OutputPaths.checkLogFolder("--log-dir", "s3://bucket/logs"));
    }

    private static void assertRefused(String start, org.junit.jupiter.api.function.Executable check) {
        UsageException e = assertThrows(UsageException.class, check);
        assertTrue(e.getMessage().startsWith(start) && e.getMessage().lines().count() == 1, e.getMessage());
    }
}
