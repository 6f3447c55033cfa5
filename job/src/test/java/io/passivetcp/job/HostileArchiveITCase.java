package io.passivetcp.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.passivetcp.job.relabel.TablesFolder;
import io.passivetcp.testutils.SharedData;

/**
 * An archive as a user may hand us: good captures (one with colons, spaces, '#' and '%' in its name) beside a FIFO,
 * a dangling link, a folder link loop, an unreadable capture, damaged captures and a file that is no capture. The
 * run ends, each good capture's log equals the one of a run on the good captures alone, every bad entry is named by
 * exactly one line, and the exit code is 3.
 *
 * <p>Tests run as root, which reads a file of mode 000; so the run over the archive drops the capabilities that let
 * root ignore file permissions (setpriv, as {@code PassiveTcpCommandTest} does for CAP_NET_RAW).
 */
class HostileArchiveITCase {
    private static final long RUN_LIMIT_MINUTES = 5;

    @TempDir
    Path dir;

    @Test
    void aHostileArchiveEndsWithTheGoodCapturesReadInFullAndEveryBadEntryNamedOnce() throws Exception {
        List<Path> goodCaptures = List.of(Paths.get("../datasets/sample.pcap").toAbsolutePath(),
                SharedData.resolve("corpus/dev/markofu__dosattack.pcap"),
                SharedData.resolve("corpus/dev/zeek__bro.org-filtered.pcap"));
        Path good = Files.createDirectories(dir.resolve("good"));
        Path archive = Files.createDirectories(dir.resolve("archive"));
        Files.createDirectories(archive.resolve("sub"));
        List<String> goodNames = new ArrayList<>();
        for (Path capture : goodCaptures) {
            Files.copy(capture, good.resolve(capture.getFileName()));
            Files.copy(capture, archive.resolve(capture.getFileName()));
            goodNames.add(capture.getFileName().toString());
        }
        // names that are not URIs: a colon (timestamped captures) read as a scheme failed the whole run
        String oddName = "12:00:00 host:eth0 #1 50%.pcap";
        Files.copy(goodCaptures.get(0), good.resolve(oddName));
        Files.copy(goodCaptures.get(0), archive.resolve(oddName));
        goodNames.add(oddName);

        List<String> bad = new ArrayList<>();
        for (String damaged : new String[] {"bad-pcapng-block.pcapng", "bogus-caplen.pcap", "empty.pcap",
                "garbage.pcap", "truncated-record.pcap"}) {
            Files.copy(Paths.get("../datasets/bad", damaged), archive.resolve(damaged));
            bad.add(damaged);
        }
        Files.writeString(archive.resolve("notes.pcap"), "meeting notes, not a capture\n");
        bad.add("notes.pcap");
        run(List.of("mkfifo", archive.resolve("pipe.pcap").toString()));
        bad.add("pipe.pcap");
        Files.createSymbolicLink(archive.resolve("moved.pcap"), archive.resolve("no-longer-here.pcap"));
        bad.add("moved.pcap");
        Files.createSymbolicLink(archive.resolve("sub/up"), Paths.get(".."));
        bad.add("sub/up");
        Path locked = Files.copy(goodCaptures.get(0), archive.resolve("locked.pcap"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        bad.add("locked.pcap");

        Result alone = passivetcp(List.of(), good, dir.resolve("logs-alone"));
        assertEquals(0, alone.exitCode, alone.stderr);

        List<String> dropFileCapabilities = "root".equals(System.getProperty("user.name"))
                ? List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps",
                        "-dac_override,-dac_read_search")
                : List.of();
        Result hostile = passivetcp(dropFileCapabilities, archive, dir.resolve("logs-archive"));
        assertEquals(3, hostile.exitCode, hostile.stderr);

        for (String name : goodNames) {
            String log = name + ".log";
            assertEquals(Files.readString(dir.resolve("logs-alone").resolve(log)),
                    Files.readString(dir.resolve("logs-archive").resolve(log)), log);
        }
        List<String> lines = hostile.stderr.lines().filter(l -> !l.isBlank()).toList();
        for (String entry : bad) {
            String path = archive.resolve(entry).toString();
            long naming = lines.stream().filter(l -> !l.startsWith("passivetcp: ") && l.contains(path)).count();
            assertEquals(1, naming, entry + " is named by one line in\n" + hostile.stderr);
        }
        String summary = lines.get(lines.size() - 1);
        assertTrue(summary.startsWith("passivetcp: " + bad.size() + " input(s) not read in full: 4 skipped, "
                + "3 not a capture, 3 failed: "), summary);
    }

    /**
     * A disk that fills while the log is written ({@code /dev/full} fails every write as a full disk does) fails the
     * job with one line naming the log and the reason, exit 1, and no stack trace: the writer's close after the
     * failure used to fail again, which Flink takes as fatal to the TaskManager.
     */
    @Test
    void aFullDiskFailsTheRunWithOneLineNamingTheLog() throws Exception {
        List<String> command = new ArrayList<>(PassiveTcpProcess.command(dir));
        command.addAll(List.of("-r", Paths.get("../datasets/sample.pcap").toAbsolutePath().toString(), "-q",
                "-o", "/dev/full"));
        Result full = run(command);
        assertEquals(1, full.exitCode, full.stderr);
        List<String> lines = full.stderr.lines().filter(l -> !l.isBlank()).toList();
        assertEquals("passivetcp: the job failed: IOException: -o /dev/full: cannot be written (No space left on "
                + "device) (--verbose shows the stack trace)", lines.get(lines.size() - 1), full.stderr);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("\tat ") || l.startsWith("[ERROR]")), full.stderr);
    }

    /**
     * A failure that comes back at every restart ends a following run after ten restarts, a second apart, with the
     * same one line and exit 1: a full disk under its log fails each attempt at its first checkpoint. It neither
     * loops unseen nor shows what Flink logs about the restarts (it logged two error lines a restart).
     */
    @Test
    void aFailureThatComesBackAtEveryRestartEndsAFollowingRunWithOneLine() throws Exception {
        Path watched = Files.createDirectories(dir.resolve("watched"));
        Files.copy(Paths.get("../datasets/sample.pcap"), watched.resolve("sample.pcap"));
        List<String> command = new ArrayList<>(PassiveTcpProcess.command(dir));
        command.addAll(List.of("-r", watched.toString(), "--follow", "--settle", "0", "--checkpoint-interval", "1",
                "-q", "-o", "/dev/full"));
        long start = System.nanoTime();
        Result full = run(command);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertEquals(1, full.exitCode, full.stderr);
        List<String> lines = full.stderr.lines().filter(l -> !l.isBlank()).toList();
        assertEquals("passivetcp: the job failed: IOException: -o /dev/full: cannot be written (No space left on "
                + "device) (--verbose shows the stack trace)", lines.get(lines.size() - 1), full.stderr);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("\tat ") || l.startsWith("[")), full.stderr);
        assertTrue(seconds >= 10, "ten restarts a second apart before the run ends, not " + seconds + " s");
    }

    /**
     * Ctrl-C (SIGTERM alike, which {@link Process#destroy} sends) in a batch run: one line says that the run is
     * cancelled and leaves no output, the exit code is 130, and no unfinished part file is left among the tables.
     * The archive (8 links to the 85 MB bench capture) takes seconds to read after the progress line appears; a
     * signal that comes before the job exists stops it as soon as it does.
     */
    @Test
    void anInterruptedBatchRunSaysSoAndLeavesNoUnfinishedTables() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("bench-links"));
        for (int i = 0; i < 8; i++) {
            Files.createSymbolicLink(archive.resolve("bench-" + i + ".pcap"),
                    SharedData.resolve("corpus/bench/bench-dev-stitched.pcap"));
        }
        Path tables = dir.resolve("tables");
        List<String> command = new ArrayList<>(PassiveTcpProcess.command(dir));
        command.addAll(List.of("-r", archive.toString(), "--out", tables.toString(), "-o",
                dir.resolve("p0f.log").toString()));
        Result interrupted = interruptedOnceItShows(command, "files 0/8");
        String stderr = interrupted.stderr;
        assertEquals(130, interrupted.exitCode, stderr);
        assertTrue(stderr.contains("\npassivetcp: cancelling (press Ctrl-C again to quit at once); a batch run writes "
                + "its logs and tables at its end, so this one leaves none\n"), stderr);
        assertTrue(stderr.lines().noneMatch(l -> l.startsWith("\tat ") || l.startsWith("[ERROR]")), stderr);
        try (var files = Files.walk(tables)) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).toList());
        }
    }

    /**
     * Ctrl-C (SIGTERM alike) to a {@code --follow} run as soon as it waits for its job, while the job's tasks are
     * still starting: the drain is asked again until they run, so the run ends with its final savepoint, exit 0.
     * The savepoint records the state scope it was written under, and a resume under the other one is refused
     * before Flink starts; the same scope resumes.
     */
    @Test
    void aStopDuringStartUpDrainsToASavepointThatKeepsItsStateScope() throws Exception {
        Path watched = Files.createDirectories(dir.resolve("watched"));
        Files.copy(Paths.get("../datasets/sample.pcap"), watched.resolve("sample.pcap"));
        Path savepoints = dir.resolve("savepoints");
        List<String> command = new ArrayList<>(PassiveTcpProcess.command(dir));
        command.addAll(List.of("-r", watched.toString(), "--follow", "--savepoint-dir", savepoints.toString(), "-o",
                dir.resolve("follow.log").toString()));
        // the first progress line comes a second after the signal handlers are in place, the job still starting
        Result stopped = interruptedOnceItShows(command, "files ");
        String stderr = stopped.stderr;
        assertEquals(0, stopped.exitCode, stderr);
        assertTrue(stderr.contains("passivetcp: stopped; resume with --from-savepoint "), stderr);
        Path savepoint;
        try (var written = Files.list(savepoints)) {
            savepoint = written.findFirst().orElseThrow();
        }
        assertTrue(Files.isRegularFile(savepoint.resolve("_metadata")), savepoint.toString());

        List<String> resume = new ArrayList<>(PassiveTcpProcess.command(dir));
        resume.addAll(List.of("-r", watched.toString(), "--follow", "-q", "--from-savepoint", savepoint.toString(),
                "--state-scope", "capture", "-o", dir.resolve("resumed.log").toString()));
        Result refused = run(resume);
        assertEquals(2, refused.exitCode, refused.stderr);
        assertEquals("passivetcp: --from-savepoint " + savepoint + ": written with --state-scope global, and this run "
                + "asks for capture, under which flows and hosts are keyed otherwise; resume with --state-scope "
                + "global", refused.stderr.strip(), refused.stderr);
    }

    /**
     * A damaged part file among a run's tables does not stop {@code relabel}: the others are relabelled, the damaged
     * one is named by one line, and the run ends with the summary line and exit 3, as a damaged capture does. It
     * failed the job (exit 1) half way, naming a Parquet object rather than the file.
     */
    @Test
    void relabelSkipsADamagedPartFileNamingItAndRelabelsTheOthers() throws Exception {
        Path tables = dir.resolve("tables");
        List<String> write = new ArrayList<>(PassiveTcpProcess.command(dir));
        write.addAll(List.of("-r", Paths.get("../datasets/sample.pcap").toAbsolutePath().toString(), "-q",
                "--out", tables.toString()));
        assertEquals(0, run(write).exitCode);
        List<String> parts = TablesFolder.partFiles(tables.toString());
        String damaged = parts.stream().filter(f -> f.startsWith("syn/")).reduce((a, b) -> b).orElseThrow();
        Files.writeString(tables.resolve(damaged), "not a Parquet file");

        Path relabelled = dir.resolve("relabelled");
        List<String> relabel = new ArrayList<>(PassiveTcpProcess.command(dir));
        relabel.addAll(List.of("relabel", "--tables", tables.toString(), "--db", "p0f", "--out",
                relabelled.toString()));
        Result result = run(relabel);
        assertEquals(3, result.exitCode, result.stderr);
        List<String> lines = result.stderr.lines().filter(l -> !l.isBlank()).toList();
        String name = damaged.substring(damaged.lastIndexOf('/') + 1);
        // the line and the summary
        assertEquals(2, lines.stream().filter(l -> l.contains(name)).count(), result.stderr);
        assertTrue(lines.contains("[WARN] Part file not read in full: " + tables.resolve(damaged)
                + ": RuntimeException: " + name + " is not a Parquet file. Expected magic number at tail, but found "
                + "[102, 105, 108, 101]"), result.stderr);
        assertEquals("passivetcp relabel: 1 table file(s) not read in full: " + tables.resolve(damaged),
                lines.get(lines.size() - 1), result.stderr);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("\tat ") || l.startsWith("[ERROR]")), result.stderr);
        List<String> others = new ArrayList<>(parts);
        others.remove(damaged);
        assertEquals(others, TablesFolder.partFiles(relabelled.toString()));
    }

    /**
     * A capture handed over through a pipe, as {@code tcpdump -w - | passivetcp -r -}, {@code -r <(zcat x.gz)} or a
     * named FIFO given by name, gives the log of the same capture read from its file; its copy is deleted at the end.
     * Such an input was skipped as "not a regular file (a FIFO)", exit 3. Standard input that is a device is refused
     * with one line.
     */
    @Test
    void aCapturePipedInGivesTheLogOfItsFile() throws Exception {
        Path sample = Paths.get("../datasets/sample.pcap").toAbsolutePath();
        Path spoolParent = Files.createDirectories(dir.resolve("tmp"));
        List<String> fromFile = new ArrayList<>(PassiveTcpProcess.command(dir));
        fromFile.addAll(List.of("-r", sample.toString(), "-q", "-o", dir.resolve("file.log").toString()));
        assertEquals(0, run(fromFile).exitCode);
        String expected = Files.readString(dir.resolve("file.log"));
        assertTrue(expected.lines().count() > 100, expected);

        // standard input a pipe, gzip-compressed
        List<String> fromStdin = new ArrayList<>(PassiveTcpProcess.command(dir, "-Djava.io.tmpdir=" + spoolParent));
        fromStdin.addAll(List.of("-r", "-", "-q", "-o", dir.resolve("stdin.log").toString(), "--log-dir",
                dir.resolve("logs").toString()));
        Process p = new ProcessBuilder(fromStdin).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdin.txt").toFile()).start();
        try (var in = new GZIPOutputStream(p.getOutputStream())) {
            in.write(Files.readAllBytes(sample));
        }
        assertTrue(p.waitFor(RUN_LIMIT_MINUTES, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("stdin.txt")));
        assertEquals(expected, Files.readString(dir.resolve("stdin.log")));
        assertEquals(expected, Files.readString(dir.resolve("logs/stdin.log")));
        try (var left = Files.list(spoolParent)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().startsWith("passivetcp-pipes-"))
                    .toList(), "the pipe's copy is deleted");
        }

        // a named FIFO, given by name, filled by a writer of its own
        Path fifo = dir.resolve("live.fifo");
        run(List.of("mkfifo", fifo.toString()));
        Thread writer = new Thread(() -> {
            try {
                Files.write(fifo, Files.readAllBytes(sample));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.start();
        List<String> fromFifo = new ArrayList<>(PassiveTcpProcess.command(dir));
        fromFifo.addAll(List.of("-r", fifo.toString(), "-q", "-o", dir.resolve("fifo.log").toString()));
        Result named = run(fromFifo);
        writer.join();
        assertEquals(0, named.exitCode, named.stderr);
        assertEquals(expected, Files.readString(dir.resolve("fifo.log")));

        List<String> fromDevice = new ArrayList<>(PassiveTcpProcess.command(dir));
        fromDevice.addAll(List.of("-r", "-", "-q", "-o", dir.resolve("null.log").toString()));
        Process q = new ProcessBuilder(fromDevice).redirectErrorStream(true)
                .redirectInput(new File("/dev/null")).redirectOutput(dir.resolve("null.txt").toFile()).start();
        assertTrue(q.waitFor(RUN_LIMIT_MINUTES, TimeUnit.MINUTES));
        assertEquals(2, q.exitValue());
        assertEquals("passivetcp: -r -: standard input is a terminal or device, not a capture; pipe one in (tcpdump "
                + "-w - ... | passivetcp -r -)", Files.readString(dir.resolve("null.txt")).strip());

        List<String> following = new ArrayList<>(PassiveTcpProcess.command(dir));
        following.addAll(List.of("-r", fifo.toString(), "--follow", "-o", dir.resolve("follow.log").toString()));
        Result refused = run(following);
        assertEquals(2, refused.exitCode, refused.stderr);
        assertEquals("passivetcp: -r " + fifo + ": a pipe is read once, to its end; --follow watches folders for new "
                + "captures", refused.stderr.strip());
    }

    /** One run of the command line with one log per capture, each capture on its own (p0f -r on each). */
    private Result passivetcp(List<String> prefix, Path input, Path logs) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(PassiveTcpProcess.command(dir));
        command.addAll(List.of("-r", input.toString(), "--state-scope", "capture", "--log-dir", logs.toString(),
                "-q", "-p", "2"));
        return run(command);
    }

    /**
     * Runs the command line and sends it SIGTERM ({@link Process#destroy}, as Ctrl-C does) once its output shows
     * {@code text}; the run must then end.
     */
    private Result interruptedOnceItShows(List<String> command, String text) throws Exception {
        Path output = Files.createTempFile(dir, "output", ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        p.getOutputStream().close();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(RUN_LIMIT_MINUTES);
        while (!Files.readString(output).contains(text) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        p.destroy();
        boolean ended = p.waitFor(RUN_LIMIT_MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "the run ends: " + command + "\n" + Files.readString(output));
        return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private Result run(List<String> command) throws Exception {
        Path output = Files.createTempFile(dir, "output", ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        p.getOutputStream().close();
        boolean ended = p.waitFor(RUN_LIMIT_MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "the run ends: " + command + "\n" + Files.readString(output));
        return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String stderr) {}
}
