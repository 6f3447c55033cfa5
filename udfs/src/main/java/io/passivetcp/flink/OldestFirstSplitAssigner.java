package io.passivetcp.flink;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.PriorityQueue;

import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.assigners.FileSplitAssigner;

/**
 * Hands out captures oldest first (by modification time, then path), so that rotated captures are read in the order
 * they were written and their packets rarely arrive behind the watermark. Flink's default assigners hand out the
 * most recently added split first.
 */
public final class OldestFirstSplitAssigner implements FileSplitAssigner {
    private static final Comparator<FileSourceSplit> OLDEST_FIRST = Comparator
            .comparingLong(FileSourceSplit::fileModificationTime)
            .thenComparing(s -> s.path().toString());

    private final PriorityQueue<FileSourceSplit> pending = new PriorityQueue<>(OLDEST_FIRST);

    OldestFirstSplitAssigner(Collection<FileSourceSplit> initial) {
        pending.addAll(initial);
    }

    /** A serializable factory, as FileSource wants it. */
    public static Provider provider() {
        return new Factory();
    }

    /** A named class, not a method reference: the job graph carries it to the JobManager (JobGraphLambdaTest). */
    private static final class Factory implements Provider {
        private static final long serialVersionUID = 1L;

        @Override
        public FileSplitAssigner create(Collection<FileSourceSplit> initial) {
            return new OldestFirstSplitAssigner(initial);
        }
    }

    @Override
    public Optional<FileSourceSplit> getNext(String hostname) {
        return Optional.ofNullable(pending.poll());
    }

    @Override
    public void addSplits(Collection<FileSourceSplit> splits) {
        pending.addAll(splits);
    }

    @Override
    public Collection<FileSourceSplit> remainingSplits() {
        return new ArrayList<>(pending);
    }
}
