package io.passivetcp.flink;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import io.passivetcp.output.OrderedRun;

/** Type information that hands Flink one of our explicit serializers. */
public final class RecordTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    public static final RecordTypeInfo<io.passivetcp.packet.TcpPacket> TCP_PACKET =
            new RecordTypeInfo<>(io.passivetcp.packet.TcpPacket.class, new TcpPacketSerializer());
    public static final RecordTypeInfo<io.passivetcp.host.HostEvent> HOST_EVENT =
            new RecordTypeInfo<>(io.passivetcp.host.HostEvent.class, new HostEventSerializer());
    public static final RecordTypeInfo<io.passivetcp.Observation> OBSERVATION =
            new RecordTypeInfo<>(io.passivetcp.Observation.class, new ObservationSerializer());
    public static final RecordTypeInfo<io.passivetcp.output.LogEntry> LOG_ENTRY =
            new RecordTypeInfo<>(io.passivetcp.output.LogEntry.class, new LogEntrySerializer());
    public static final RecordTypeInfo<OrderedRun<io.passivetcp.output.LogEntry>> LOG_ENTRY_RUN =
            new RecordTypeInfo<>(runClass(), new RunSerializer.OfLogEntries());
    public static final RecordTypeInfo<OrderedRun<io.passivetcp.Observation>> OBSERVATION_RUN =
            new RecordTypeInfo<>(runClass(), new RunSerializer.OfObservations());

    @SuppressWarnings("unchecked")
    private static <T extends io.passivetcp.output.OutputOrdered> Class<OrderedRun<T>> runClass() {
        return (Class<OrderedRun<T>>) (Class<?>) OrderedRun.class;
    }

    private final Class<T> type;
    /** Stateless (a TypeSerializerSingleton), so one instance serves every subtask. */
    private final TypeSerializer<T> serializer;

    private RecordTypeInfo(Class<T> type, TypeSerializer<T> serializer) {
        this.type = type;
        this.serializer = serializer;
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    @Override
    public String toString() {
        return "RecordTypeInfo<" + type.getSimpleName() + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordTypeInfo && ((RecordTypeInfo<?>) o).type == type;
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof RecordTypeInfo;
    }
}
