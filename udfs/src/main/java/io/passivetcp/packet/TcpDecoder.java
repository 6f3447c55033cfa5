package io.passivetcp.packet;

import io.passivetcp.tcp.Quirk;

/**
 * TCP header checks, fields and quirks, spec §1.5; options are left to {@link TcpOptionsDecoder}.
 *
 * <pre>
 *  0                   16                               31
 * +--------------------+--------------------------------+
 * |    source port     |        destination port        |
 * |                 sequence number                     |
 * |              acknowledgment number                  |
 * |doff(4)|rsv(3)|NS|CWR ECE URG ACK PSH RST SYN FIN|window|
 * |     checksum       |         urgent pointer         |
 * |             options (doff*4 - 20 bytes)             |
 * +-----------------------------------------------------+
 * </pre>
 */
final class TcpDecoder {
    private TcpDecoder() {}

    static final int MIN_HEADER_LENGTH = 20;
    static final int FIN = TcpPacket.FIN;
    static final int SYN = TcpPacket.SYN;
    static final int RST = TcpPacket.RST;
    static final int PSH = 0x08;
    static final int ACK = TcpPacket.ACK;
    static final int URG = 0x20;
    static final int ECE = 0x40;
    static final int CWR = 0x80;
    /** NS (ECN nonce) is the lowest bit of the data-offset byte. */
    static final int NS = 0x01;

    /**
     * Decodes the TCP header at {@code off}; {@code room} bytes remain in the IP packet (at least 20, checked by
     * the IP layer) and all of them are captured.
     */
    static DropReason decode(byte[] b, int off, int room, int ipHeaderLength, TcpPacket out) {
        if (room < MIN_HEADER_LENGTH) {
            return DropReason.BAD_TCP_HEADER;
        }
        int doff = (Bytes.u8(b, off + 12) >> 4) * 4;
        if (doff < MIN_HEADER_LENGTH || doff > room) {
            return DropReason.BAD_TCP_HEADER;
        }
        int flags = Bytes.u8(b, off + 13);
        int type = flags & (SYN | ACK | FIN | RST);
        if (type == 0 || ((type & SYN) != 0 && (type & (FIN | RST)) != 0) || (type & (FIN | RST)) == (FIN | RST)) {
            return DropReason.BAD_TCP_FLAGS;
        }
        out.srcPort = Bytes.u16(b, off);
        out.dstPort = Bytes.u16(b, off + 2);
        out.seq = Bytes.u32(b, off + 4);
        out.win = Bytes.u16(b, off + 14);
        out.tcpType = type;
        out.totHdr = ipHeaderLength + doff;
        out.quirks |= quirks(b, off, flags);
        TcpOptionsDecoder.decode(b, off + MIN_HEADER_LENGTH, off + doff, type == SYN, out);
        copyPayload(b, off + doff, room - doff, out);
        return DropReason.NONE;
    }

    private static int quirks(byte[] b, int off, int flags) {
        int quirks = 0;
        if ((flags & (ECE | CWR)) != 0 || (Bytes.u8(b, off + 12) & NS) != 0) {
            quirks |= Quirk.ECN.bit();
        }
        if (Bytes.u32(b, off + 4) == 0) {
            quirks |= Quirk.SEQ_MINUS.bit();
        }
        long ack = Bytes.u32(b, off + 8);
        if ((flags & ACK) != 0) {
            if (ack == 0) {
                quirks |= Quirk.ACK_MINUS.bit();
            }
        } else if ((flags & RST) == 0 && nonZeroAckAsP0fComputesIt(ack)) {
            quirks |= Quirk.ACK_PLUS.bit();
        }
        if ((flags & URG) != 0) {
            quirks |= Quirk.URGF_PLUS.bit();
        } else if (Bytes.u16(b, off + 18) != 0) {
            quirks |= Quirk.UPTR_PLUS.bit();
        }
        if ((flags & PSH) != 0) {
            quirks |= Quirk.PUSHF_PLUS.bit();
        }
        return quirks;
    }

    /**
     * p0f's "ack number non-zero" test, BUG-1: it ANDs the host-order (x86: byte-swapped) field with 1, which
     * tests the lowest bit of the first wire byte, i.e. bit 24 of the number (spec §1.5, synthetic T02-T04).
     */
    static boolean nonZeroAckAsP0fComputesIt(long ack) {
        return (ack & 0x0100_0000L) != 0;
    }

    /** The only payload copy: at most {@link TcpPacket#MAX_PAYLOAD} bytes; {@code payLen} is the real length. */
    private static void copyPayload(byte[] b, int off, int payLen, TcpPacket out) {
        out.payLen = payLen;
        int n = Math.min(payLen, TcpPacket.MAX_PAYLOAD);
        if (n > 0) {
            System.arraycopy(b, off, out.payloadBuffer(n), 0, n);
        }
        out.payloadLength = n;
    }
}
