package io.passivetcp.packet;

import io.passivetcp.P0fConfig;

/**
 * One decoded TCP packet: p0f's {@code packet_data} (spec §1.7) plus where it came from.
 *
 * <p>Mutable and reused: the capture reader decodes every packet into an instance it owns, so decoding makes
 * no garbage. Whoever keeps a packet beyond the current call must {@link #copyFrom copy} it.
 */
public final class TcpPacket {
    /** TCP flag bits that p0f's dispatch looks at ({@code tcp_type}). */
    public static final int FIN = 0x01, SYN = 0x02, RST = 0x04, ACK = 0x10;

    /** Payload kept per packet: no direction ever buffers more than this (p0f {@code MAX_FLOW_DATA}). */
    public static final int MAX_PAYLOAD = P0fConfig.MAX_FLOW_DATA;

    private static final byte[] NO_PAYLOAD = new byte[0];
    /** A payload array's first size: an Ethernet frame's payload fits. */
    private static final int PAYLOAD_BUFFER_SIZE = 2048;

    // ---- where and when ----
    /** 64-bit hash of {@link #capture}; identifies the capture in keys and tie-breaks. */
    public long captureId;
    /** Path of the capture this packet was read from. */
    public String capture;
    /** Position of the packet in its capture (0-based record index, counting every record). */
    public long ordinal;
    /** Packet time, microseconds since the epoch (p0f reads microseconds). */
    public long tsMicros;
    /** The capture record's stored seconds: what p0f prints and ages flows by (see CaptureRecord#tsSeconds). */
    public long tsSeconds;
    /**
     * The latest packet time of the capture up to this packet. Records are processed in this order, then by capture
     * and position: a capture's own packets stay in capture order, as p0f reads them even when their timestamps
     * step back, while different captures interleave by time.
     */
    public long orderMicros;
    /**
     * 1-based count of the capture's packets that p0f's capture filter ({@code tcp or (vlan and tcp)}) would pass,
     * up to and including this one. p0f runs its cache expiry on every 50th of them (spec §1.1, §8.4).
     */
    public long filterCount;
    /**
     * p0f's latest cache expiry run at or before this packet (spec §8.4): the {@link #filterCount} at which it ran
     * (0 = none yet) and the packet second it compared ages with. p0f runs it before every
     * {@link io.passivetcp.P0fConfig#EXPIRE_INTERVAL}th filtered packet whose second differs from the previous
     * run's; the reader, which sees every packet of the capture, keeps track, so flows and hosts expire as in p0f.
     */
    public long expiryRun;
    public long expirySeconds;

    // ---- IP ----
    /** 4 or 6. */
    public int ipVersion;
    /** Source address: 4 bytes used for IPv4, 16 for IPv6. */
    public final byte[] src = new byte[16];
    /** Destination address, as {@link #src}. */
    public final byte[] dst = new byte[16];
    /** Observed TTL / hop limit. */
    public int ttl;
    /** The 6-bit DSCP (p0f {@code tos}). */
    public int tos;
    /** IPv4 option bytes (p0f {@code olen}); 0 for IPv6. */
    public int olen;
    /** {@link io.passivetcp.tcp.Quirk} bit set. */
    public int quirks;

    // ---- TCP ----
    public int srcPort;
    public int dstPort;
    /** {@link #SYN}, {@link #ACK}, {@link #FIN}, {@link #RST} bits of the header (p0f {@code tcp_type}). */
    public int tcpType;
    /** Sequence number, unsigned 32-bit. */
    public long seq;
    /** Raw 16-bit window. */
    public int win;
    /** MSS option value, 0 if absent. */
    public int mss;
    /** Window-scale option value, 0 if absent. */
    public int wscale;
    /** Option kinds in order, {@link #layoutLength} of them. */
    public final byte[] layout = new byte[P0fConfig.MAX_TCP_OPT];
    public int layoutLength;
    /** Bytes after an EOL option. */
    public int eolPad;
    /** Own timestamp (TSval), unsigned 32-bit; 0 if absent. */
    public long ts1;
    /** IP header length + TCP header length (p0f {@code tot_hdr}). */
    public int totHdr;
    /** Payload length on the wire (p0f {@code pay_len}). */
    public int payLen;
    /** The first {@link #payloadLength} payload bytes (at most {@link #MAX_PAYLOAD}). */
    public byte[] payload = NO_PAYLOAD;
    public int payloadLength;

    public boolean isPureSyn() {
        return tcpType == SYN;
    }

    public boolean isSynAck() {
        return tcpType == (SYN | ACK);
    }

    public int layoutKind(int i) {
        return layout[i] & 0xFF;
    }

    public int addressLength() {
        return ipVersion == 4 ? 4 : 16;
    }

    /**
     * Makes room for {@code n} payload bytes, reusing the current array when it is large enough. Arrays grow in
     * powers of two from {@link #PAYLOAD_BUFFER_SIZE}, so that an array passed between packets ({@link #takeFrom})
     * reaches its final size after a step or two instead of being replaced whenever a longer payload comes.
     */
    public byte[] payloadBuffer(int n) {
        if (payload.length < n) {
            payload = new byte[Math.max(PAYLOAD_BUFFER_SIZE, Integer.highestOneBit(n - 1) << 1)];
        }
        return payload;
    }

    /** Sets the payload to exactly these bytes (used by deserialisation: the array is taken, not copied). */
    public void setPayload(byte[] bytes, int length) {
        payload = length == 0 ? NO_PAYLOAD : bytes;
        payloadLength = length;
    }

    /** Deep copy of {@code o} into this packet. */
    public TcpPacket copyFrom(TcpPacket o) {
        copyHeaderFrom(o);
        if (o.payloadLength == 0) {
            setPayload(NO_PAYLOAD, 0);
        } else {
            byte[] b = new byte[o.payloadLength];
            System.arraycopy(o.payload, 0, b, 0, o.payloadLength);
            setPayload(b, o.payloadLength);
        }
        return this;
    }

    /**
     * Moves {@code o} into this packet without copying its payload: the two exchange payload arrays, so {@code o}
     * decodes its next packet into this one's former array. For a reused packet handed to another reused one
     * (a reading thread's batches): neither a second copy nor an array per packet.
     */
    public void takeFrom(TcpPacket o) {
        copyHeaderFrom(o);
        byte[] mine = payload;
        payload = o.payload;
        payloadLength = o.payloadLength;
        o.payload = mine;
        o.payloadLength = 0;
    }

    private void copyHeaderFrom(TcpPacket o) {
        captureId = o.captureId;
        capture = o.capture;
        ordinal = o.ordinal;
        tsMicros = o.tsMicros;
        tsSeconds = o.tsSeconds;
        orderMicros = o.orderMicros;
        filterCount = o.filterCount;
        expiryRun = o.expiryRun;
        expirySeconds = o.expirySeconds;
        ipVersion = o.ipVersion;
        System.arraycopy(o.src, 0, src, 0, 16);
        System.arraycopy(o.dst, 0, dst, 0, 16);
        ttl = o.ttl;
        tos = o.tos;
        olen = o.olen;
        quirks = o.quirks;
        srcPort = o.srcPort;
        dstPort = o.dstPort;
        tcpType = o.tcpType;
        seq = o.seq;
        win = o.win;
        mss = o.mss;
        wscale = o.wscale;
        System.arraycopy(o.layout, 0, layout, 0, o.layoutLength);
        layoutLength = o.layoutLength;
        eolPad = o.eolPad;
        ts1 = o.ts1;
        totHdr = o.totHdr;
        payLen = o.payLen;
    }
}
