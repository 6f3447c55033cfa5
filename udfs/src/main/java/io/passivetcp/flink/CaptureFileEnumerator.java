package io.passivetcp.flink;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.enumerate.FileEnumerator;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.Path;

/**
 * The captures of an archive run, one split each, as {@link CaptureDiscovery} finds them: what an archive holds
 * beside captures is reported and skipped, never read and never fatal (Flink's own enumerator opens FIFOs and fails
 * on dangling links).
 */
public final class CaptureFileEnumerator implements FileEnumerator {
    private final CaptureDiscovery discovery = CaptureDiscovery.reporting();

    /** A serializable factory, as FileSource wants it. */
    public static Provider provider() {
        return new Factory();
    }

    /** A named class, not a method reference: the job graph carries it to the JobManager (JobGraphLambdaTest). */
    private static final class Factory implements Provider {
        private static final long serialVersionUID = 1L;

        @Override
        public FileEnumerator create() {
            return new CaptureFileEnumerator();
        }
    }

    @Override
    public Collection<FileSourceSplit> enumerateSplits(Path[] paths, int minDesiredSplits) {
        List<FileSourceSplit> splits = new ArrayList<>();
        for (FileStatus capture : discovery.captures(paths)) {
            splits.add(split(capture));
        }
        return splits;
    }

    /** One split per capture, named by its path: unique across scans and restores. */
    static FileSourceSplit split(FileStatus file) {
        return new FileSourceSplit(file.getPath().toString(), file.getPath(), 0, file.getLen(),
                file.getModificationTime(), file.getLen());
    }
}
