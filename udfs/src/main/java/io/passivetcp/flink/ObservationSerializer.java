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
        writeContext(o, out);
        out.writeByte(o.step);
        out.writeUTF(o.module);
        out.writeByte(o.fields.length);
        for (String f : o.fields) {
            out.writeUTF(f);
        }
        Observation.writeData(o.data, out);
        out.writeUTF(o.databaseVersion == null ? "" : o.databaseVersion);
    }

    @Override
    public Observation deserialize(DataInputView in) throws IOException {
        Observation o = readContext(new Observation(), in);
        o.step = in.readUnsignedByte();
        o.module = in.readUTF();
        o.fields = new String[in.readUnsignedByte()];
        for (int i = 0; i < o.fields.length; i++) {
            o.fields[i] = in.readUTF();
        }
        o.data = Observation.readData(in);
        String version = in.readUTF();
        o.databaseVersion = version.isEmpty() ? null : version;
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
