package io.passivetcp.packet;

import io.passivetcp.P0fConfig;
import io.passivetcp.tcp.Quirk;

/**
 * IPv4 header checks and fields, spec §1.3.
 *
 * <pre>
 *  0       4       8               16   19                       31
 * +-------+-------+---------------+----+-------------------------+
 * |version|  IHL  |      TOS      |       total length           |
 * +-------+-------+---------------+----+-------------------------+
 * |        identification         |R|D|M|   fragment offset      |
 * +---------------+---------------+----+-------------------------+
 * |      TTL      |   protocol    |        header checksum       |
 * +---------------+---------------+------------------------------+
 * |                       source address                         |
 * |                    destination address                       |
 * |                  options (IHL*4 - 20 bytes)                  |
 * +--------------------------------------------------------------+
 * </pre>
 */
final class Ipv4Decoder {
    private Ipv4Decoder() {}

    static final int MIN_HEADER_LENGTH = 20;
    static final int PROTOCOL_TCP = 6;
    static final int FLAG_RESERVED = 0x8000;
    static final int FLAG_DF = 0x4000;
    /** MF flag and fragment offset: any bit set makes a fragment. */
    static final int FRAGMENT_BITS = 0x3FFF;
    /** The two ECN bits of the TOS byte. */
    static final int ECN_BITS = 0x03;

    /**
     * Checks and decodes the IPv4 header at {@code off}, {@code len} bytes available, in p0f's order (the
     * protocol is looked at first only to name the drop reason; p0f drops such packets anyway).
     */
    static DropReason decode(byte[] b, int off, int len, TcpPacket out, IpHeader ip) {
        ip.protocolTcp = len > 9 && Bytes.u8(b, off + 9) == PROTOCOL_TCP;
        if (len > 9 && !ip.protocolTcp) {
            return DropReason.NOT_TCP;
        }
        if (len < P0fConfig.MIN_TCP4) {
            return DropReason.SHORT;
        }
        int totLen = Bytes.u16(b, off + 2);
        // trust the IP total length over the capture: trailing link padding is not payload
        len = Math.min(len, totLen);
        if (len < P0fConfig.MIN_TCP4) {
            return DropReason.SHORT;
        }
        int hlen = (Bytes.u8(b, off) & 0x0F) * 4;
        if (hlen < MIN_HEADER_LENGTH) {
            return DropReason.BAD_IP_HEADER;
        }
        if (totLen > len) {
            return DropReason.TRUNCATED;
        }
        if (hlen + 20 > len) {
            return DropReason.BAD_IP_HEADER;
        }
        int flags = Bytes.u16(b, off + 6);
        if ((flags & FRAGMENT_BITS) != 0) {
            return DropReason.FRAGMENT;
        }
        fill(b, off, hlen, flags, out);
        ip.tcpOffset = off + hlen;
        ip.tcpRoom = totLen - hlen;
        ip.headerLength = hlen;
        return DropReason.NONE;
    }

    /** The version and addresses of the header at {@code off}, which has them all. */
    static void addresses(byte[] b, int off, TcpPacket out) {
        out.ipVersion = 4;
        System.arraycopy(b, off + 12, out.src, 0, 4);
        System.arraycopy(b, off + 16, out.dst, 0, 4);
        Bytes.zero(out.src, 4, out.src.length);
        Bytes.zero(out.dst, 4, out.dst.length);
    }

    private static void fill(byte[] b, int off, int hlen, int flags, TcpPacket out) {
        addresses(b, off, out);
        int tos = Bytes.u8(b, off + 1);
        out.tos = tos >> 2;
        out.ttl = Bytes.u8(b, off + 8);
        out.olen = hlen - MIN_HEADER_LENGTH;
        int quirks = 0;
        if ((tos & ECN_BITS) != 0) {
            quirks |= Quirk.ECN.bit();
        }
        if ((flags & FLAG_RESERVED) != 0) {
            quirks |= Quirk.ZERO_PLUS.bit();
        }
        int id = Bytes.u16(b, off + 4);
        if ((flags & FLAG_DF) != 0) {
            quirks |= Quirk.DF.bit();
            if (id != 0) {
                quirks |= Quirk.ID_PLUS.bit();
            }
        } else if (id == 0) {
            quirks |= Quirk.ID_MINUS.bit();
        }
        out.quirks |= quirks;
    }
}
