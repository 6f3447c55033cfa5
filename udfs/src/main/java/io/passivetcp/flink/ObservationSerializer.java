package io.passivetcp.flink;

import java.io.IOException;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import io.passivetcp.Observation;

/** Wire form of an {@link Observation}. */
public final class ObservationSerializer extends RecordSerializer<Observation> {
    private static final long serialVersionUID = 1L;

    @Override
    public Observation createInstance() {
        return new Observation();
    }

    @Override
    public Observation copy(Observation from) {
        try {
            return InstanceCopier.copy(this, from);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void serialize(Observation o, DataOutputView out) throws IOException {
        out.writeLong(o.tsMicros);
        out.writeLong(o.orderMicros);
        out.writeLong(o.tsSeconds);
        out.writeLong(o.captureId);
        writeNullableString(o.capture, out);
        out.writeLong(o.ordinal);
        out.writeByte(o.step);
        out.writeUTF(o.module);
        out.writeBoolean(o.subjectIsClient);
        out.writeByte(o.ipVersion);
        out.writeByte(o.client.length);
        out.write(o.client);
        out.write(o.server);
        out.writeShort(o.clientPort);
        out.writeShort(o.serverPort);
        out.writeByte(o.fields.length);
        for (String f : o.fields) {
            out.writeUTF(f);
        }
    }

    @Override
    public Observation deserialize(DataInputView in) throws IOException {
        Observation o = new Observation();
        o.tsMicros = in.readLong();
        o.orderMicros = in.readLong();
        o.tsSeconds = in.readLong();
        o.captureId = in.readLong();
        o.capture = readNullableString(in);
        o.ordinal = in.readLong();
        o.step = in.readUnsignedByte();
        o.module = in.readUTF();
        o.subjectIsClient = in.readBoolean();
        o.ipVersion = in.readUnsignedByte();
        int n = in.readUnsignedByte();
        o.client = new byte[n];
        o.server = new byte[n];
        in.readFully(o.client);
        in.readFully(o.server);
        o.clientPort = in.readUnsignedShort();
        o.serverPort = in.readUnsignedShort();
        o.fields = new String[in.readUnsignedByte()];
        for (int i = 0; i < o.fields.length; i++) {
            o.fields[i] = in.readUTF();
        }
        return o;
    }

    @Override
    public TypeSerializerSnapshot<Observation> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Versioned snapshot, so that state written by this serializer can be restored. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Observation> {
        public Snapshot() {
            super(ObservationSerializer::new);
        }
    }
}
