package io.passivetcp.flink;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.flink.connector.file.src.enumerate.DefaultFileFilter;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the capture files under the {@code -r} paths, for the batch enumeration, {@code --follow} and the progress
 * line alike, without ever hanging or failing on what an archive may hold.
 *
 * <p>Folders are walked recursively; files and folders inside them whose name starts with {@code .} or {@code _}
 * are left out, as by Flink's default filter. On the local filesystem each entry is looked at without opening it:
 * FIFOs, sockets and devices (opening a FIFO blocks forever), dangling symbolic links, symbolic link loops and
 * entries that cannot be read are skipped, each with one line naming it and the reason, once per run (until
 * {@link CaptureStatistics#reset}), also when {@code --follow} scans again. Other filesystems (S3, HDFS) hold only files and
 * folders; an entry that cannot be listed there is skipped the same way.
 */
public final class CaptureDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureDiscovery.class);
    private static final DefaultFileFilter VISIBLE = new DefaultFileFilter();
    private static final Comparator<FileStatus> BY_NAME = Comparator.comparing(s -> s.getPath().getName());

    private final boolean report;

    private CaptureDiscovery(boolean report) {
        this.report = report;
    }

    /** Reports each skipped entry once per run, in the log and in {@link CaptureStatistics}. */
    public static CaptureDiscovery reporting() {
        return new CaptureDiscovery(true);
    }

    /** Reports nothing: for counting what the reporting discovery of the same run will find. */
    public static CaptureDiscovery silent() {
        return new CaptureDiscovery(false);
    }

    /**
     * The capture files, grouped by the folder that holds them (in name order); a file given by name is a group of
     * its own. Folders with no capture give no group.
     */
    public List<List<FileStatus>> captureFolders(Path[] roots) {
        List<List<FileStatus>> folders = new ArrayList<>();
        for (Path root : roots) {
            try {
                FileSystem fs = root.getFileSystem();
                if (isLocal(fs)) {
                    walkLocal(fs, root, new ArrayList<>(), null, folders);
                } else {
                    walkRemote(fs, fs.getFileStatus(root), null, folders);
                }
            } catch (IOException e) {
                skip(root, "cannot be read (" + reason(e) + ")");
            }
        }
        return folders;
    }

    /** All capture files, folder by folder. */
    public List<FileStatus> captures(Path[] roots) {
        List<FileStatus> files = new ArrayList<>();
        captureFolders(roots).forEach(files::addAll);
        return files;
    }

    private static boolean isLocal(FileSystem fs) {
        return "file".equals(fs.getUri().getScheme());
    }

    /**
     * One local entry: looked at through {@code java.nio}, which tells links, FIFOs and devices apart without
     * opening them. {@code ancestors} holds the identities of the folders above, to recognise a link back to one.
     */
    private void walkLocal(FileSystem fs, Path path, List<Object> ancestors, List<FileStatus> folder,
            List<List<FileStatus>> folders) throws IOException {
        java.nio.file.Path local = java.nio.file.Path.of(path.toUri().getPath());
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(local, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            skip(path, Files.isSymbolicLink(local) ? "dangling symbolic link" : "no longer exists");
            return;
        } catch (FileSystemException e) {
            // ELOOP: a chain of file links that leads back to itself
            skip(path, reason(e));
            return;
        }
        if (attributes.isDirectory()) {
            Object identity = attributes.fileKey() != null ? attributes.fileKey() : local.toRealPath();
            if (ancestors.contains(identity)) {
                skip(path, "symbolic link loop: leads back to a folder above it");
                return;
            }
            List<java.nio.file.Path> children = new ArrayList<>();
            try (DirectoryStream<java.nio.file.Path> entries = Files.newDirectoryStream(local)) {
                entries.forEach(children::add);
            } catch (AccessDeniedException e) {
                skip(path, "folder cannot be read (permission denied)");
                return;
            }
            children.sort(Comparator.comparing(c -> c.getFileName().toString()));
            ancestors.add(identity);
            List<FileStatus> files = new ArrayList<>();
            for (java.nio.file.Path child : children) {
                Path childPath = child(path, child.getFileName().toString());
                if (VISIBLE.test(childPath)) {
                    walkLocal(fs, childPath, ancestors, files, folders);
                }
            }
            ancestors.remove(ancestors.size() - 1);
            addFolder(files, folders);
        } else if (!attributes.isRegularFile()) {
            skip(path, "not a regular file (" + specialKind(local) + ")");
        } else if (!Files.isReadable(local)) {
            skip(path, "cannot be read (permission denied)");
        } else if (folder != null) {
            folder.add(fs.getFileStatus(path));
        } else {
            folders.add(List.of(fs.getFileStatus(path)));
        }
    }

    /**
     * An entry of a local folder. Not {@code new Path(folder, name)}, which parses the name as a URI: a capture named
     * {@code 12:00:00.pcap} or {@code host:eth0.pcap}, common for timestamped captures, failed the whole run.
     */
    private static Path child(Path folder, String name) {
        java.net.URI uri = folder.toUri();
        String parent = uri.getPath().endsWith("/") ? uri.getPath() : uri.getPath() + "/";
        return new Path(uri.getScheme(), uri.getAuthority(), parent + name);
    }

    private void walkRemote(FileSystem fs, FileStatus status, List<FileStatus> folder, List<List<FileStatus>> folders) {
        if (!status.isDir()) {
            if (folder != null) {
                folder.add(status);
            } else {
                folders.add(List.of(status));
            }
            return;
        }
        FileStatus[] children;
        try {
            children = fs.listStatus(status.getPath());
        } catch (IOException e) {
            skip(status.getPath(), "folder cannot be listed (" + reason(e) + ")");
            return;
        }
        List<FileStatus> sorted = new ArrayList<>(Arrays.asList(children == null ? new FileStatus[0] : children));
        sorted.sort(BY_NAME);
        List<FileStatus> files = new ArrayList<>();
        for (FileStatus child : sorted) {
            if (VISIBLE.test(child.getPath())) {
                walkRemote(fs, child, files, folders);
            }
        }
        addFolder(files, folders);
    }

    private static void addFolder(List<FileStatus> files, List<List<FileStatus>> folders) {
        if (!files.isEmpty()) {
            folders.add(files);
        }
    }

    /** File type bits of {@code st_mode}: {@code S_IFMT}, and the types of special files. */
    private static final int S_IFMT = 0170000;
    public static final int S_IFIFO = 0010000;
    public static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    /**
     * The file type bits of a local entry's mode, links followed ({@link #S_IFIFO}, {@link #S_IFCHR}, ...); stat(2)
     * does not open the entry, which for a FIFO would block.
     *
     * @throws IOException when it cannot be looked at
     */
    public static int fileType(java.nio.file.Path local) throws IOException {
        return (Integer) Files.getAttribute(local, "unix:mode") & S_IFMT;
    }

    /** FIFO, socket or device, from the file type bits of the mode. */
    private static String specialKind(java.nio.file.Path local) {
        try {
            return switch (fileType(local)) {
                case S_IFIFO -> "a FIFO";
                case S_IFSOCK -> "a socket";
                case S_IFCHR -> "a character device";
                case S_IFBLK -> "a block device";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a FIFO, socket or device";
        }
    }

    /** The message of an I/O error without the path, which the skip line names already. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private void skip(Path path, String reason) {
        if (report && CaptureStatistics.entrySkipped(path.toString())) {
            LOG.warn("Skipped {}: {}", path, reason);
        }
    }
}
