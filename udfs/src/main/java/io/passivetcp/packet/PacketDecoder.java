package io.passivetcp.packet;

import io.passivetcp.P0fConfig;
import io.passivetcp.capture.CaptureRecord;

/**
 * Turns a captured frame into p0f's packet record (spec §1): link layer ({@link LinkDecoder}), IPv4 or IPv6
 * ({@link Ipv4Decoder}, {@link Ipv6Decoder}), TCP ({@link TcpDecoder}) and its options
 * ({@link TcpOptionsDecoder}). Either the packet is one p0f would process and every field of the
 * {@link TcpPacket} is set, or a {@link DropReason} says which check failed.
 *
 * <p>One instance per capture (it keeps p0f's link-offset auto-detection state and packet counter), used by one
 * thread. Decoding allocates nothing (beyond growing the packet's payload buffer) and throws nothing, whatever
 * the bytes.
 */
public final class PacketDecoder {
    private final LinkDecoder link = new LinkDecoder();
    private final IpHeader ip = new IpHeader();
    private boolean passedP0fFilter;
    private boolean beyondP0f;
    /** Packets of this capture so far that p0f's filter would pass (p0f's packet counter). */
    private long filterCount;
    /** p0f's latest cache expiry run: the packet count it ran at, and its second. */
    private long expiryRun;
    private long expirySeconds;
    /** The latest packet time so far: packets are ordered by it (see {@link TcpPacket#orderMicros}). */
    private long latestMicros = Long.MIN_VALUE;

    public PacketDecoder() {}

    /**
     * Decodes {@code rec} into {@code out}: all fields except {@code capture}/{@code captureId}, which the caller
     * sets. {@code ordinal}, the times, {@code filterCount} and the expiry run are set even when the packet is
     * dropped.
     *
     * @return {@link DropReason#NONE} when p0f would process the packet, else why it would not
     */
    public DropReason decode(CaptureRecord rec, TcpPacket out) {
        stamp(rec, out);
        clear(out);
        passedP0fFilter = false;
        beyondP0f = false;
        DropReason verdict = decodeLayers(rec, out);
        if (passedP0fFilter) {
            filterCount++;
            runExpiryClock(out.tsSeconds);
        }
        out.filterCount = filterCount;
        out.expiryRun = expiryRun;
        out.expirySeconds = expirySeconds;
        return verdict;
    }

    /**
     * Reads only the times and the IP addresses of {@code rec}: for every packet {@link #decode} keeps, the same
     * {@code ordinal}, times, {@code ipVersion}, {@code src} and {@code dst} that decode gives it; also the
     * addresses of frames decode drops after its IP header (other protocols, fragments, damaged headers). Nothing
     * else of {@code out} is set. Learning which hosts a capture holds this way finds every host the analysis sees.
     *
     * @return whether the frame has IP addresses (else {@code out}'s addresses are stale)
     */
    public boolean decodeAddresses(CaptureRecord rec, TcpPacket out) {
        stamp(rec, out);
        byte[] b = rec.data;
        int len = usableLength(rec);
        int off = link.ipOffset(rec.linkType, b, len);
        if (off < 0 || off >= len) {
            return false;
        }
        int room = len - off;
        switch (Bytes.highNibble(b, off)) {
            case 4 -> {
                if (room < Ipv4Decoder.MIN_HEADER_LENGTH) {
                    return false;
                }
                Ipv4Decoder.addresses(b, off, out);
                return true;
            }
            case 6 -> {
                if (room < Ipv6Decoder.HEADER_LENGTH) {
                    return false;
                }
                Ipv6Decoder.addresses(b, off, out);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** The record's ordinal and times, and the latest packet time so far, which orders packets. */
    private void stamp(CaptureRecord rec, TcpPacket out) {
        out.ordinal = rec.ordinal;
        out.tsMicros = rec.tsMicros;
        out.tsSeconds = rec.tsSeconds;
        latestMicros = Math.max(latestMicros, rec.tsMicros);
        out.orderMicros = latestMicros;
    }

    /**
     * p0f runs its cache expiry before every {@link P0fConfig#EXPIRE_INTERVAL}th packet its filter passes, unless
     * that packet's second equals the previous run's (spec §8.4). Flows and hosts only see their own packets, so
     * every packet carries the capture's latest run.
     */
    private void runExpiryClock(long seconds) {
        if (filterCount % P0fConfig.EXPIRE_INTERVAL == 0 && seconds != expirySeconds) {
            expiryRun = filterCount;
            expirySeconds = seconds;
        }
    }

    private DropReason decodeLayers(CaptureRecord rec, TcpPacket out) {
        byte[] b = rec.data;
        int len = usableLength(rec);
        int off = link.ipOffset(rec.linkType, b, len);
        if (off < 0) {
            return link.reason();
        }
        if (off >= len) {
            return DropReason.SHORT; // nothing after the link header (or a detected offset beyond this frame)
        }
        DropReason verdict = switch (Bytes.highNibble(b, off)) {
            case 4 -> Ipv4Decoder.decode(b, off, len - off, out, ip);
            case 6 -> Ipv6Decoder.decode(b, off, len - off, out, ip);
            default -> DropReason.NOT_IP;
        };
        if (verdict == DropReason.NOT_IP) {
            return verdict;
        }
        passedP0fFilter = link.p0fFraming() && ip.protocolTcp;
        if (verdict != DropReason.NONE) {
            return verdict;
        }
        verdict = TcpDecoder.decode(b, ip.tcpOffset, ip.tcpRoom, ip.headerLength, out);
        beyondP0f = verdict == DropReason.NONE && p0fWouldMiss(rec.linkType, off, out);
        return verdict;
    }

    /**
     * Whether p0f 3.09b loses this packet that we keep: its capture filter drops the framing (QinQ, PPPoE), its
     * fixed link offset is wrong for the frame (VLAN tags, loop and PPP-in-HDLC headers: BUG-13), or the IPv6
     * header is followed by extension headers it never walks (BUG-14).
     */
    private boolean p0fWouldMiss(int linkType, int ipOffset, TcpPacket out) {
        int p0fOffset = LinkDecoder.p0fFixedOffset(linkType);
        return !passedP0fFilter || (p0fOffset >= 0 && p0fOffset != ipOffset)
                || (out.ipVersion == 6 && ip.headerLength > Ipv6Decoder.HEADER_LENGTH);
    }

    /** Whether the last packet, kept by us, is one p0f 3.09b would have lost (see the README's link type table). */
    public boolean beyondP0f() {
        return beyondP0f;
    }

    /**
     * Whether p0f's capture filter ({@code tcp}, or {@code tcp or (vlan and tcp)} on Ethernet) would have passed
     * the last decoded packet, so that it counts in p0f's packet counter (spec §1.1) whether kept or not.
     * Unlike {@link DropReason#passesP0fFilter()} this knows the link framing (VLAN depth, PPPoE, IPv6 chains).
     * {@link TcpPacket#filterCount} is the running count of these.
     */
    public boolean passedP0fFilter() {
        return passedP0fFilter;
    }

    /** min(captured, original) capped at p0f's snap length, and never beyond the buffer. */
    private static int usableLength(CaptureRecord rec) {
        if (rec.data == null) {
            return 0;
        }
        int len = Math.min(Math.min(rec.length, rec.originalLength), P0fConfig.SNAPLEN);
        return Math.max(0, Math.min(len, rec.data.length));
    }

    /** Resets the decoded fields so that a dropped packet never shows a previous packet's values. */
    private static void clear(TcpPacket out) {
        out.ipVersion = 0;
        Bytes.zero(out.src, 0, out.src.length);
        Bytes.zero(out.dst, 0, out.dst.length);
        out.ttl = 0;
        out.tos = 0;
        out.olen = 0;
        out.quirks = 0;
        out.srcPort = 0;
        out.dstPort = 0;
        out.tcpType = 0;
        out.seq = 0;
        out.win = 0;
        out.mss = 0;
        out.wscale = 0;
        out.layoutLength = 0;
        out.eolPad = 0;
        out.ts1 = 0;
        out.totHdr = 0;
        out.payLen = 0;
        out.payloadLength = 0;
    }
}
