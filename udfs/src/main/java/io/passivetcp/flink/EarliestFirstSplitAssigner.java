package io.passivetcp.flink;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.assigners.FileSplitAssigner;

import io.passivetcp.capture.CaptureReader;
import io.passivetcp.capture.CaptureRecord;

/**
 * Hands out the captures of a STREAMING run over an archive by the time of their first record (then path): packets
 * then reach the job in time order wherever the captures do not overlap in time, and nothing arrives behind the
 * watermark (README, Streaming: STREAMING is exact for captures that arrive in time order). Flink's default assigner
 * hands them out in an order that changes from run to run. A capture whose first record cannot be read goes first:
 * it has no packet to be late with.
 */
public final class EarliestFirstSplitAssigner implements FileSplitAssigner {
    private final Map<FileSourceSplit, Long> firstMicros = new HashMap<>();
    private final PriorityQueue<FileSourceSplit> pending = new PriorityQueue<>(
            Comparator.<FileSourceSplit>comparingLong(firstMicros::get).thenComparing(s -> s.path().toString()));

    EarliestFirstSplitAssigner(Collection<FileSourceSplit> initial) {
        addSplits(initial);
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
            return new EarliestFirstSplitAssigner(initial);
        }
    }

    @Override
    public Optional<FileSourceSplit> getNext(String hostname) {
        FileSourceSplit next = pending.poll();
        if (next != null) {
            firstMicros.remove(next);
        }
        return Optional.ofNullable(next);
    }

    @Override
    public void addSplits(Collection<FileSourceSplit> splits) {
        for (FileSourceSplit s : splits) {
            firstMicros.put(s, firstRecordMicros(s));
            pending.add(s);
        }
    }

    @Override
    public Collection<FileSourceSplit> remainingSplits() {
        return new ArrayList<>(pending);
    }

    private static long firstRecordMicros(FileSourceSplit split) {
        try (InputStream in = split.path().getFileSystem().open(split.path());
                CaptureReader reader = CaptureReader.open(in, split.path().toString())) {
            CaptureRecord record = new CaptureRecord();
            return reader.next(record) ? record.tsMicros : Long.MIN_VALUE;
        } catch (IOException | RuntimeException unreadable) {
            return Long.MIN_VALUE; // the reader reports it when it comes to it
        }
    }
}
