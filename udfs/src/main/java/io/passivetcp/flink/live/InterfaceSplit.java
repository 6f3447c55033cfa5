package io.passivetcp.flink.live;

import java.nio.charset.StandardCharsets;

import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * One network interface to capture. A live link cannot be replayed, so the split has no position: a restored reader
 * captures the interface again from the moment it reopens it.
 */
public record InterfaceSplit(String name) implements SourceSplit {
    @Override
    public String splitId() {
        return name;
    }

    /** The interface name in UTF-8. */
    static final class Serializer implements SimpleVersionedSerializer<InterfaceSplit> {
        static final Serializer INSTANCE = new Serializer();

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(InterfaceSplit split) {
            return split.name().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public InterfaceSplit deserialize(int version, byte[] serialized) {
            return new InterfaceSplit(new String(serialized, StandardCharsets.UTF_8));
        }
    }
}
