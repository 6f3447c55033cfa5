package io.passivetcp.host;

import static io.passivetcp.host.HostTestDb.http;
import static io.passivetcp.host.HostTestDb.syn;
import static io.passivetcp.host.HostTestDb.synAck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** HostState is a Flink POJO (nested POJOs included) that serialises without Kryo and resumes identically. */
class HostStatePojoTest {
    private static final Set<Class<?>> SIMPLE = Set.of(int.class, long.class, boolean.class, String.class,
            byte[].class, int[].class, long[].class);
    private static final long T0 = 1_700_000_000_000L;

    @Test
    void onlyPublicMutableFieldsOfSimpleTypesOrNestedPojos() throws NoSuchMethodException {
        for (Class<?> c : List.of(HostState.class, HostState.TcpRecord.class, HostState.HttpRecord.class)) {
            assertTrue(Modifier.isPublic(c.getConstructor().getModifiers()), c.getName());
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                assertTrue(Modifier.isPublic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers()), f.getName());
                boolean nested = f.getType() == HostState.TcpRecord.class || f.getType() == HostState.HttpRecord.class;
                assertTrue(nested || SIMPLE.contains(f.getType()), f.getName() + " is " + f.getType());
            }
        }
    }

    @Test
    void flinkPojoSerializerRoundTripWithGenericTypesDisabled() throws Exception {
        TypeInformation<HostState> info = TypeInformation.of(HostState.class);
        assertInstanceOf(PojoTypeInfo.class, info);
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        TypeSerializer<HostState> serializer = info.createSerializer(config);

        Host original = new Host(HostTestDb.DB);
        original.apply(Ev.at(T0).touch().syn(syn("Linux 3.11 and newer")).ts(1_000_000));
        original.apply(Ev.at(T0 + 1).server().synAck(synAck("Linux 3.x")).ts(77));
        original.apply(Ev.at(T0 + 502).ack(1_000_050));
        original.apply(Ev.at(T0 + 600).response(http(true, "nginx 1.x")).date(5).language("German"));

        DataOutputSerializer out = new DataOutputSerializer(512);
        serializer.serialize(original.state, out);
        Host restored = new Host(HostTestDb.DB);
        restored.state = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        // both carry on identically: locks, references, scores
        List<Ev> next = List.of(Ev.at(T0 + 1502).ack(1_000_150),
                Ev.at(T0 + 2000).flow(2).touch().syn(syn("Windows 7 or 8")).ttl(128).ts(1_000_200),
                Ev.at(T0 + 2600).response(http(true, "Apache 2.x")));
        for (Ev ev : next) {
            HostEvent e = ev.build();
            assertEquals(original.apply(e), restored.apply(e));
        }
        assertEquals(List.of(original.state.cliScores[31], original.state.srvScores[31]),
                List.of(restored.state.cliScores[31], restored.state.srvScores[31]));
    }
}
