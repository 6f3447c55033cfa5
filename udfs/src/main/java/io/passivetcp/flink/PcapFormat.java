package io.passivetcp.flink;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.Pool;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.passivetcp.capture.CaptureFormatException;
import io.passivetcp.capture.CaptureReader;
import io.passivetcp.capture.CaptureRecord;
import io.passivetcp.capture.NotACaptureException;
import io.passivetcp.packet.TcpPacket;

/**
 * Reads packet captures (pcap, pcapng, either gzipped) for Flink's {@code FileSource}, one file per split.
 *
 * <h2>What leaves the reader</h2>
 * Only TCP packets that p0f would process, decoded into {@link TcpPacket}s: everything else (other protocols,
 * fragments, malformed headers) is dropped here and only counted. Packets are decoded into pooled, reused records,
 * so a dropped packet costs no allocation.
 *
 * <h2>Bad input</h2>
 * A file that is not a capture is skipped with one log line. A corrupt or truncated record ends its capture with
 * one warning that names the file and byte offset; packets before it are kept, and other captures go on.
 *
 * <h2>Checkpointing</h2>
 * A position is the number of packets emitted from the file; a restored reader re-reads the file and skips them.
 */
public final class PcapFormat implements BulkFormat<TcpPacket, FileSourceSplit> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PcapFormat.class);

    /**
     * The packet batches of this subtask's readers, one after the other (a FileSource reads its splits with one
     * fetcher): an archive of thousands of small captures would otherwise allocate a pool for each.
     */
    private transient Pool<TcpPacket[]> batches;

    @Override
    public Reader<TcpPacket> createReader(Configuration config, FileSourceSplit split) throws IOException {
        return open(split, 0);
    }

    @Override
    public Reader<TcpPacket> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
        long skip = split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
        return open(split, skip);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<TcpPacket> getProducedType() {
        return RecordTypeInfo.TCP_PACKET;
    }

    private synchronized Reader<TcpPacket> open(FileSourceSplit split, long skip) {
        CaptureReader reader = openCapture(split.path());
        if (reader == null) {
            return new EmptyReader<>();
        }
        if (batches == null) {
            batches = CapturePackets.batchPool();
        }
        return new PacketReader(reader, split.path().toString(), skip, batches);
    }

    /**
     * Opens a capture file and checks its header; null, after one log line, when the file is not a capture
     * or its header is damaged.
     */
    static CaptureReader openCapture(Path path) {
        CaptureStatistics.captureOpened();
        FSDataInputStream raw = null;
        try {
            raw = path.getFileSystem().open(path);
            return CaptureReader.open(new CountingStream(raw), path.toString());
        } catch (NotACaptureException e) {
            LOG.info("Skipped {}", e.getMessage());
            CaptureStatistics.captureNotReadInFull(CaptureStatistics.CAPTURES_SKIPPED, path.toString());
        } catch (IOException e) {
            LOG.warn("Capture failed: {}", raw == null ? path + ": " + e.getMessage() : e.getMessage());
            CaptureStatistics.captureNotReadInFull(CaptureStatistics.CAPTURES_FAILED, path.toString());
        }
        closeQuietly(raw);
        return null;
    }

    private static void closeQuietly(FSDataInputStream raw) {
        if (raw != null) {
            try {
                raw.close();
            } catch (IOException ignored) {
                // nothing was read from it; the warning above names the file
            }
        }
    }

    /**
     * Reads the next record of {@code capture} into {@code record}; false at its end, or when a bad record ends it
     * early, with one warning naming the file and offset.
     */
    static boolean nextRecord(CaptureReader capture, CaptureRecord record, String path) {
        try {
            if (capture.next(record)) {
                return true;
            }
            CaptureStatistics.captureFinished(CaptureStatistics.CAPTURES_DONE);
        } catch (CaptureFormatException e) {
            LOG.warn("Capture ends early: {}", e.getMessage());
            CaptureStatistics.captureNotReadInFull(CaptureStatistics.CAPTURES_FAILED, path);
        } catch (IOException e) {
            LOG.warn("Capture ends early: {}: at byte {}: {}", path, capture.bytesRead(), e.toString());
            CaptureStatistics.captureNotReadInFull(CaptureStatistics.CAPTURES_FAILED, path);
        }
        return false;
    }

    /** Decodes a capture's packets in batches of pooled records. */
    static final class PacketReader implements Reader<TcpPacket> {
        private final CaptureReader capture;
        private final String path;
        private final CapturePackets packets;
        private final CaptureRecord record = new CaptureRecord();
        private final Pool<TcpPacket[]> pool;
        private long toSkip;
        private long emitted;
        private boolean finished;

        PacketReader(CaptureReader capture, String path, long skip, Pool<TcpPacket[]> pool) {
            this.capture = capture;
            this.pool = pool;
            this.path = path;
            this.packets = new CapturePackets(path);
            this.toSkip = skip;
            this.emitted = skip; // positions count from the start of the file, across restores
        }

        @Override
        public RecordIterator<TcpPacket> readBatch() throws IOException {
            if (finished) {
                return null;
            }
            TcpPacket[] batch = CapturePackets.take(pool);
            int n = fill(batch);
            if (n == 0) {
                pool.recycler().recycle(batch);
                return null;
            }
            ArrayResultIterator<TcpPacket> it = new ArrayResultIterator<>(() -> pool.recycler().recycle(batch));
            it.set(batch, n, CheckpointedPosition.NO_OFFSET, emitted);
            emitted += n;
            return it;
        }

        private int fill(TcpPacket[] batch) {
            int n = 0;
            while (n < batch.length && !finished) {
                if (!nextRecord()) {
                    break;
                }
                if (!packets.decode(record, batch[n])) {
                    continue;
                }
                if (toSkip > 0) {
                    toSkip--;
                    continue;
                }
                n++;
            }
            return n;
        }

        private boolean nextRecord() {
            finished = !PcapFormat.nextRecord(capture, record, path);
            return !finished;
        }

        @Override
        public void close() throws IOException {
            packets.addCounts();
            capture.close();
        }
    }

    /** The reader of a file that holds nothing to read. */
    static final class EmptyReader<T> implements Reader<T> {
        @Override
        public RecordIterator<T> readBatch() {
            return null;
        }

        @Override
        public void close() {}
    }

    /** Counts the bytes consumed from the file as stored, for progress. */
    static final class CountingStream extends FilterInputStream {
        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                CaptureStatistics.BYTES_READ.increment();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                CaptureStatistics.BYTES_READ.add(n);
            }
            return n;
        }
    }
}
