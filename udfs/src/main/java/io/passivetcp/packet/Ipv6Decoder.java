package io.passivetcp.packet;

import io.passivetcp.P0fConfig;
import io.passivetcp.tcp.Quirk;

/**
 * IPv6 header checks and fields, spec §1.4, plus a walk over extension headers (a deliberate deviation: p0f
 * drops every packet with one, BUG-14). {@code olen} stays 0 as in p0f; the header length includes the walked
 * extension headers, and p0f's length checks apply to the whole packet.
 *
 * <pre>
 *  0       4               12                                    31
 * +-------+---------------+--------------------------------------+
 * |version| traffic class |              flow label              |
 * +-------+---------------+-------+------------+-----------------+
 * |        payload length         | next header |    hop limit   |
 * +-------------------------------+-------------+----------------+
 * |                 source address (16 bytes)                    |
 * |              destination address (16 bytes)                 |
 * +--------------------------------------------------------------+
 * extension header: next header(1), length(1), ... ; fragment: next(1) reserved(1) offset(13 bits)|res|M, id(4)
 * </pre>
 */
final class Ipv6Decoder {
    private Ipv6Decoder() {}

    static final int HEADER_LENGTH = 40;
    static final int NH_HOP_BY_HOP = 0;
    static final int NH_TCP = 6;
    static final int NH_ROUTING = 43;
    static final int NH_FRAGMENT = 44;
    static final int NH_ESP = 50;
    static final int NH_AH = 51;
    static final int NH_NONE = 59;
    static final int NH_DESTINATION = 60;
    static final int FRAGMENT_HEADER_LENGTH = 8;
    static final int FRAGMENT_OFFSET_MASK = 0xFFF8;
    /** Extension header types (IANA registry) we do not walk: ESP, no next header, mobility, HIP, shim6, tests. */
    private static final int[] UNWALKED_EXTENSIONS = {NH_ESP, NH_NONE, 135, 139, 140, 253, 254};

    /** Checks and decodes the IPv6 header at {@code off}, {@code len} bytes available. */
    static DropReason decode(byte[] b, int off, int len, TcpPacket out, IpHeader ip) {
        int first = len > 6 ? Bytes.u8(b, off + 6) : -1;
        // libpcap's "tcp" also looks one fragment header deep
        ip.protocolTcp = first == NH_TCP
                || (first == NH_FRAGMENT && len > HEADER_LENGTH && Bytes.u8(b, off + HEADER_LENGTH) == NH_TCP);
        if (len < P0fConfig.MIN_TCP4) {
            return DropReason.SHORT; // p0f's first check, shared with IPv4
        }
        int totLen = Bytes.u16(b, off + 4) + HEADER_LENGTH;
        len = Math.min(len, totLen);
        int tcp = tcpOffset(b, off, off + len, ip);
        if (tcp < 0) {
            return ip.chainDrop;
        }
        if (len < P0fConfig.MIN_TCP6) {
            return DropReason.SHORT;
        }
        if (totLen > len) {
            return DropReason.TRUNCATED;
        }
        if (tcp == Integer.MAX_VALUE || tcp + 20 > off + len) {
            return DropReason.BAD_IP_HEADER;
        }
        fill(b, off, out);
        ip.tcpOffset = tcp;
        ip.headerLength = tcp - off;
        ip.tcpRoom = totLen - ip.headerLength;
        return DropReason.NONE;
    }

    /**
     * Walks the header chain up to TCP within {@code [off, end)}. Returns the TCP offset; {@link Integer#MAX_VALUE}
     * when the chain runs past the data (the caller's length checks decide); or -1 with the drop reason in
     * {@code ip.chainDrop}.
     */
    private static int tcpOffset(byte[] b, int off, int end, IpHeader ip) {
        int next = Bytes.u8(b, off + 6);
        int pos = off + HEADER_LENGTH;
        while (next != NH_TCP) {
            if (pos + FRAGMENT_HEADER_LENGTH > end) {
                return Integer.MAX_VALUE; // every extension header is at least 8 bytes
            }
            int length;
            if (next == NH_HOP_BY_HOP || next == NH_ROUTING || next == NH_DESTINATION) {
                length = (Bytes.u8(b, pos + 1) + 1) * 8;
            } else if (next == NH_AH) {
                length = (Bytes.u8(b, pos + 1) + 2) * 4;
            } else if (next == NH_FRAGMENT) {
                if ((Bytes.u16(b, pos + 2) & FRAGMENT_OFFSET_MASK) != 0) {
                    return fail(ip, DropReason.FRAGMENT); // no TCP header in a non-first fragment
                }
                length = FRAGMENT_HEADER_LENGTH;
            } else {
                return fail(ip, isExtension(next) ? DropReason.IPV6_EXTENSION : DropReason.NOT_TCP);
            }
            next = Bytes.u8(b, pos);
            pos += length;
        }
        return pos;
    }

    private static boolean isExtension(int next) {
        for (int x : UNWALKED_EXTENSIONS) {
            if (x == next) {
                return true;
            }
        }
        return false;
    }

    private static int fail(IpHeader ip, DropReason why) {
        ip.chainDrop = why;
        return -1;
    }

    /** The version and addresses of the header at {@code off}, which has them all. */
    static void addresses(byte[] b, int off, TcpPacket out) {
        out.ipVersion = 6;
        System.arraycopy(b, off + 8, out.src, 0, 16);
        System.arraycopy(b, off + 24, out.dst, 0, 16);
    }

    private static void fill(byte[] b, int off, TcpPacket out) {
        addresses(b, off, out);
        long word0 = Bytes.u32(b, off);
        out.tos = (int) (word0 >> 22) & 0x3F;
        out.ttl = Bytes.u8(b, off + 7);
        out.olen = 0;
        int quirks = 0;
        if (((word0 >> 20) & 0x03) != 0) {
            quirks |= Quirk.ECN.bit();
        }
        if ((word0 & 0xFFFFF) != 0) {
            quirks |= Quirk.FLOW.bit();
        }
        out.quirks |= quirks;
    }
}
