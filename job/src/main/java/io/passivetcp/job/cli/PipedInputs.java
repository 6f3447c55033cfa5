package io.passivetcp.job.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.util.FileUtils;

import io.passivetcp.flink.CaptureDiscovery;
import io.passivetcp.job.cli.PassiveTcpCommand.UsageException;

/**
 * Captures handed over through a pipe: {@code -r -} (standard input, as tcpdump takes it), {@code -r /dev/stdin},
 * {@code -r <(zstdcat x.pcap.zst)} or a named FIFO given by name. A pipe can be read once, and a run reads a capture
 * more than once (the scan for its hosts, then the analysis), so each is first copied to a temporary file, named
 * after the pipe ({@code stdin}, {@code 63}, {@code x.fifo}), which the run reads as the capture; the copies are
 * deleted when the command ends. A FIFO inside a folder under {@code -r} is still skipped: only one named on the
 * command line was meant to be read.
 */
final class PipedInputs implements AutoCloseable {
    /** {@code -r -}: the capture is standard input. */
    static final String STANDARD_INPUT = "-";

    private final InputStream standardInput;
    private Path spool;
    /** Deletes the copies when the JVM ends otherwise, e.g. at a Ctrl-C while a pipe is read. */
    private Thread deleteAtExit;

    /** @param standardInput what {@code -r -} reads: {@link System#in} */
    PipedInputs(InputStream standardInput) {
        this.standardInput = standardInput;
    }

    /** Whether {@code input} (an {@code -r} value) is read from a pipe: {@code -} or a local FIFO, links followed. */
    static boolean isPipe(String input) {
        if (STANDARD_INPUT.equals(input)) {
            return true;
        }
        return fileType(input) == CaptureDiscovery.S_IFIFO;
    }

    /** The file type bits of a local path's target, links followed; 0 for anything else. */
    private static int fileType(String input) {
        try {
            Path path = Paths.get(OutputPaths.localPath(input));
            return Files.exists(path) ? CaptureDiscovery.fileType(path) : 0;
        } catch (IOException | RuntimeException e) {
            return 0; // not a local path: a folder or file of another file system
        }
    }

    /**
     * {@code inputs} with every pipe replaced by a temporary file holding all it gave; standard input is refused
     * when it is a terminal. Reads each pipe to its end.
     */
    List<String> spool(List<String> inputs) throws UsageException {
        if (inputs.stream().filter(STANDARD_INPUT::equals).count() > 1) {
            throw new UsageException("-r - is given twice; standard input can be read once");
        }
        List<String> read = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            String input = inputs.get(i);
            if (!isPipe(input)) {
                read.add(input);
                continue;
            }
            if (STANDARD_INPUT.equals(input) && fileType("/dev/stdin") == CaptureDiscovery.S_IFCHR) {
                throw new UsageException("-r -: standard input is a terminal or device, not a capture; pipe one in "
                        + "(tcpdump -w - ... | passivetcp -r -)");
            }
            Path copy;
            try {
                if (spool == null) {
                    spool = Files.createTempDirectory("passivetcp-pipes-");
                    deleteAtExit = new Thread(this::deleteCopies, "delete the pipes' copies");
                    Runtime.getRuntime().addShutdownHook(deleteAtExit);
                }
                copy = Files.createDirectory(spool.resolve(Integer.toString(i + 1))).resolve(name(input));
            } catch (IOException e) {
                throw new UsageException("-r " + input + ": no temporary folder for its copy ("
                        + OutputPaths.reason(e) + ")");
            }
            try (InputStream in = STANDARD_INPUT.equals(input) ? standardInput
                    : Files.newInputStream(Paths.get(OutputPaths.localPath(input)))) {
                Files.copy(in, copy);
            } catch (IOException e) {
                throw new UsageException("-r " + input + ": cannot be copied to " + copy + " ("
                        + OutputPaths.reason(e) + ")");
            }
            read.add(copy.toString());
        }
        return read;
    }

    /** The copy's name: the pipe's own ({@code stdin} for standard input). */
    private static String name(String input) {
        if (STANDARD_INPUT.equals(input)) {
            return "stdin";
        }
        Path name = Paths.get(OutputPaths.localPath(input)).getFileName();
        return name == null ? "pipe" : name.toString();
    }

    /** Deletes the copies. */
    @Override
    public void close() throws IOException {
        if (spool == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(deleteAtExit);
        } catch (IllegalStateException e) {
            return; // the JVM is ending: the hook deletes them
        }
        FileUtils.deleteDirectory(spool.toFile());
        spool = null;
    }

    private void deleteCopies() {
        try {
            FileUtils.deleteDirectory(spool.toFile());
        } catch (IOException e) {
            System.err.println("passivetcp: the pipes' copies under " + spool + " could not be deleted ("
                    + OutputPaths.reason(e) + ")");
        }
    }
}
