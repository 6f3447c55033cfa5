package io.passivetcp.job.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** Requests that cannot run are refused before any Flink work, with one clear line and exit code 2. */
class PassiveTcpCommandTest {
    @TempDir
    Path dir;

    @Test
    void aBadDatabaseIsNamedWithItsLine() throws Exception {
        Path capture = Files.write(dir.resolve("empty.pcap"), new byte[0]);
        Path db = Files.writeString(dir.resolve("bad.fp"), "classes = win,unix\n\n[tcp:request]\nsig = 4:64:0:*\n");
        Result r = run("-r", capture.toString(), "-f", db.toString());
        assertEquals(2, r.exitCode);
        assertTrue(r.stderr.contains("bad signature database") && r.stderr.contains(db.toString())
                && r.stderr.contains("line 4"), r.stderr);
    }

    @Test
    void aMissingInputIsNamed() {
        Result r = run("-r", dir.resolve("no-such.pcap").toString());
        assertEquals(2, r.exitCode);
        assertTrue(r.stderr.contains("no such capture file or folder") && r.stderr.contains("no-such.pcap"), r.stderr);
    }

    @Test
    void timeoutsOutOfP0fsRangeAreRefused() throws Exception {
        Path capture = Files.write(dir.resolve("empty.pcap"), new byte[0]);
        Result r = run("-r", capture.toString(), "-t", "0,120");
        assertEquals(2, r.exitCode);
        assertTrue(r.stderr.contains("-t wants"), r.stderr);
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Result r = run("--no-such-option");
        assertEquals(2, r.exitCode);
    }

    record Result(int exitCode, String stderr) {}

    static Result run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new PassiveTcpCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
            return new Result(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }
}
