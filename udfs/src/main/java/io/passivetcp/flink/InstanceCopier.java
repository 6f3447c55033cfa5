package io.passivetcp.flink;

import java.io.IOException;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Deep copy through a serializer's wire form: for records whose copy is rare and not on the hot path. */
final class InstanceCopier {
    private InstanceCopier() {}

    static <T> T copy(TypeSerializer<T> serializer, T from) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(from, out);
        return serializer.deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
    }
}
