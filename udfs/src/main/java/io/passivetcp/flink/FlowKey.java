package io.passivetcp.flink;

import org.apache.flink.api.java.functions.KeySelector;

import io.passivetcp.host.ConnectionKey;
import io.passivetcp.packet.TcpPacket;

/**
 * The key of a connection: its 4-tuple in either direction plus IP version (as p0f's flow lookup), and the capture
 * under {@code --state-scope capture}. A public-field POJO, so Flink serializes it without Kryo.
 */
public class FlowKey {
    public long captureId;
    public int ipVersion;
    /** The lower endpoint (by address, then port) first, so both directions share the key. */
    public long lowAddressHigh, lowAddressLow, highAddressHigh, highAddressLow;
    public int lowPort, highPort;

    public FlowKey() {}

    /** The key of {@code p}'s connection, oriented by {@code k} (set to it by the caller, reused per packet). */
    FlowKey(TcpPacket p, ConnectionKey k, boolean perCapture) {
        captureId = perCapture ? p.captureId : 0;
        ipVersion = k.ipVersion();
        lowAddressHigh = k.lowAddressHigh();
        lowAddressLow = k.lowAddressLow();
        highAddressHigh = k.highAddressHigh();
        highAddressLow = k.highAddressLow();
        lowPort = k.lowPort();
        highPort = k.highPort();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FlowKey)) {
            return false;
        }
        FlowKey k = (FlowKey) o;
        return captureId == k.captureId && ipVersion == k.ipVersion && lowAddressHigh == k.lowAddressHigh
                && lowAddressLow == k.lowAddressLow && highAddressHigh == k.highAddressHigh
                && highAddressLow == k.highAddressLow && lowPort == k.lowPort && highPort == k.highPort;
    }

    @Override
    public int hashCode() {
        long h = captureId * 31 + ipVersion;
        h = h * 31 + lowAddressHigh;
        h = h * 31 + lowAddressLow;
        h = h * 31 + highAddressHigh;
        h = h * 31 + highAddressLow;
        return Long.hashCode((h * 31 + lowPort) * 31 + highPort);
    }

    /** Keys packets by connection; {@code perCapture} for {@code --state-scope capture}. */
    public static KeySelector<TcpPacket, FlowKey> selector(boolean perCapture) {
        return new Selector(perCapture);
    }

    /** Keys packets; its one reused {@link ConnectionKey} orients each packet without garbage beyond the key. */
    private static final class Selector implements KeySelector<TcpPacket, FlowKey> {
        private static final long serialVersionUID = 1L;
        private final boolean perCapture;
        private transient ConnectionKey orientation;

        Selector(boolean perCapture) {
            this.perCapture = perCapture;
        }

        @Override
        public FlowKey getKey(TcpPacket p) {
            if (orientation == null) {
                orientation = new ConnectionKey();
            }
            return new FlowKey(p, orientation.setConnection(p), perCapture);
        }
    }
}
