package io.passivetcp.flink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.LongSupplier;

import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.enumerate.DefaultFileFilter;
import org.apache.flink.connector.file.src.enumerate.FileEnumerator;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * {@code --follow}: the captures of a folder that tcpdump {@code -G}/{@code -C} rotation has closed, one split each.
 *
 * <p>tcpdump opens the next file when it closes the previous one, so in each folder every capture but the newest
 * is complete. The newest is taken once it has not changed for the settle time: the end of a rotation, or a file
 * copied in. Hidden files ({@code .x}, {@code _x}) are skipped, as by FileSource's default filter; the continuous
 * enumerator offers files it did not take again at its next scan.
 */
public final class RotatedCaptureEnumerator implements FileEnumerator {
    private static final DefaultFileFilter VISIBLE = new DefaultFileFilter();

    private final long settleMillis;
    private final LongSupplier clock;

    RotatedCaptureEnumerator(long settleMillis, LongSupplier clock) {
        this.settleMillis = settleMillis;
        this.clock = clock;
    }

    /** A serializable factory, as FileSource wants it. */
    public static Provider provider(long settleMillis) {
        return () -> new RotatedCaptureEnumerator(settleMillis, System::currentTimeMillis);
    }

    @Override
    public Collection<FileSourceSplit> enumerateSplits(Path[] paths, int minDesiredSplits) throws IOException {
        List<FileSourceSplit> splits = new ArrayList<>();
        for (Path path : paths) {
            FileSystem fs = path.getFileSystem();
            FileStatus status = fs.getFileStatus(path);
            if (status.isDir()) {
                addFolder(fs, status, splits);
            } else if (settled(status)) {
                splits.add(split(status));
            }
        }
        return splits;
    }

    private void addFolder(FileSystem fs, FileStatus folder, List<FileSourceSplit> splits) throws IOException {
        FileStatus[] children = fs.listStatus(folder.getPath());
        if (children == null) {
            return;
        }
        FileStatus newest = null;
        for (FileStatus child : children) {
            if (!child.isDir() && VISIBLE.test(child.getPath())
                    && (newest == null || child.getModificationTime() > newest.getModificationTime())) {
                newest = child;
            }
        }
        for (FileStatus child : children) {
            if (!VISIBLE.test(child.getPath())) {
                continue;
            }
            if (child.isDir()) {
                addFolder(fs, child, splits);
            } else if (child != newest || settled(child)) {
                splits.add(split(child));
            }
        }
    }

    private boolean settled(FileStatus file) {
        return clock.getAsLong() - file.getModificationTime() >= settleMillis;
    }

    /** One split per capture, named by its path: unique across scans and restores. */
    private static FileSourceSplit split(FileStatus file) {
        return new FileSourceSplit(file.getPath().toString(), file.getPath(), 0, file.getLen(),
                file.getModificationTime(), file.getLen());
    }
}
