package io.passivetcp.job.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.flink.configuration.ResourceManagerOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.source.reader.SourceReaderOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.passivetcp.job.PassiveTcpProcess;
import io.passivetcp.job.topology.JobOptions;
import io.passivetcp.testutils.Root;
import picocli.CommandLine;

/**
 * Requests that cannot run are refused before any Flink work, with one clear line and exit code 2 (a usage error)
 * or 1 (an interface that cannot be captured); never with a stack trace or the whole usage text.
 */
class PassiveTcpCommandTest {
    @TempDir
    Path dir;

    @Test
    void captureReadersDoNotWaitOutTheFetcherHandshakeFlinkLoses() {
        // FLINK-40660: with Flink's 30 s default, an archive of many small captures idled half a minute at its end
        for (boolean batch : new boolean[] {true, false}) {
            assertEquals(PassiveTcpCommand.SOURCE_READER_CLOSE_TIMEOUT_MS, PassiveTcpCommand.environment(batch, 1)
                    .getConfiguration().get(SourceReaderOptions.SOURCE_READER_CLOSE_TIMEOUT));
        }
    }

    @Test
    void aStageGetsItsSlotsWithoutTheSlotManagersBatchingDelay() {
        for (boolean batch : new boolean[] {true, false}) {
            assertEquals(Duration.ZERO, PassiveTcpCommand.environment(batch, 1).getConfiguration()
                    .get(ResourceManagerOptions.REQUIREMENTS_CHECK_DELAY));
        }
    }

    /** A full temporary folder failed the job with "No space left on device" and nothing naming the folder. */
    @Test
    void aFailureWritingFlinksTemporaryFilesNamesTheirFolder() {
        IOException spill = new IOException("No space left on device");
        spill.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                "org.apache.flink.runtime.io.network.partition.PartitionedFileWriter", "writeBuffers", null, 287)});
        Exception job = new RuntimeException("Job execution failed", new UncheckedIOException(spill));
        assertEquals(" (writing Flink's temporary files: an embedded run keeps them under "
                + System.getProperty("java.io.tmpdir") + ", which TMPDIR chooses; a cluster under its io.tmp.dirs)",
                PassiveTcpCommand.temporaryFiles(job));
        IOException output = new IOException("--out /data/tables: cannot be written (No space left on device)");
        output.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                "io.passivetcp.job.tables.BufferedPartStream", "flush", null, 60)});
        assertEquals("", PassiveTcpCommand.temporaryFiles(new RuntimeException(output)));
        assertEquals("", PassiveTcpCommand.temporaryFiles(new IllegalStateException("no I/O")));
    }

    /** Standard input can be read once: a second {@code -r -} would be an empty capture. */
    @Test
    void standardInputTwiceIsOneLine() {
        assertOneLineUsageError("passivetcp: -r - is given twice; standard input can be read once", "-q", "-r", "-",
                "-r", "-", "-o", dir.resolve("twice.log").toString());
    }

    /**
     * A shell glob after -r ({@code -r day1/*.pcap}) gives several paths: each is an input, up to the next option.
     * The second was refused as "Unmatched argument".
     */
    @Test
    void severalPathsFollowOneDashR() {
        PassiveTcpCommand command = new PassiveTcpCommand();
        PassiveTcpCommand.commandLine(command).parseArgs("-r", "a.pcap", "b.pcap", "-o", "x.log", "-r", "c/", "-q");
        assertEquals(List.of("a.pcap", "b.pcap", "c/"), command.inputs);
        assertEquals("x.log", command.logFile);
    }

    @Test
    void anEmbeddedStreamingRunStopsRestartingAfterTenFailuresInTenMinutes() throws Exception {
        // Flink's default with checkpoints restarts forever: a failure that came back every time looped unseen
        PassiveTcpCommand command = new PassiveTcpCommand();
        PassiveTcpCommand.commandLine(command).parseArgs("-r", dir.toString(), "--follow");
        StreamExecutionEnvironment env = PassiveTcpCommand.environment(false, 1);
        command.enableCheckpointing(env);
        assertEquals("failure-rate", env.getConfiguration().get(RestartStrategyOptions.RESTART_STRATEGY));
        assertEquals(10, env.getConfiguration().get(
                RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL));
        assertEquals(Duration.ofMinutes(10), env.getConfiguration().get(
                RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL));
    }

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
    void aLocalInputWithAColonIsAPathNotAUri() throws Exception {
        Path capture = Files.write(dir.resolve("12:00:00.pcap"), new byte[] {0});
        Path folder = Files.createDirectories(dir.resolve("host:eth0"));
        String cwd = Paths.get("").toAbsolutePath().toString();
        for (Path local : List.of(capture, folder)) {
            String relative = Paths.get(cwd).relativize(local).toString();
            assertEquals(local.toString(), OutputPaths.flinkPath(relative));
            assertEquals(local.toString(), OutputPaths.flinkPath(local.toString()));
        }
        for (String uri : List.of("s3://bucket/archive", "file:///data/x.pcap", "hdfs://nn:8020/pcaps")) {
            assertEquals(uri, OutputPaths.flinkPath(uri));
        }
    }

    /** Outputs, savepoints and relabelled tables that do not exist yet are paths too, which Flink can read. */
    @Test
    void aLocalPathWithAColonThatDoesNotExistYetIsAPath() {
        String cwd = Paths.get("").toAbsolutePath().toString();
        for (String relative : List.of("tables:v2", "sp:1/run", "12:00:00.log")) {
            String path = OutputPaths.flinkPath(relative);
            assertEquals(Paths.get(cwd, relative).toString(), path);
            org.apache.flink.core.fs.Path flink = new org.apache.flink.core.fs.Path(path);
            assertEquals(path, flink.toUri().getPath());
            assertTrue(OutputPaths.isLocal(relative), relative);
        }
        assertEquals("plain/folder", OutputPaths.flinkPath("plain/folder"));
        assertEquals(null, OutputPaths.flinkPath(null));
    }

    @Test
    void aMissingInputIsNamed() {
        Result r = run("-r", dir.resolve("no-such.pcap").toString());
        assertEquals(2, r.exitCode);
        assertTrue(r.stderr.contains("no such capture file or folder") && r.stderr.contains("no-such.pcap"), r.stderr);
    }

    @Test
    void timeoutsOutOfP0fsRangeAreRefused() throws Exception {
        assertUsageError("-t wants", "-r", emptyCapture(), "-t", "0,120");
    }

    @Test
    void timeoutsAtP0fsLimitsAreAccepted() throws Exception {
        JobOptions options = options("-r", emptyCapture(), "-t", "1000000,1000000");
        assertEquals(1_000_000, options.connMaxAgeSeconds());
        assertEquals(1_000_000, options.hostIdleLimitMinutes());
        assertEquals(1, options("-r", emptyCapture(), "-t", "1,1").connMaxAgeSeconds());
    }

    @Test
    void timeoutsBeyondP0fsLimitsAreOneLine() throws Exception {
        for (String t : new String[] {"1000001,120", "30,1000001", "30,0", "-1,120", "30,120,5", "x"}) {
            assertOneLineUsageError("passivetcp: -t wants CONN_SECONDS,HOST_MINUTES, each 1-1000000; got '" + t + "'",
                    "-r", emptyCapture(), "-t", t);
        }
    }

    @Test
    void parallelismOutOfRangeIsOneLine() throws Exception {
        assertOneLineUsageError("passivetcp: -p wants a number of subtasks >= 1; got 0", "-r", emptyCapture(),
                "-p", "0");
        assertOneLineUsageError("passivetcp: -p wants a number of subtasks >= 1; got -1", "-r", emptyCapture(),
                "-p", "-1");
        assertOneLineUsageError("passivetcp: -p wants 1-" + PassiveTcpCommand.MAX_EMBEDDED_PARALLELISM
                + " subtasks in the embedded run; got 1000 (on a cluster, Flink's own limits apply)",
                "-r", emptyCapture(), "-p", "1000");
    }

    @Test
    void anInvalidValueIsOneLineAndAHintNotTheUsage() throws Exception {
        assertOneLineUsageError("passivetcp: Invalid value for option '--parallelism': 'many' is not an int "
                + "(see passivetcp --help)", "-r", emptyCapture(), "-p", "many");
    }

    @Test
    void anEmptyInputPathIsNamed() {
        assertOneLineUsageError("passivetcp: -r wants a path; got an empty one", "-r", "");
    }

    /** A folder without captures is read in full, and the run says that there was nothing in it. */
    @Test
    void aFolderWithoutCapturesIsSaidSoAndExitsZero() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-captures"));
        Result r = run("-q", "-r", empty.toString());
        assertEquals(0, r.exitCode, r.stderr);
        assertTrue(r.stderr.contains("passivetcp: no capture files under -r " + empty), r.stderr);
    }

    @Test
    void aMissingSavepointIsNamed() throws Exception {
        Path missing = dir.resolve("savepoint-1");
        assertOneLineUsageError("passivetcp: --from-savepoint " + missing + ": no savepoint or retained checkpoint "
                + "there (no such path, or no _metadata in it)", "-r", emptyCapture(), "--mode", "streaming",
                "--from-savepoint", missing.toString());
        Files.createDirectories(missing);
        assertUsageError("--from-savepoint " + missing + ": no savepoint", "-r", emptyCapture(), "--mode",
                "streaming", "--from-savepoint", missing.toString());
    }

    /** A damaged savepoint used to be refused by the JobMaster once submitted: a Flink error line, then exit 1. */
    @Test
    void aDamagedSavepointIsNamedBeforeTheJob() throws Exception {
        Path damaged = Files.createDirectories(dir.resolve("savepoint-2"));
        Files.writeString(damaged.resolve("_metadata"), "not a savepoint");
        assertOneLineUsageError("passivetcp: --from-savepoint " + damaged + ": not a readable savepoint (IOException: "
                + "Unexpected magic number. This can have multiple reasons: (1) You are trying to load a Flink 1.0 "
                + "savepoint, which is not supported by this version of Flink. (2) The file you were pointing to is not "
                + "a savepoint at all. (3) The savepoint file has been corrupted.)", "-r", emptyCapture(), "--mode",
                "streaming", "--from-savepoint", damaged.toString());
        Files.write(damaged.resolve("_metadata"), new byte[] {0x49, 0x60, 0x67, 0x2d}); // the magic, then nothing
        Path metadata = damaged.resolve("_metadata");
        assertUsageError("--from-savepoint " + metadata + ": not a readable savepoint (EOFException", "-r",
                emptyCapture(), "--mode", "streaming", "--from-savepoint", metadata.toString());
    }

    /** The text logs are local files: a URI of another file system used to be written as a local "s3:" folder. */
    @Test
    void aLogOnAnotherFileSystemIsOneLine() throws Exception {
        for (String option : List.of("-o", "--log-dir")) {
            assertOneLineUsageError("passivetcp: " + option + " s3://bucket/logs: the p0f-format logs are local files, "
                    + "as p0f's -o is; write to other file systems with --out", "-r", emptyCapture(), option,
                    "s3://bucket/logs");
        }
    }

    /**
     * A file system Flink has no plugin for is named before the job, not by the failed job (tables) or at Ctrl-C
     * (the final savepoint).
     */
    @Test
    void outputsOnAFileSystemWithoutItsPluginAreOneLine() throws Exception {
        assertUsageError("--out s3://bucket/tables: UnsupportedFileSystemSchemeException: Could not find a file system "
                + "implementation for scheme 's3'", "-r", emptyCapture(), "--out", "s3://bucket/tables");
        assertUsageError("--savepoint-dir s3://bucket/savepoints: UnsupportedFileSystemSchemeException", "-r",
                emptyCapture(), "--follow", "--savepoint-dir", "s3://bucket/savepoints");
    }

    /** {@code file:} URIs of the logs name local paths (they used to be written under a local folder "file:"). */
    @Test
    void fileUrisOfTheLogsAreTheirLocalPaths() throws Exception {
        String sample = Paths.get("../datasets/sample.pcap").toAbsolutePath().toString();
        Path log = dir.resolve("uri.log");
        Path logs = dir.resolve("uri-logs");
        Result r = run("-q", "-r", sample, "-o", log.toUri().toString(), "--log-dir", logs.toUri().toString());
        assertEquals(0, r.exitCode, r.stderr);
        List<String> lines = Files.readAllLines(log);
        assertTrue(!lines.isEmpty(), "the -o log has the sample's lines");
        assertEquals(lines, Files.readAllLines(logs.resolve("sample.pcap.log")));
    }

    /**
     * A second run into the same {@code --out} adds its rows beside the first's, which a query then counts twice: the
     * run says so once, and still writes (appending a day to the days before is meant at times).
     */
    @Test
    void tablesOfAnEarlierRunUnderOutAreNamedOnce() throws Exception {
        String sample = Paths.get("../datasets/sample.pcap").toAbsolutePath().toString();
        Path tables = dir.resolve("tables");
        Result first = run("-q", "-r", sample, "--out", tables.toString());
        assertEquals(0, first.exitCode, first.stderr);
        assertTrue(first.stderr.lines().noneMatch(l -> l.startsWith("[WARN]")), first.stderr);
        long parts;
        try (var files = Files.walk(tables)) {
            parts = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).count();
        }
        Result second = run("-q", "-r", sample, "--out", tables.toString());
        assertEquals(0, second.exitCode, second.stderr);
        assertEquals(List.of("[WARN] --out " + tables + " already holds " + parts + " table part files of earlier "
                + "runs: this run adds its own beside them, and a query over the folder counts both (write each run to "
                + "a fresh folder unless that is meant)"),
                second.stderr.lines().filter(l -> l.startsWith("[WARN]")).toList(), second.stderr);
        try (var files = Files.walk(tables)) {
            assertEquals(2 * parts, files.filter(f -> f.getFileName().toString().endsWith(".parquet")).count());
        }
    }

    /**
     * Every capture of a run has its {@code --log-dir} log at the end, as {@code p0f -r X -o X.log} creates X.log: one
     * without an event an empty one (also in place of an earlier run's log), a file that is no capture none. A
     * capture without an event had no log, and an earlier run's log stayed.
     */
    @Test
    void aCaptureWithoutEventsHasAnEmptyLogAndAFileThatIsNoCaptureNone() throws Exception {
        Path sample = Paths.get("../datasets/sample.pcap");
        Path archive = Files.createDirectories(dir.resolve("quiet/sub"));
        Files.copy(sample, archive.resolve("sample.pcap"));
        Files.write(archive.resolve("header-only.pcap"), Arrays.copyOf(Files.readAllBytes(sample), 24));
        Files.writeString(archive.resolve("notes.txt"), "not a capture\n");
        Path logs = Files.createDirectories(dir.resolve("quiet-logs/sub"));
        Files.writeString(logs.resolve("header-only.pcap.log"), "a line of an earlier run\n");
        Result r = run("-q", "-r", archive.getParent().toString(), "--log-dir", logs.getParent().toString());
        assertEquals(3, r.exitCode, r.stderr); // the file that is no capture
        assertTrue(Files.size(logs.resolve("sample.pcap.log")) > 0);
        assertEquals(0, Files.size(logs.resolve("header-only.pcap.log")));
        assertFalse(Files.exists(logs.resolve("notes.txt.log")));
    }

    /** Two captures at one path under two -r roots would interleave their lines in one --log-dir log. */
    @Test
    void capturesThatWouldShareALogAreOneLine() throws Exception {
        Path sample = Paths.get("../datasets/sample.pcap");
        Path a = Files.createDirectories(dir.resolve("site-a"));
        Path b = Files.createDirectories(dir.resolve("site-b"));
        Files.copy(sample, a.resolve("eth0.pcap"));
        Files.copy(sample, b.resolve("eth0.pcap"));
        Path logs = dir.resolve("site-logs");
        assertOneLineUsageError("passivetcp: --log-dir " + logs + ": file:" + a.resolve("eth0.pcap") + " and file:"
                + b.resolve("eth0.pcap") + " would both write eth0.pcap.log (the same path under their -r roots); "
                + "give their common folder as one -r, or write their logs apart", "-r", a.toString(), "-r",
                b.toString(), "--log-dir", logs.toString());
        Result apart = run("-q", "-r", dir.resolve("site-a").toString(), "--log-dir", logs.toString());
        assertEquals(0, apart.exitCode, apart.stderr);
    }

    @Test
    void anOutputThatCannotBeWrittenIsNamedBeforeTheJob() throws Exception {
        assertOneLineUsageError("passivetcp: -o " + dir + ": is a folder; -o wants a file", "-r", emptyCapture(),
                "-o", dir.toString());
    }

    @Test
    void aLatin1ByteInADatabaseNameIsNamedWithItsLine() throws Exception {
        Path db = dir.resolve("latin1.fp");
        Files.write(db, latin1("classes = win,unix\n[tcp:request]\nlabel = s:unix:Lin\u00e9x:2.6\n"));
        Result r = run("-r", emptyCapture(), "-f", db.toString());
        assertEquals(2, r.exitCode);
        assertTrue(r.stderr.strip().startsWith("passivetcp: bad signature database: " + db + ", line 3: ")
                && r.stderr.strip().lines().count() == 1, r.stderr);
    }

    /** A file: URI of the database names its local file, as for every other path option. */
    @Test
    void aDatabaseFileUriIsItsLocalFile() throws Exception {
        Path db = Files.writeString(dir.resolve("uri.fp"), "classes = win,unix\n[tcp:request]\nlabel = s:unix:Linux:x\n"
                + "sig = 4:64:0:*:mss*20,10:mss,sok,ts,nop,ws:df,id+:0\n");
        for (String option : List.of("-f", "--db")) {
            String loaded = options("-r", emptyCapture(), option, db.toUri().toString()).databaseName();
            assertTrue(loaded.startsWith("signature database " + db + " (1 signatures, "), option + ": " + loaded);
        }
    }

    @Test
    void aLatin1ByteInADatabaseFlavorLoads() throws Exception {
        Path db = dir.resolve("latin1.fp");
        Files.write(db, latin1("classes = win,unix\n[tcp:request]\nlabel = s:unix:Linux:caf\u00e9\n"
                + "sig = 4:64:0:*:mss*20,10:mss,sok,ts,nop,ws:df,id+:0\n"));
        String loaded = options("-r", emptyCapture(), "-f", db.toString()).databaseName();
        assertTrue(loaded.startsWith("signature database " + db + " (1 signatures, "), loaded);
    }

    @Test
    void aJobFailureIsNamedByTheFirstLineOfItsInnermostCause() {
        Exception failure = new RuntimeException("Job execution failed.", new IllegalStateException("wrapped",
                new IOException("Insufficient number of network buffers: required 16\nYou can increase ...")));
        assertEquals("IOException: Insufficient number of network buffers: required 16",
                PassiveTcpCommand.rootCause(failure));
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Result r = run("--no-such-option");
        assertEquals(2, r.exitCode);
    }

    @Test
    void exactlyOneOfReadInterfaceAndListIsRequired() throws Exception {
        for (String[] args : new String[][] {{}, {"-r", emptyCapture(), "-i", "lo"}, {"-i", "lo", "-L"}}) {
            assertUsageError("give exactly one of -r PATH (capture files), -i IFACE (live capture) or -L", args);
        }
    }

    @Test
    void liveOptionsNeedALiveCapture() throws Exception {
        assertUsageError("are for a live capture (-i)", "-r", emptyCapture(), "--bpf", "tcp");
    }

    /** The same interface twice would open two captures of it, and every packet would count twice. */
    @Test
    void anInterfaceGivenTwiceIsOneLine() {
        assertOneLineUsageError("passivetcp: -i lo is given twice; give each interface once", "-i", "lo", "-i", "lo",
                "-c", "1");
    }

    @Test
    void aLiveCaptureDoesNotRunInBatch() {
        Root.require("a live capture");
        assertUsageError("runs in streaming mode", "-i", "lo", "--mode", "batch");
    }

    @Test
    void anEndlessCaptureWatchesItsDatabaseFileAndOneWithLimitsReadsItOnce() throws Exception {
        Root.require("a live capture");
        Path db = Files.writeString(dir.resolve("mine.fp"), "classes = win\n");
        JobOptions endless = options("-i", "lo", "-f", db.toString());
        assertTrue(endless.endless());
        assertEquals(db.toString(), endless.watchedDatabase());
        for (String[] limit : new String[][] {{"-c", "10"}, {"--capture-seconds", "5"}}) {
            JobOptions bounded = options("-i", "lo", limit[0], limit[1], "-f", db.toString());
            assertTrue(!bounded.endless() && bounded.watchedDatabase() == null, String.join(" ", limit));
        }
        assertEquals(null, options("-i", "lo").watchedDatabase(), "a bundled database never changes");
    }

    @Test
    void anUnknownInterfaceIsOneLineAndExitCodeTwo() {
        Root.require("a live capture");
        Result r = run("-i", "nosuch0");
        assertEquals(2, r.exitCode);
        assertEquals("passivetcp: no such interface: nosuch0 (passivetcp -L lists them)", r.stderr.strip());
    }

    @Test
    void aBadFilterIsOneLineAndExitCodeTwo() {
        Root.require("a live capture");
        Result r = run("-i", "lo", "--bpf", "port 80 or");
        assertEquals(2, r.exitCode);
        assertTrue(r.stderr.strip().startsWith("passivetcp: bad BPF expression 'port 80 or': ")
                && r.stderr.strip().lines().count() == 1, r.stderr);
    }

    @Test
    void withoutCapNetRawThePermissionIsNamed() throws Exception {
        Root.require("dropping CAP_NET_RAW");
        // setpriv (util-linux) runs the command with CAP_NET_RAW gone from its capability bounding set
        List<String> command = new ArrayList<>(List.of("setpriv", "--bounding-set", "-net_raw", "--inh-caps",
                "-net_raw"));
        command.addAll(PassiveTcpProcess.command(dir));
        command.addAll(List.of("-i", "lo"));
        Result r = runProcess(command);
        assertEquals(1, r.exitCode, r.stderr);
        assertTrue(r.stderr.strip().startsWith("passivetcp: no permission to capture on lo: run as root or give java "
                + "CAP_NET_RAW") && r.stderr.strip().lines().count() == 1, r.stderr);
    }

    @Test
    void withoutLibpcapTheLibraryIsNamed() throws Exception {
        // pcap4j's own property names the library to load: point it at one that does not exist
        List<String> command = new ArrayList<>(PassiveTcpProcess.command(dir,
                "-Dorg.pcap4j.core.pcapLibName=" + dir.resolve("no-libpcap.so")));
        command.add("-L");
        Result r = runProcess(command);
        assertEquals(1, r.exitCode, r.stderr);
        assertTrue(r.stderr.strip().startsWith("passivetcp: libpcap cannot be loaded (install libpcap, e.g. the "
                + "Debian package libpcap0.8): ") && r.stderr.strip().lines().count() == 1, r.stderr);
    }

    @Test
    void listingTheInterfacesShowsLoopback() {
        Root.require("listing interfaces");
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        Result r;
        try {
            r = run("-L");
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, r.exitCode, r.stderr);
        String list = out.toString(StandardCharsets.UTF_8);
        assertTrue(list.contains("-- Available interfaces --") && list.contains("Name        : lo")
                && list.contains("IP address  : 127.0.0.1"), list);
    }

    private String emptyCapture() throws IOException {
        return Files.write(dir.resolve("empty.pcap"), new byte[0]).toString();
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The options a command line gives, checked as before a run, without running it. */
    private static JobOptions options(String... args) throws Exception {
        PassiveTcpCommand command = new PassiveTcpCommand();
        PassiveTcpCommand.commandLine(command).parseArgs(args);
        return command.options();
    }

    static void assertOneLineUsageError(String line, String... args) {
        Result r = run(args);
        assertEquals(2, r.exitCode, String.join(" ", args));
        assertEquals(line, r.stderr.strip(), String.join(" ", args));
    }

    static void assertUsageError(String message, String... args) {
        Result r = run(args);
        assertEquals(2, r.exitCode, String.join(" ", args));
        assertTrue(r.stderr.contains(message), r.stderr);
    }

    static Result runProcess(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return new Result(p.exitValue(), output);
    }

    record Result(int exitCode, String stderr) {}

    static Result run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = PassiveTcpCommand.commandLine(new PassiveTcpCommand()).execute(args);
            return new Result(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }
}
