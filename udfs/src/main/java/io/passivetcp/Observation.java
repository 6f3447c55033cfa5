package io.passivetcp;

import java.util.Arrays;

/**
 * One p0f event ({@code mod=syn}, {@code mtu}, ...): what was observed, about whom, and where it stands in the input.
 *
 * <p>The position ({@link #tsMicros}, {@link #captureId}, {@link #ordinal}, {@link #step}) restores p0f's output
 * order after a parallel run: packets in event-time order, ties by capture and position in it, and within one packet
 * the order in which p0f prints (spec §8.9), given by {@link #step}.
 */
public final class Observation extends PacketContext {
    /**
     * Steps within one packet, in p0f's print order (spec §8.9): SYN and SYN+ACK print fingerprint, NAT event, mtu,
     * uptime; a data segment prints uptime, http, the application check's event, the HTTP NAT event.
     */
    public static final int STEP_FINGERPRINT = 0, STEP_TCP_NAT = 1, STEP_MTU = 2, STEP_UPTIME = 3, STEP_HTTP = 4,
            STEP_HTTP_APP_CHECK = 5, STEP_HTTP_NAT = 6;

    public int step;

    /** The {@code mod=} value, e.g. {@code syn+ack}. */
    public String module;
    /** Keys and values in p0f's order: key0, value0, key1, value1, ... */
    public String[] fields;

    public Observation() {}

    public Observation(String module, boolean subjectIsClient, int step, String... fields) {
        this.module = module;
        this.subjectIsClient = subjectIsClient;
        this.step = step;
        this.fields = fields;
    }

    public int fieldCount() {
        return fields.length / 2;
    }

    public String key(int i) {
        return fields[2 * i];
    }

    public String value(int i) {
        return fields[2 * i + 1];
    }

    /** The value of {@code key}, or null. */
    public String get(String key) {
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equals(key)) {
                return fields[i + 1];
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Observation)) {
            return false;
        }
        Observation x = (Observation) o;
        return tsMicros == x.tsMicros && tsSeconds == x.tsSeconds && orderMicros == x.orderMicros && captureId == x.captureId && ordinal == x.ordinal && step == x.step
                && subjectIsClient == x.subjectIsClient && ipVersion == x.ipVersion
                && clientPort == x.clientPort && serverPort == x.serverPort
                && module.equals(x.module) && String.valueOf(capture).equals(String.valueOf(x.capture))
                && Arrays.equals(client, x.client) && Arrays.equals(server, x.server)
                && Arrays.equals(fields, x.fields);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(tsMicros) * 31 + Long.hashCode(ordinal) * 7 + module.hashCode() + step;
    }

    @Override
    public String toString() {
        return module + "@" + capture + "#" + ordinal + "." + step + " " + Arrays.toString(fields);
    }
}
