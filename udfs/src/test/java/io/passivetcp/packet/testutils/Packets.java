package io.passivetcp.packet.testutils;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Fluent builder of IPv4/IPv6 + TCP packets (no link layer; see {@link Frames}), reading like
 * {@code Packets.ipv4().syn().mss(1460).ttl(63).build()}. Defaults: a Linux-like SYN from 192.0.2.10:40000 to
 * 198.51.100.20:80 with DF, IP ID 0x1234, TTL 64, window 29200 and no options. Checksums are left zero (p0f
 * never verifies them). Length fields can be overridden to build broken packets.
 */
public final class Packets {
    public static final int FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10, URG = 0x20, ECE = 0x40,
            CWR = 0x80;
    /** Linux SYN options: MSS 1460, SACK permitted, timestamps (1000, 0), NOP, window scale 7. */
    public static final int[] LINUX_OPTIONS = {2, 4, 5, 180, 4, 2, 8, 10, 0, 0, 3, 232, 0, 0, 0, 0, 1, 3, 3, 7};

    private final int version;
    private byte[] src;
    private byte[] dst;
    private int ttl = 64;
    private int tos;
    private int id = 0x1234;
    private boolean df = true;
    private boolean mf;
    private boolean reservedFlag;
    private int fragmentOffset;
    private byte[] ipOptions = new byte[0];
    private int protocol = 6;
    private Integer totalLength;
    private Integer ihl;
    private int flowLabel;
    private final List<int[]> extensions = new ArrayList<>(); // {type, length, fragment offset, more}
    private int sport = 40000;
    private int dport = 80;
    private long seq = 1000;
    private long ack;
    private int flags = SYN;
    private int ns;
    private int win = 29200;
    private int urgentPointer;
    private byte[] options = new byte[0];
    private Integer doff;
    private byte[] payload = new byte[0];

    private Packets(int version) {
        this.version = version;
        src = version == 4 ? ip4(192, 0, 2, 10) : ip6(0x20010db8, 1, 0, 0x10);
        dst = version == 4 ? ip4(198, 51, 100, 20) : ip6(0x20010db8, 2, 0, 0x20);
    }

    public static Packets ipv4() {
        return new Packets(4);
    }

    public static Packets ipv6() {
        return new Packets(6);
    }

    public static byte[] ip4(int a, int b, int c, int d) {
        return new byte[] {(byte) a, (byte) b, (byte) c, (byte) d};
    }

    /** 2001:db8:x::y-style address from four 32-bit words. */
    public static byte[] ip6(int w0, int w1, int w2, int w3) {
        return ByteBuffer.allocate(16).putInt(w0).putInt(w1).putInt(w2).putInt(w3).array();
    }

    public Packets src(byte[] a) { src = a; return this; }
    public Packets dst(byte[] a) { dst = a; return this; }
    public Packets ttl(int v) { ttl = v; return this; }
    /** IPv4 TOS byte or IPv6 traffic class. */
    public Packets tos(int v) { tos = v; return this; }
    public Packets id(int v) { id = v; return this; }
    public Packets df(boolean v) { df = v; return this; }
    public Packets mf(boolean v) { mf = v; return this; }
    public Packets reservedFlag(boolean v) { reservedFlag = v; return this; }
    public Packets fragmentOffset(int v) { fragmentOffset = v; return this; }
    public Packets ipOptions(int... bytes) { ipOptions = bytes(bytes); return this; }
    public Packets protocol(int v) { protocol = v; return this; }
    /** Overrides IPv4 total length / IPv6 payload length + 40. */
    public Packets totalLength(int v) { totalLength = v; return this; }
    public Packets ihl(int v) { ihl = v; return this; }
    public Packets flowLabel(int v) { flowLabel = v; return this; }
    /** IPv6 hop-by-hop (0), routing (43) or destination options (60) header of {@code length} bytes (8k). */
    public Packets extension(int type, int length) { extensions.add(new int[] {type, length, 0, 0}); return this; }
    public Packets fragmentHeader(int offset, boolean more) {
        extensions.add(new int[] {44, 8, offset, more ? 1 : 0});
        return this;
    }
    /** IPv6 authentication header of {@code length} bytes (multiple of 4, at least 12). */
    public Packets authenticationHeader(int length) { extensions.add(new int[] {51, length, 0, 0}); return this; }
    /** A header of any type that ends the chain (ESP 50, no-next-header 59, UDP 17...) with 8 bytes. */
    public Packets terminalHeader(int type) { extensions.add(new int[] {type, 8, 0, 0}); return this; }
    public Packets ports(int s, int d) { sport = s; dport = d; return this; }
    public Packets seq(long v) { seq = v; return this; }
    public Packets ack(long v) { ack = v; return this; }
    public Packets flags(int v) { flags = v; return this; }
    public Packets syn() { flags = SYN; return this; }
    public Packets synAck() { flags = SYN | ACK; return this; }
    public Packets nsBit(boolean v) { ns = v ? 1 : 0; return this; }
    public Packets win(int v) { win = v; return this; }
    public Packets urgentPointer(int v) { urgentPointer = v; return this; }
    /** Raw option bytes, padded with zeros to a multiple of 4 unless {@link #doff} is set. */
    public Packets options(int... bytes) { options = bytes(bytes); return this; }
    public Packets linuxOptions() { return options(LINUX_OPTIONS); }
    /** TCP data offset in 32-bit words (overrides the computed one). */
    public Packets doff(int words) { doff = words; return this; }
    public Packets payload(byte[] p) { payload = p; return this; }

    public byte[] build() {
        byte[] tcp = tcp();
        return version == 4 ? ipv4Header(tcp) : ipv6Header(tcp);
    }

    private byte[] tcp() {
        int optLen = doff != null ? options.length : (options.length + 3) & ~3;
        int words = doff != null ? doff : (20 + optLen) / 4;
        ByteBuffer b = ByteBuffer.allocate(20 + optLen + payload.length);
        b.putShort((short) sport).putShort((short) dport).putInt((int) seq).putInt((int) ack);
        b.put((byte) (words << 4 | ns)).put((byte) flags).putShort((short) win).putShort((short) 0);
        b.putShort((short) urgentPointer).put(options);
        b.position(20 + optLen);
        b.put(payload);
        return b.array();
    }

    private byte[] ipv4Header(byte[] tcp) {
        int hlen = 20 + ipOptions.length;
        int total = totalLength != null ? totalLength : hlen + tcp.length;
        int fl = (reservedFlag ? 0x8000 : 0) | (df ? 0x4000 : 0) | (mf ? 0x2000 : 0) | fragmentOffset;
        ByteBuffer b = ByteBuffer.allocate(hlen + tcp.length);
        b.put((byte) (0x40 | (ihl != null ? ihl : hlen / 4))).put((byte) tos).putShort((short) total);
        b.putShort((short) id).putShort((short) fl).put((byte) ttl).put((byte) protocol).putShort((short) 0);
        b.put(src).put(dst).put(ipOptions).put(tcp);
        return b.array();
    }

    private byte[] ipv6Header(byte[] tcp) {
        ByteArrayOutputStream chain = new ByteArrayOutputStream();
        for (int i = 0; i < extensions.size(); i++) {
            int[] x = extensions.get(i);
            int next = i + 1 < extensions.size() ? extensions.get(i + 1)[0] : protocol;
            byte[] h = new byte[x[1]];
            h[0] = (byte) next;
            if (x[0] == 44) {
                h[2] = (byte) (x[2] >> 5);
                h[3] = (byte) ((x[2] << 3) | x[3]);
            } else if (x[0] == 51) {
                h[1] = (byte) (x[1] / 4 - 2);
            } else {
                h[1] = (byte) (x[1] / 8 - 1);
            }
            chain.writeBytes(h);
        }
        int first = extensions.isEmpty() ? protocol : extensions.get(0)[0];
        int payloadLength = totalLength != null ? totalLength - 40 : chain.size() + tcp.length;
        ByteBuffer b = ByteBuffer.allocate(40 + chain.size() + tcp.length);
        b.putInt(6 << 28 | (tos & 0xFF) << 20 | (flowLabel & 0xFFFFF));
        b.putShort((short) payloadLength).put((byte) first).put((byte) ttl).put(src).put(dst);
        b.put(chain.toByteArray()).put(tcp);
        return b.array();
    }

    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
