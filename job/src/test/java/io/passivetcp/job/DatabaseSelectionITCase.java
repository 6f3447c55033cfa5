package io.passivetcp.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.passivetcp.job.cli.PassiveTcpCommand;
import picocli.CommandLine;

/**
 * The CLI's database selection, end to end: without options the bundled {@code passivetcp} database labels, with
 * {@code --db p0f} the bundled copy of p0f's, and either gives what p0f 3.09b itself logs with the same file, run
 * at test time ({@link RealP0f}).
 * stderr names the database once; the {@code -o} log stays p0f's format.
 */
class DatabaseSelectionITCase {
    static final Path DATASETS = DatasetVariantsITCase.DATASETS;
    static final Path LINUX = DATASETS.resolve("linux-variants/default.pcap");
    static final Path CONFIG = DATASETS.resolveSibling("config");

    @TempDir
    Path tmp;

    @Test
    void theDefaultIsTheBundledPassivetcpDatabase() throws Exception {
        Run run = run("-r", LINUX.toString());
        assertEquals(p0f(CONFIG.resolve("passivetcp.fp")), run.log);
        assertEquals(1, run.stderr.lines().filter(l -> l.contains("signature database")).count(), run.stderr);
        assertTrue(run.stderr.contains("passivetcp: signature database passivetcp (bundled config/passivetcp.fp, "),
                run.stderr);
    }

    @Test
    void dbP0fReproducesP0f() throws Exception {
        Run linux = run("--db", "p0f", "-r", LINUX.toString());
        assertEquals(p0f(CONFIG.resolve("p0f.fp")), linux.log);
        assertTrue(linux.stderr.contains("passivetcp: signature database p0f (bundled config/p0f.fp, "),
                linux.stderr);
        Run sample = run("--db", "p0f", "-r", DATASETS.resolve("sample.pcap").toString());
        assertEquals(expected("sample.log"), DatasetVariantsITCase.p0fEvents(sample.log));
    }

    @Test
    void dbTakesAFileToo() throws Exception {
        Path copy = Files.copy(CONFIG.resolve("p0f.fp"), tmp.resolve("mine.fp"));
        Run run = run("--db", copy.toString(), "-r", LINUX.toString());
        assertEquals(p0f(copy), run.log);
        assertTrue(run.stderr.contains("passivetcp: signature database " + copy + " ("), run.stderr);
    }

    /** What p0f logs for the Linux capture with {@code database}. */
    private List<String> p0f(Path database) throws Exception {
        RealP0f.require("database selection");
        Path dir = Files.createTempDirectory(tmp, "p0f");
        return RealP0f.log(LINUX, database, dir);
    }

    private static List<String> expected(String name) throws Exception {
        return Files.readAllLines(DATASETS.resolve("expected/" + name), StandardCharsets.ISO_8859_1);
    }

    record Run(List<String> log, String stderr) {}

    private Run run(String... args) throws Exception {
        Path log = Files.createTempFile(tmp, "run", ".log");
        Files.delete(log);
        List<String> all = new ArrayList<>(List.of("-q", "-p", "1", "-o", log.toString()));
        all.addAll(List.of(args));
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(new PassiveTcpCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                    .execute(all.toArray(String[]::new));
        } finally {
            System.setErr(saved);
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, stderr);
        return new Run(Files.readAllLines(log, StandardCharsets.ISO_8859_1), stderr);
    }
}
