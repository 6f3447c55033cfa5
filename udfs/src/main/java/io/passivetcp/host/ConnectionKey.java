package io.passivetcp.host;

import io.passivetcp.packet.TcpPacket;

/**
 * A connection's 4-tuple, the same for both directions, or a host's address, with the IP version: p0f's flow and
 * host lookups (spec §8.1, §8.3). Mutable, so that one instance can probe a map for every packet without garbage;
 * a key kept in a map is a {@link #copy}.
 */
public final class ConnectionKey {
    private int ipVersion;
    /** The lower endpoint (by address, then port) first, so that both directions share the key. */
    private long lowAddressHigh, lowAddressLow, highAddressHigh, highAddressLow;
    private int lowPort, highPort;

    /** This key becomes the connection of {@code p}. */
    public ConnectionKey setConnection(TcpPacket p) {
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
        return this;
    }

    /** This key becomes the host at {@code address}. */
    public ConnectionKey setHost(int ipVersion, byte[] address) {
        return setHost(ipVersion, address, address.length);
    }

    /** This key becomes the host at the first {@code length} bytes of {@code address}. */
    public ConnectionKey setHost(int ipVersion, byte[] address, int length) {
        this.ipVersion = ipVersion;
        lowAddressHigh = word(address, 0, length);
        lowAddressLow = word(address, 8, length);
        highAddressHigh = highAddressLow = 0;
        lowPort = highPort = -1;
        return this;
    }

    public ConnectionKey copy() {
        ConnectionKey k = new ConnectionKey();
        k.ipVersion = ipVersion;
        k.lowAddressHigh = lowAddressHigh;
        k.lowAddressLow = lowAddressLow;
        k.highAddressHigh = highAddressHigh;
        k.highAddressLow = highAddressLow;
        k.lowPort = lowPort;
        k.highPort = highPort;
        return k;
    }

    public int ipVersion() {
        return ipVersion;
    }

    public long lowAddressHigh() {
        return lowAddressHigh;
    }

    public long lowAddressLow() {
        return lowAddressLow;
    }

    public long highAddressHigh() {
        return highAddressHigh;
    }

    public long highAddressLow() {
        return highAddressLow;
    }

    public int lowPort() {
        return lowPort;
    }

    public int highPort() {
        return highPort;
    }

    /** Eight address bytes from {@code off} as a number; bytes past the address length (IPv4) count as zero. */
    public static long word(byte[] a, int off, int length) {
        int room = length - off;
        if (room <= 0) {
            return 0;
        }
        // unrolled for whole words and an IPv4 address: a loop with a bound check per byte under C1 was 2% of a run
        long high = (a[off] & 0xFFL) << 24 | (a[off + 1] & 0xFF) << 16 | (a[off + 2] & 0xFF) << 8 | (a[off + 3] & 0xFF);
        if (room >= 8) {
            return high << 32 | (a[off + 4] & 0xFFL) << 24 | (a[off + 5] & 0xFF) << 16 | (a[off + 6] & 0xFF) << 8
                    | (a[off + 7] & 0xFF);
        }
        if (room == 4) {
            return high << 32;
        }
        long v = 0;
        for (int i = off; i < off + 8; i++) {
            v = (v << 8) | (i < length ? a[i] & 0xFF : 0);
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionKey k && ipVersion == k.ipVersion && lowAddressHigh == k.lowAddressHigh
                && lowAddressLow == k.lowAddressLow && highAddressHigh == k.highAddressHigh
                && highAddressLow == k.highAddressLow && lowPort == k.lowPort && highPort == k.highPort;
    }

    @Override
    public int hashCode() {
        long h = ipVersion;
        h = h * 31 + lowAddressHigh;
        h = h * 31 + lowAddressLow;
        h = h * 31 + highAddressHigh;
        h = h * 31 + highAddressLow;
        h = h * 31 + lowPort;
        h = h * 31 + highPort;
        return Long.hashCode(h * 0x9E3779B97F4A7C15L);
    }
}
