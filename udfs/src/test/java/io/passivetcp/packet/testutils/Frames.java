package io.passivetcp.packet.testutils;

import io.passivetcp.capture.CaptureRecord;

import java.nio.ByteBuffer;

/** Wraps an IP packet in a link-layer header; the ethertype / PPP protocol follows the IP version nibble. */
public final class Frames {
    private Frames() {}

    private static final byte[] MACS = Packets.bytes(0, 1, 2, 3, 4, 5, 0, 0x16, 0x3e, 1, 2, 3);

    public static int ethertype(byte[] ip) {
        return (ip[0] >> 4 & 0xF) == 6 ? 0x86DD : 0x0800;
    }

    static int pppProtocol(byte[] ip) {
        return (ip[0] >> 4 & 0xF) == 6 ? 0x57 : 0x21;
    }

    /** Ethernet with the given VLAN tag protocol ids (0x8100, 0x88a8, 0x9100) before the ethertype. */
    public static byte[] ethernet(byte[] ip, int... tagTpids) {
        ByteBuffer b = ByteBuffer.allocate(14 + 4 * tagTpids.length + ip.length);
        b.put(MACS);
        for (int i = 0; i < tagTpids.length; i++) {
            b.putShort((short) tagTpids[i]).putShort((short) (100 + i));
        }
        return b.putShort((short) ethertype(ip)).put(ip).array();
    }

    /** Ethernet, optional VLAN tags, PPPoE session header and PPP protocol. */
    public static byte[] pppoe(byte[] ip, int... tagTpids) {
        ByteBuffer b = ByteBuffer.allocate(14 + 4 * tagTpids.length + 8 + ip.length);
        b.put(MACS);
        for (int i = 0; i < tagTpids.length; i++) {
            b.putShort((short) tagTpids[i]).putShort((short) (100 + i));
        }
        b.putShort((short) 0x8864).put((byte) 0x11).put((byte) 0).putShort((short) 0x1234);
        b.putShort((short) (ip.length + 2)).putShort((short) pppProtocol(ip));
        return b.put(ip).array();
    }

    /** Linux cooked v1: packet type, ARPHRD, address length, 8-byte address, protocol; optional VLAN tag. */
    public static byte[] sll(byte[] ip, boolean vlan) {
        ByteBuffer b = ByteBuffer.allocate(16 + (vlan ? 4 : 0) + ip.length);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 6).put(MACS, 6, 6).putShort((short) 0);
        if (vlan) {
            b.putShort((short) 0x8100).putShort((short) 100);
        }
        return b.putShort((short) ethertype(ip)).put(ip).array();
    }

    /** Linux cooked v2: protocol, reserved, interface index, ARPHRD, packet type, address length, address. */
    public static byte[] sll2(byte[] ip) {
        ByteBuffer b = ByteBuffer.allocate(20 + ip.length);
        b.putShort((short) ethertype(ip)).putShort((short) 0).putInt(2).putShort((short) 1).put((byte) 0);
        b.put((byte) 6).put(MACS, 6, 6).putShort((short) 0);
        return b.put(ip).array();
    }

    /** BSD NULL: address family in little-endian (x86 host) order. */
    public static byte[] nullLink(byte[] ip, int addressFamily) {
        return ByteBuffer.allocate(4 + ip.length).putInt(Integer.reverseBytes(addressFamily)).put(ip).array();
    }

    /** OpenBSD LOOP: address family in network order. */
    public static byte[] loop(byte[] ip, int addressFamily) {
        return ByteBuffer.allocate(4 + ip.length).putInt(addressFamily).put(ip).array();
    }

    /** PPP: {@code FF 03} if hdlc, then the protocol, 1 byte if compressed. */
    public static byte[] ppp(byte[] ip, boolean hdlc, boolean compressed) {
        ByteBuffer b = ByteBuffer.allocate(4 + ip.length);
        if (hdlc) {
            b.put((byte) 0xFF).put((byte) 0x03);
        }
        if (compressed) {
            b.put((byte) pppProtocol(ip));
        } else {
            b.putShort((short) pppProtocol(ip));
        }
        b.put(ip);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    /** Cisco HDLC: address 0x0F (or 0x8F), control 0, ethertype. */
    public static byte[] ciscoHdlc(byte[] ip, int address) {
        return ByteBuffer.allocate(4 + ip.length).put((byte) address).put((byte) 0).putShort((short) ethertype(ip))
                .put(ip).array();
    }

    /** PPPoE without Ethernet (LINKTYPE_PPP_ETHER): 6-byte PPPoE header and 2-byte PPP protocol. */
    public static byte[] pppEther(byte[] ip) {
        return ByteBuffer.allocate(8 + ip.length).put((byte) 0x11).put((byte) 0).putShort((short) 0x1234)
                .putShort((short) (ip.length + 2)).putShort((short) pppProtocol(ip)).put(ip).array();
    }

    /** pflog with a header length byte of {@code headerLength} (padded to 4 in the frame). */
    public static byte[] pflog(byte[] ip, int headerLength) {
        int padded = (headerLength + 3) & ~3;
        ByteBuffer b = ByteBuffer.allocate(padded + ip.length);
        b.put((byte) headerLength).put((byte) ((ip[0] >> 4 & 0xF) == 6 ? 24 : 2));
        b.position(padded);
        return b.put(ip).array();
    }

    /** Any fixed-size header of {@code length} bytes filled with {@code fill}. */
    public static byte[] withHeader(byte[] ip, int length, int fill) {
        ByteBuffer b = ByteBuffer.allocate(length + ip.length);
        for (int i = 0; i < length; i++) {
            b.put((byte) fill);
        }
        return b.put(ip).array();
    }

    /** A capture record holding {@code frame}, captured whole. */
    public static CaptureRecord record(int linkType, byte[] frame) {
        return record(linkType, frame, frame.length, frame.length);
    }

    public static CaptureRecord record(int linkType, byte[] frame, int caplen, int originalLength) {
        CaptureRecord rec = new CaptureRecord();
        rec.data = frame;
        rec.length = caplen;
        rec.originalLength = originalLength;
        rec.linkType = linkType;
        rec.tsMicros = 1_700_000_000_000_000L;
        rec.ordinal = 7;
        return rec;
    }
}
