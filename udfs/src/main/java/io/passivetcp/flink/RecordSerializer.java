package io.passivetcp.flink;

import java.io.IOException;

import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

import io.passivetcp.Observation;
import io.passivetcp.PacketContext;

/**
 * Base of the explicit serializers for the records that cross operators. Explicit, so that the job runs with
 * {@code pipeline.generic-types: false} and a record costs only its own bytes on the wire.
 */
abstract class RecordSerializer<T> extends TypeSerializerSingleton<T> {
    @Override
    public boolean isImmutableType() {
        return false;
    }

    /** A deep copy through the wire form: copies are rare and off the hot path (object reuse is on). */
    @Override
    public T copy(T from) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(256);
            serialize(from, out);
            return deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    /** The packet position and connection shared by observations and host events. */
    static void writeContext(PacketContext c, DataOutputView out) throws IOException {
        out.writeLong(c.tsMicros);
        out.writeLong(c.tsSeconds);
        out.writeLong(c.orderMicros);
        out.writeLong(c.captureId);
        Observation.writeText(c.capture, out);
        out.writeLong(c.ordinal);
        out.writeByte(c.ipVersion);
        out.writeByte(c.client.length);
        out.write(c.client);
        out.write(c.server);
        out.writeShort(c.clientPort);
        out.writeShort(c.serverPort);
        out.writeBoolean(c.subjectIsClient);
    }

    static <C extends PacketContext> C readContext(C c, DataInputView in) throws IOException {
        c.tsMicros = in.readLong();
        c.tsSeconds = in.readLong();
        c.orderMicros = in.readLong();
        c.captureId = in.readLong();
        c.capture = Observation.readText(in);
        c.ordinal = in.readLong();
        c.ipVersion = in.readUnsignedByte();
        int n = in.readUnsignedByte();
        c.client = new byte[n];
        c.server = new byte[n];
        in.readFully(c.client);
        in.readFully(c.server);
        c.clientPort = in.readUnsignedShort();
        c.serverPort = in.readUnsignedShort();
        c.subjectIsClient = in.readBoolean();
        return c;
    }


}
