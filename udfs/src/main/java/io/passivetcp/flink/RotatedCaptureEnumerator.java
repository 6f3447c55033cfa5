package io.passivetcp.flink;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.LongSupplier;

import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.enumerate.FileEnumerator;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.Path;

/**
 * {@code --follow}: the captures of a folder that tcpdump {@code -G}/{@code -C} rotation has closed, one split each.
 *
 * <p>tcpdump opens the next file when it closes the previous one, so in each folder every capture but the newest
 * is complete. The newest is taken once it has not changed for the settle time: the end of a rotation, or a file
 * copied in. Files are found by {@link CaptureDiscovery} (hidden files skipped; FIFOs, dangling links, link loops
 * and unreadable entries reported once and skipped); the continuous enumerator offers files it did not take again
 * at its next scan.
 */
public final class RotatedCaptureEnumerator implements FileEnumerator {
    private final CaptureDiscovery discovery = CaptureDiscovery.reporting();
    private final long settleMillis;
    private final LongSupplier clock;

    RotatedCaptureEnumerator(long settleMillis, LongSupplier clock) {
        this.settleMillis = settleMillis;
        this.clock = clock;
    }

    /** A serializable factory, as FileSource wants it. */
    public static Provider provider(long settleMillis) {
        return new Factory(settleMillis);
    }

    /** A named class, not a lambda: the job graph carries it to the JobManager (JobGraphLambdaTest). */
    private static final class Factory implements Provider {
        private static final long serialVersionUID = 1L;
        private final long settleMillis;

        Factory(long settleMillis) {
            this.settleMillis = settleMillis;
        }

        @Override
        public FileEnumerator create() {
            return new RotatedCaptureEnumerator(settleMillis, System::currentTimeMillis);
        }
    }

    @Override
    public Collection<FileSourceSplit> enumerateSplits(Path[] paths, int minDesiredSplits) {
        List<FileSourceSplit> splits = new ArrayList<>();
        for (List<FileStatus> folder : discovery.captureFolders(paths)) {
            FileStatus newest = null;
            for (FileStatus file : folder) {
                if (newest == null || file.getModificationTime() > newest.getModificationTime()) {
                    newest = file;
                }
            }
            for (FileStatus file : folder) {
                if (file != newest || settled(file)) {
                    splits.add(CaptureFileEnumerator.split(file));
                }
            }
        }
        return splits;
    }

    private boolean settled(FileStatus file) {
        return clock.getAsLong() - file.getModificationTime() >= settleMillis;
    }
}
