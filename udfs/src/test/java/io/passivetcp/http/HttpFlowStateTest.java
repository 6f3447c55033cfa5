package io.passivetcp.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** HttpFlowState is a Flink POJO that serialises without Kryo, mid-parse state included. */
class HttpFlowStateTest {
    private static final Set<Class<?>> ALLOWED = Set.of(int.class, long.class, boolean.class, byte.class,
            short.class, char.class, double.class, float.class, byte[].class, int[].class, String.class);

    @Test
    void onlyPublicMutableFieldsOfSimpleTypes() throws NoSuchMethodException {
        assertTrue(Modifier.isPublic(HttpFlowState.class.getConstructor().getModifiers()));
        for (Field f : HttpFlowState.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            assertTrue(Modifier.isPublic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers()), f.getName());
            assertTrue(ALLOWED.contains(f.getType()), f.getName() + " is " + f.getType());
        }
    }

    @Test
    void flinkPojoSerializerRoundTripWithGenericTypesDisabled() throws Exception {
        TypeInformation<HttpFlowState> info = TypeInformation.of(HttpFlowState.class);
        assertInstanceOf(PojoTypeInfo.class, info);
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        TypeSerializer<HttpFlowState> serializer = info.createSerializer(config);

        Conversation c = new Conversation();
        c.client("GET / HTTP/1.1\r\nHost: h\r\nUser-Agent: t/1\r\nAcc");
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(c.state, out);
        HttpFlowState copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals(c.state.requestLength, copy.requestLength);
        assertArrayEquals(c.state.headerSpans, copy.headerSpans);
        assertEquals(c.state.parsePosition, copy.parsePosition);

        // the restored state carries on exactly like the original
        Conversation resumed = new Conversation();
        HttpTracker.onPayload(copy, true, Conversation.bytes("ept: */*\r\n\r\n"), 0, 12, 7, c.db,
                resumed.fingerprints::add);
        c.client("ept: */*\r\n\r\n");
        assertEquals(c.only().toString(), resumed.only().toString());
    }
}
