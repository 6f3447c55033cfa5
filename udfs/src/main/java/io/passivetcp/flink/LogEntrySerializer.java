package io.passivetcp.flink;

import java.io.IOException;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import io.passivetcp.Observation;
import io.passivetcp.output.LogEntry;

/** Wire form of a {@link LogEntry}. */
public final class LogEntrySerializer extends RecordSerializer<LogEntry> {
    private static final long serialVersionUID = 1L;

    @Override
    public LogEntry createInstance() {
        return new LogEntry();
    }

    @Override
    public void serialize(LogEntry e, DataOutputView out) throws IOException {
        out.writeLong(e.orderMicros);
        out.writeLong(e.captureId);
        out.writeLong(e.ordinal);
        out.writeByte(e.step);
        Observation.writeText(e.module, out);
        Observation.writeText(e.capture, out);
        Observation.writeBytes(e.line, out);
        Observation.writeBytes(e.block, out);
    }

    @Override
    public LogEntry deserialize(DataInputView in) throws IOException {
        LogEntry e = new LogEntry();
        e.orderMicros = in.readLong();
        e.captureId = in.readLong();
        e.ordinal = in.readLong();
        e.step = in.readUnsignedByte();
        e.module = Observation.readText(in);
        e.capture = Observation.readText(in);
        e.line = Observation.readBytes(in);
        e.block = Observation.readBytes(in);
        return e;
    }

    @Override
    public TypeSerializerSnapshot<LogEntry> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Versioned snapshot, so that state written by this serializer can be restored. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<LogEntry> {
        public Snapshot() {
            super(LogEntrySerializer::new);
        }
    }
}
