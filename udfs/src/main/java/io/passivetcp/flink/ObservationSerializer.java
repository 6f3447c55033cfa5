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
    public void serialize(Observation o, DataOutputView out) throws IOException {
        writeContext(o, out);
        out.writeByte(o.step);
        Observation.writeText(o.module, out);
        out.writeByte(o.fields.length);
        for (String f : o.fields) {
            Observation.writeText(f, out);
        }
        Observation.writeData(o.data, out);
        Observation.writeText(o.databaseVersion, out);
    }

    @Override
    public Observation deserialize(DataInputView in) throws IOException {
        Observation o = readContext(new Observation(), in);
        o.step = in.readUnsignedByte();
        o.module = Observation.readText(in);
        o.fields = new String[in.readUnsignedByte()];
        for (int i = 0; i < o.fields.length; i++) {
            o.fields[i] = Observation.readText(in);
        }
        o.data = Observation.readData(in);
        o.databaseVersion = Observation.readText(in);
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
