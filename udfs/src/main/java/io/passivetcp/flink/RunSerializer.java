package io.passivetcp.flink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import io.passivetcp.Observation;
import io.passivetcp.output.LogEntry;
import io.passivetcp.output.OrderedRun;
import io.passivetcp.output.OutputOrdered;

/** Wire form of an {@link OrderedRun}: its record count, then each record in the wire form of its own type. */
public abstract class RunSerializer<T extends OutputOrdered> extends RecordSerializer<OrderedRun<T>> {
    private static final long serialVersionUID = 1L;

    private final RecordSerializer<T> record;

    RunSerializer(RecordSerializer<T> record) {
        this.record = record;
    }

    @Override
    public OrderedRun<T> createInstance() {
        return OrderedRun.ofSorted(new ArrayList<>());
    }

    @Override
    public void serialize(OrderedRun<T> run, DataOutputView out) throws IOException {
        out.writeInt(run.records.size());
        for (T r : run.records) {
            record.serialize(r, out);
        }
    }

    @Override
    public OrderedRun<T> deserialize(DataInputView in) throws IOException {
        int n = in.readInt();
        List<T> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            records.add(record.deserialize(in));
        }
        return OrderedRun.ofSorted(records);
    }

    /** Runs of log entries. */
    public static final class OfLogEntries extends RunSerializer<LogEntry> {
        private static final long serialVersionUID = 1L;

        public OfLogEntries() {
            super(new LogEntrySerializer());
        }

        @Override
        public TypeSerializerSnapshot<OrderedRun<LogEntry>> snapshotConfiguration() {
            return new LogEntriesSnapshot();
        }
    }

    /** Runs of observations. */
    public static final class OfObservations extends RunSerializer<Observation> {
        private static final long serialVersionUID = 1L;

        public OfObservations() {
            super(new ObservationSerializer());
        }

        @Override
        public TypeSerializerSnapshot<OrderedRun<Observation>> snapshotConfiguration() {
            return new ObservationsSnapshot();
        }
    }

    /** Versioned snapshot, as every serializer of ours has one. */
    public static final class LogEntriesSnapshot extends SimpleTypeSerializerSnapshot<OrderedRun<LogEntry>> {
        public LogEntriesSnapshot() {
            super(OfLogEntries::new);
        }
    }

    /** Versioned snapshot, as every serializer of ours has one. */
    public static final class ObservationsSnapshot extends SimpleTypeSerializerSnapshot<OrderedRun<Observation>> {
        public ObservationsSnapshot() {
            super(OfObservations::new);
        }
    }
}
