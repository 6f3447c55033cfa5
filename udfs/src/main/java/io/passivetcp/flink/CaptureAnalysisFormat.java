package io.passivetcp.flink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;

import io.passivetcp.CaptureAnalysis;
import io.passivetcp.Observation;
import io.passivetcp.capture.CaptureReader;
import io.passivetcp.capture.CaptureRecord;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.SignatureSyntaxException;

/**
 * Analyses each capture file where it is read, for Flink's {@code FileSource}: the whole engine
 * ({@link CaptureAnalysis}) runs in the reader, and only observations leave it. For inputs in which no flow or host
 * reaches from one capture into another (each capture its own unit, {@code --state-scope capture}, or a single
 * capture), this gives what the partitioned flow and host functions give, without sending a packet over the
 * network or sorting it.
 *
 * <p>Bad input is handled as in {@link PcapFormat}: a file that is not a capture is skipped with one line; a
 * damaged record ends its capture with one warning naming the file and offset, after the observations of the
 * packets before it. A position is the number of observations emitted; a restored reader analyses the file again
 * and skips them, which is exact because the analysis is deterministic.
 */
public final class CaptureAnalysisFormat implements BulkFormat<Observation, FileSourceSplit> {
    private static final long serialVersionUID = 1L;

    /** Observations per batch handed to Flink. */
    static final int BATCH_SIZE = 256;

    private final String databaseName;
    private final String databaseText;
    private final long connMaxAgeSeconds;
    private final long hostIdleLimitMinutes;
    /** Parsed once per reader subtask, not once per file: archives hold many small captures. */
    private transient SignatureDatabase database;

    public CaptureAnalysisFormat(String databaseName, String databaseText, long connMaxAgeSeconds,
            long hostIdleLimitMinutes) {
        this.databaseName = databaseName;
        this.databaseText = databaseText;
        this.connMaxAgeSeconds = connMaxAgeSeconds;
        this.hostIdleLimitMinutes = hostIdleLimitMinutes;
    }

    @Override
    public Reader<Observation> createReader(Configuration config, FileSourceSplit split) throws IOException {
        return open(split, 0);
    }

    @Override
    public Reader<Observation> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
        return open(split, split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L));
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<Observation> getProducedType() {
        return RecordTypeInfo.OBSERVATION;
    }

    private Reader<Observation> open(FileSourceSplit split, long skip) throws IOException {
        SignatureDatabase db = database();
        CaptureReader reader = PcapFormat.openCapture(split);
        return reader == null ? new PcapFormat.EmptyReader<>() : new AnalysisReader(reader, split, db, skip);
    }

    private synchronized SignatureDatabase database() throws IOException {
        if (database == null) {
            try {
                database = SignatureDatabase.parse(databaseName, databaseText);
            } catch (SignatureSyntaxException e) {
                throw new IOException("bad signature database: " + e.getMessage(), e); // the CLI checked it before
            }
        }
        return database;
    }

    /** Reads one capture and runs the engine over it, handing out its observations in batches. */
    private final class AnalysisReader implements Reader<Observation> {
        private final CaptureReader capture;
        private final String path;
        private final CapturePackets packets;
        private final CaptureRecord record = new CaptureRecord();
        private final TcpPacket packet = new TcpPacket();
        private final CaptureAnalysis analysis;
        private final List<Observation> pending = new ArrayList<>(BATCH_SIZE);
        private long toSkip;
        private long emitted;
        private boolean finished;

        AnalysisReader(CaptureReader capture, FileSourceSplit split, SignatureDatabase db, long skip) {
            this.capture = capture;
            this.path = split.path().toString();
            this.packets = new CapturePackets(path);
            this.analysis = new CaptureAnalysis(db, connMaxAgeSeconds, hostIdleLimitMinutes, this::collect,
                    CaptureStatistics::tlsRejected);
            this.toSkip = skip;
            this.emitted = skip; // positions count from the start of the file, across restores
        }

        private void collect(Observation o) {
            if (toSkip > 0) {
                toSkip--;
            } else {
                pending.add(o);
            }
        }

        @Override
        public RecordIterator<Observation> readBatch() {
            pending.clear();
            while (pending.size() < BATCH_SIZE && !finished) {
                if (!PcapFormat.nextRecord(capture, record, path)) {
                    analysis.finish();
                    finished = true;
                } else if (packets.decode(record, packet)) {
                    analysis.packet(packet);
                }
            }
            if (pending.isEmpty()) {
                return null;
            }
            Observation[] batch = pending.toArray(new Observation[0]);
            ArrayResultIterator<Observation> it = new ArrayResultIterator<>();
            it.set(batch, batch.length, CheckpointedPosition.NO_OFFSET, emitted);
            emitted += batch.length;
            return it;
        }

        @Override
        public void close() throws IOException {
            capture.close();
        }
    }
}
