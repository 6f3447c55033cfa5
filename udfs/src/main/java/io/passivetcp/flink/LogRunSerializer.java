package io.passivetcp.flink;

import java.io.IOException;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import io.passivetcp.output.LogEntry;
import io.passivetcp.output.LogRun;

/** Wire form of a {@link LogRun}: its entry count, then each entry as {@link LogEntrySerializer} writes it. */
public final class LogRunSerializer extends RecordSerializer<LogRun> {
    private static final long serialVersionUID = 1L;
    private static final LogEntrySerializer ENTRY = new LogEntrySerializer();

    @Override
    public LogRun createInstance() {
        return new LogRun();
    }

    @Override
    public void serialize(LogRun run, DataOutputView out) throws IOException {
        out.writeInt(run.entries.length);
        for (LogEntry e : run.entries) {
            ENTRY.serialize(e, out);
        }
    }

    @Override
    public LogRun deserialize(DataInputView in) throws IOException {
        LogRun run = new LogRun();
        run.entries = new LogEntry[in.readInt()];
        for (int i = 0; i < run.entries.length; i++) {
            run.entries[i] = ENTRY.deserialize(in);
        }
        return run;
    }

    @Override
    public TypeSerializerSnapshot<LogRun> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Versioned snapshot, as every serializer of ours has one. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<LogRun> {
        public Snapshot() {
            super(LogRunSerializer::new);
        }
    }
}
