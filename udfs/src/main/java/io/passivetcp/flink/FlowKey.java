package io.passivetcp.flink;

import java.util.Objects;

import org.apache.flink.api.java.functions.KeySelector;

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

    FlowKey(TcpPacket p, boolean perCapture) {
        captureId = perCapture ? p.captureId : 0;
        ipVersion = p.ipVersion;
        int n = p.addressLength();
        long sh = word(p.src, 0, n), sl = word(p.src, 8, n), dh = word(p.dst, 0, n), dl = word(p.dst, 8, n);
        int c = Long.compareUnsigned(sh, dh);
        if (c == 0) {
            c = Long.compareUnsigned(sl, dl);
        }
        if (c == 0) {
            c = Integer.compare(p.srcPort, p.dstPort);
        }
        boolean srcLow = c <= 0;
        lowAddressHigh = srcLow ? sh : dh;
        lowAddressLow = srcLow ? sl : dl;
        highAddressHigh = srcLow ? dh : sh;
        highAddressLow = srcLow ? dl : sl;
        lowPort = srcLow ? p.srcPort : p.dstPort;
        highPort = srcLow ? p.dstPort : p.srcPort;
    }

    /** Eight address bytes from {@code off} as a number; bytes past the address length (IPv4) count as zero. */
    static long word(byte[] a, int off, int length) {
        long v = 0;
        for (int i = off; i < off + 8; i++) {
            v = (v << 8) | (i < length ? a[i] & 0xFF : 0);
        }
        return v;
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
        return Objects.hash(captureId, ipVersion, lowAddressHigh, lowAddressLow, highAddressHigh, highAddressLow,
                lowPort, highPort);
    }

    /** Keys packets by connection; {@code perCapture} for {@code --state-scope capture}. */
    public static KeySelector<TcpPacket, FlowKey> selector(boolean perCapture) {
        return p -> new FlowKey(p, perCapture);
    }
}
