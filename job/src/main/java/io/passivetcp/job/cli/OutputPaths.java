package io.passivetcp.job.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.List;

import io.passivetcp.job.cli.PassiveTcpCommand.UsageException;

/**
 * Checks the output paths before Flink starts, creating the folders they need, so that a path that cannot be
 * written fails at once with one line rather than inside the job, possibly hours into an archive.
 */
public final class OutputPaths {
    private OutputPaths() {}

    /**
     * {@code -o FILE}: the log is appended to, so it is opened for appending (and created, as p0f does) once
     * here; its folder is created when missing.
     */
    static void checkLogFile(String option, String file) throws UsageException {
        checkLocalLog(option, file);
        Path path = local(option, file);
        if (Files.isDirectory(path)) {
            throw new UsageException(option + " " + file + ": is a folder; " + option + " wants a file");
        }
        createParent(option, file, path);
        try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.flush();
        } catch (IOException e) {
            throw new UsageException(option + " " + file + ": cannot be written (" + reason(e) + ")");
        }
    }

    /** {@code --log-dir DIR}: a local folder, as {@link #checkFolder} checks it. */
    static void checkLogFolder(String option, String folder) throws UsageException {
        checkLocalLog(option, folder);
        checkFolder(option, folder);
    }

    /** The text logs are written with local file I/O, as p0f writes its log. */
    private static void checkLocalLog(String option, String path) throws UsageException {
        if (!isLocal(path)) {
            throw new UsageException(option + " " + path + ": the p0f-format logs are local files, as p0f's -o is; "
                    + "write to other file systems with --out");
        }
    }

    /**
     * A {@code file:} URI as the local path it names, which the text logs open with local file I/O; anything else
     * as it is.
     */
    public static String localPath(String value) {
        try {
            return value == null ? null : fileUriAsPath(value);
        } catch (IllegalArgumentException e) {
            return value; // named as invalid where it is checked
        }
    }

    /** @throws IllegalArgumentException for a malformed {@code file:} URI */
    private static String fileUriAsPath(String value) {
        return value.startsWith("file:") ? Paths.get(URI.create(value)).toString() : value;
    }

    /**
     * {@code --log-dir DIR} or {@code --out DIR}: a folder, created when missing, in which a file can be created.
     * Paths of other Flink filesystems ({@code s3://}, {@code hdfs://}) are left to the job once Flink has a file
     * system for their scheme (a plugin).
     */
    static void checkFolder(String option, String folder) throws UsageException {
        if (!isLocal(folder)) {
            checkFileSystem(option, folder);
            return;
        }
        Path path = local(option, folder);
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new UsageException(option + " " + folder + ": is a file; " + option + " wants a folder");
        }
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UsageException(option + " " + folder + ": cannot be created (" + reason(e) + ")");
        }
        try {
            Files.delete(Files.createTempFile(path, ".passivetcp-", ".probe"));
        } catch (IOException e) {
            throw new UsageException(option + " " + folder + ": cannot be written (" + reason(e) + ")");
        }
    }

    /** A path of a file system Flink has (a plugin for {@code s3://}), or one line naming what is missing. */
    static void checkFileSystem(String option, String path) throws UsageException {
        try {
            new org.apache.flink.core.fs.Path(path).getFileSystem();
        } catch (IOException | RuntimeException e) {
            throw new UsageException(option + " " + path + ": " + PassiveTcpCommand.rootCause(e));
        }
    }

    /**
     * An output must not be an input capture, nor lie inside an input folder: {@code -o} would append p0f's log to
     * a capture of the archive, and files written inside a folder under {@code -r} are read as inputs by the next
     * run over it (skipped, as not captures, and exit 3) or, with {@code --follow}, by this one. Called before
     * any output is created; inputs and outputs on other filesystems are not compared.
     */
    static void checkOutsideInputs(String option, String output, List<String> inputs) throws UsageException {
        checkOutsideInputs(option, output, "-r", inputs, "runs over that folder would read what it writes as captures");
    }

    /**
     * The same for any command: {@code why} says what writing inside an input folder of {@code inputOption} would
     * do (e.g. relabel's {@code --tables}).
     */
    static void checkOutsideInputs(String option, String output, String inputOption, List<String> inputs, String why)
            throws UsageException {
        if (!isLocal(output)) {
            return;
        }
        Path out = real(local(option, output));
        for (String input : inputs) {
            if (!isLocal(input)) {
                continue;
            }
            Path in = real(local(inputOption, input));
            if (out.equals(in) && !Files.isDirectory(in)) {
                throw new UsageException(option + " " + output + ": is an input file (" + inputOption + " " + input
                        + ")");
            }
            if (Files.isDirectory(in) && out.startsWith(in)) {
                throw new UsageException(option + " " + output + ": is inside the input folder " + inputOption + " "
                        + input + " (" + why + "); write it elsewhere");
            }
        }
    }

    /** The path with the links of its longest existing part resolved: an output may not exist yet. */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        for (Path existing = absolute; existing != null; existing = existing.getParent()) {
            try {
                return existing.toRealPath().resolve(existing.relativize(absolute));
            } catch (IOException e) {
                // not there (yet): try its folder
            }
        }
        return absolute;
    }

    private static void createParent(String option, String file, Path path) throws UsageException {
        Path parent = path.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UsageException(option + " " + file + ": its folder cannot be created (" + reason(e) + ")");
        }
    }

    /**
     * No scheme, or {@code file:}, or what only looks like one: a colon not followed by a slash ({@code tables:v2},
     * {@code host:eth0.pcap}) names no filesystem.
     */
    public static boolean isLocal(String value) {
        try {
            URI uri = new URI(value.replace(" ", "%20"));
            String scheme = uri.getScheme();
            return scheme == null || scheme.equals("file") || scheme.length() == 1 // C: is a drive, not a scheme
                    || uri.isOpaque();
        } catch (java.net.URISyntaxException e) {
            return true; // not a URI, so a plain path
        }
    }

    /**
     * A path argument as Flink's {@code Path} will read it: a local path with a colon before its first slash
     * ({@code 12:00:00.pcap}, {@code tables:v2}, {@code a:b/x.pcap}) made absolute, so that the colon is part of the
     * path rather than the end of a URI scheme; anything else (plain paths, {@code file:}, {@code s3://...}) as given.
     */
    static String flinkPath(String value) {
        if (value == null || !value.contains(":") || value.startsWith("/") || value.startsWith("file:")
                || !isLocal(value)) {
            return value;
        }
        try {
            return Paths.get(value).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            return value; // named as invalid where it is checked
        }
    }

    static Path local(String option, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(option + " wants a path; got an empty one");
        }
        try {
            return Paths.get(fileUriAsPath(value));
        } catch (IllegalArgumentException e) { // InvalidPathException too
            throw new UsageException(option + " " + value + ": not a valid path (" + e.getMessage() + ")");
        }
    }

    /** The cause of an I/O error in words, without the path the message names already. */
    static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is a file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
