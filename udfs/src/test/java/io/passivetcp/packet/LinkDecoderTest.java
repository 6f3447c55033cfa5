package io.passivetcp.packet;

import static io.passivetcp.packet.testutils.Frames.record;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passivetcp.capture.LinkType;
import io.passivetcp.packet.testutils.Frames;
import io.passivetcp.packet.testutils.Packets;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every supported link layer yields the same packet as raw IP; the wrong ones are dropped with a reason. */
class LinkDecoderTest {
    static final byte[] V4 = Packets.ipv4().linuxOptions().payload(new byte[] {1, 2, 3}).build();
    static final byte[] V6 = Packets.ipv6().linuxOptions().flowLabel(0x12345).build();

    static Stream<Arguments> wrappings() {
        return Stream.of(
                wrap("ethernet", LinkType.EN10MB, ip -> Frames.ethernet(ip), true),
                wrap("802.1Q", LinkType.EN10MB, ip -> Frames.ethernet(ip, 0x8100), true),
                wrap("802.1ad", LinkType.EN10MB, ip -> Frames.ethernet(ip, 0x88A8), true),
                wrap("QinQ", LinkType.EN10MB, ip -> Frames.ethernet(ip, 0x88A8, 0x8100), false),
                wrap("old QinQ", LinkType.EN10MB, ip -> Frames.ethernet(ip, 0x9100, 0x8100), false),
                wrap("8 tags", LinkType.EN10MB, ip -> Frames.ethernet(ip, 0x8100, 0x8100, 0x8100, 0x8100, 0x8100,
                        0x8100, 0x8100, 0x8100), false),
                wrap("PPPoE", LinkType.EN10MB, ip -> Frames.pppoe(ip), false),
                wrap("VLAN+PPPoE", LinkType.EN10MB, ip -> Frames.pppoe(ip, 0x8100), false),
                wrap("SLL", LinkType.LINUX_SLL, ip -> Frames.sll(ip, false), true),
                wrap("SLL+VLAN", LinkType.LINUX_SLL, ip -> Frames.sll(ip, true), false),
                wrap("SLL2", LinkType.LINUX_SLL2, Frames::sll2, true),
                wrap("NULL AF 2/24", LinkType.NULL, ip -> Frames.nullLink(ip, isV6(ip) ? 24 : 2), true),
                wrap("NULL AF 2/30 big-endian host", LinkType.NULL,
                        ip -> Frames.loop(ip, isV6(ip) ? 30 : 2), true),
                wrap("NULL Linux AF 10", LinkType.NULL, ip -> Frames.nullLink(ip, isV6(ip) ? 10 : 2), null),
                wrap("LOOP", LinkType.LOOP, ip -> Frames.loop(ip, isV6(ip) ? 24 : 2), true),
                wrap("PPP FF03", LinkType.PPP, ip -> Frames.ppp(ip, true, false), true),
                wrap("PPP bare", LinkType.PPP, ip -> Frames.ppp(ip, false, false), false),
                wrap("PPP compressed", LinkType.PPP, ip -> Frames.ppp(ip, false, true), false),
                wrap("PPP FF03 compressed", LinkType.PPP, ip -> Frames.ppp(ip, true, true), false),
                wrap("PPP_HDLC", LinkType.PPP_HDLC, ip -> Frames.ppp(ip, true, false), true),
                wrap("PPP_HDLC Cisco", LinkType.PPP_HDLC, ip -> Frames.ciscoHdlc(ip, 0x0F), true),
                wrap("C_HDLC", LinkType.C_HDLC, ip -> Frames.ciscoHdlc(ip, 0x8F), true),
                wrap("PPP_ETHER", LinkType.PPP_ETHER, Frames::pppEther, true),
                wrap("PFLOG 61", LinkType.PFLOG, ip -> Frames.pflog(ip, 61), true),
                wrap("PFLOG 28", LinkType.PFLOG, ip -> Frames.pflog(ip, 28), true),
                wrap("802.11", LinkType.IEEE802_11, ip -> Frames.withHeader(ip, 32, 0xAA), true),
                wrap("RAW", LinkType.RAW, ip -> ip, true),
                wrap("DLT 12", LinkType.DLT_RAW_12, ip -> ip, true),
                wrap("DLT 14", LinkType.DLT_RAW_14, ip -> ip, true),
                wrap("IPV4/IPV6", LinkType.IPV4, ip -> ip, true),
                wrap("IPV6", LinkType.IPV6, ip -> ip, true),
                wrap("ARCnet-like (auto-detect 6)", LinkType.ARCNET_LINUX, ip -> Frames.withHeader(ip, 6, 0x11), true),
                wrap("unknown (auto-detect 0)", 147, ip -> ip, true),
                wrap("auto-detect, 81 00 before IP", 147, LinkDecoderTest::behindFake8100, true));
    }

    static boolean isV6(byte[] ip) {
        return (ip[0] >> 4 & 0xF) == 6;
    }

    /** 8-byte header whose bytes 4-5 read 81 00: p0f's "VLAN fix" would start 4 bytes early (BUG-13). */
    static byte[] behindFake8100(byte[] ip) {
        byte[] f = Frames.withHeader(ip, 8, 0x22);
        f[4] = (byte) 0x81;
        f[5] = 0x00;
        return f;
    }

    static Arguments wrap(String name, int linkType, Function<byte[], byte[]> frame, Boolean p0fFilter) {
        return Arguments.of(name, linkType, frame, p0fFilter);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrappings")
    void decodesLikeRawIp(String name, int linkType, Function<byte[], byte[]> frame, Boolean p0fFilter) {
        for (byte[] ip : new byte[][] {V4, V6}) {
            TcpPacket expected = decodeRaw(ip);
            PacketDecoder decoder = new PacketDecoder();
            TcpPacket got = new TcpPacket();
            assertEquals(DropReason.NONE, decoder.decode(record(linkType, frame.apply(ip)), got), name);
            assertSamePacket(expected, got);
            if (p0fFilter != null) {
                assertEquals(p0fFilter, decoder.passedP0fFilter(), name);
            }
        }
    }

    static TcpPacket decodeRaw(byte[] ip) {
        TcpPacket p = new TcpPacket();
        assertEquals(DropReason.NONE, new PacketDecoder().decode(record(LinkType.RAW, ip), p));
        return p;
    }

    static void assertSamePacket(TcpPacket e, TcpPacket g) {
        assertEquals(e.ipVersion, g.ipVersion);
        assertArrayEquals(e.src, g.src);
        assertArrayEquals(e.dst, g.dst);
        assertEquals(e.ttl, g.ttl);
        assertEquals(e.tos, g.tos);
        assertEquals(e.olen, g.olen);
        assertEquals(e.quirks, g.quirks);
        assertEquals(e.srcPort, g.srcPort);
        assertEquals(e.dstPort, g.dstPort);
        assertEquals(e.tcpType, g.tcpType);
        assertEquals(e.seq, g.seq);
        assertEquals(e.win, g.win);
        assertEquals(e.mss, g.mss);
        assertEquals(e.wscale, g.wscale);
        assertArrayEquals(Arrays.copyOf(e.layout, e.layoutLength), Arrays.copyOf(g.layout, g.layoutLength));
        assertEquals(e.eolPad, g.eolPad);
        assertEquals(e.ts1, g.ts1);
        assertEquals(e.totHdr, g.totHdr);
        assertEquals(e.payLen, g.payLen);
        assertArrayEquals(Arrays.copyOf(e.payload, e.payloadLength), Arrays.copyOf(g.payload, g.payloadLength));
    }

    static DropReason decode(int linkType, byte[] frame) {
        return new PacketDecoder().decode(record(linkType, frame), new TcpPacket());
    }

    @Test
    void nonIpPayloadsAreNotIp() {
        byte[] arp = Frames.ethernet(V4);
        arp[12] = 0x08;
        arp[13] = 0x06;
        assertEquals(DropReason.NOT_IP, decode(LinkType.EN10MB, arp));
        byte[] lcp = Frames.ppp(V4, true, false);
        lcp[2] = (byte) 0xC0;
        lcp[3] = 0x21;
        assertEquals(DropReason.NOT_IP, decode(LinkType.PPP, lcp));
        byte[] pppoeLcp = Frames.pppoe(V4);
        pppoeLcp[20] = (byte) 0xC0;
        pppoeLcp[21] = 0x21;
        assertEquals(DropReason.NOT_IP, decode(LinkType.EN10MB, pppoeLcp));
        byte[] sllArp = Frames.sll2(V4);
        sllArp[0] = 0x08;
        sllArp[1] = 0x06;
        assertEquals(DropReason.NOT_IP, decode(LinkType.LINUX_SLL2, sllArp));
        // the version nibble decides, whatever the link layer claims
        byte[] v5 = V4.clone();
        v5[0] = 0x55;
        assertEquals(DropReason.NOT_IP, decode(LinkType.NULL, Frames.nullLink(v5, 2)));
        assertEquals(DropReason.NOT_IP, decode(LinkType.RAW, v5));
    }

    @Test
    void framesShorterThanTheirLinkHeaderAreDropped() {
        assertEquals(DropReason.LINK_UNKNOWN, decode(LinkType.EN10MB, new byte[13]));
        assertEquals(DropReason.LINK_UNKNOWN, decode(LinkType.EN10MB, Arrays.copyOf(Frames.ethernet(V4, 0x8100), 17)));
        assertEquals(DropReason.LINK_UNKNOWN, decode(LinkType.LINUX_SLL, new byte[15]));
        assertEquals(DropReason.LINK_UNKNOWN, decode(LinkType.LINUX_SLL2, new byte[19]));
        assertEquals(DropReason.LINK_UNKNOWN, decode(LinkType.NULL, new byte[3]));
        assertEquals(DropReason.LINK_UNKNOWN, decode(LinkType.PPP, new byte[0]));
        assertEquals(DropReason.LINK_UNKNOWN, decode(LinkType.PPP_ETHER, new byte[7]));
        assertEquals(DropReason.LINK_UNKNOWN, decode(LinkType.C_HDLC, new byte[3]));
        assertEquals(DropReason.LINK_UNKNOWN, decode(LinkType.IEEE802_11, new byte[31]));
        assertEquals(DropReason.LINK_UNKNOWN, decode(LinkType.PFLOG, new byte[] {2, 0, 0, 0}));
        assertEquals(DropReason.SHORT, decode(LinkType.EN10MB, Arrays.copyOf(Frames.ethernet(V4), 14)));
        assertEquals(DropReason.SHORT, decode(LinkType.RAW, new byte[0]));
    }

    @Test
    void moreThanEightVlanTagsAreRefused() {
        int[] nine = new int[9];
        Arrays.fill(nine, 0x8100);
        assertEquals(DropReason.LINK_UNKNOWN, decode(LinkType.EN10MB, Frames.ethernet(V4, nine)));
    }

    @Test
    void autoDetectionRetriesUntilFoundThenKeepsTheOffset() {
        int unknown = 147;
        PacketDecoder decoder = new PacketDecoder();
        TcpPacket p = new TcpPacket();
        // nothing to find in a short frame: parsed from byte 0, which is no IP
        assertEquals(DropReason.NOT_IP, decoder.decode(record(unknown, Frames.withHeader(new byte[20], 10, 0x11)), p));
        // a raw IP packet at offset 0 would be found, but the header here is 6 bytes
        assertEquals(DropReason.NONE, decoder.decode(record(unknown, Frames.withHeader(V4, 6, 0x11)), p));
        // from now on offset 6 for every packet, even one with IP at 0
        assertEquals(DropReason.NONE, decoder.decode(record(unknown, Frames.withHeader(V6, 6, 0x11)), p));
        assertEquals(6, p.ipVersion);
        assertTrue(decoder.decode(record(unknown, V4), p) != DropReason.NONE);
        // a new capture (decoder) detects afresh
        assertEquals(DropReason.NONE, new PacketDecoder().decode(record(unknown, V4), p));
    }

    @Test
    void findOffsetFollowsP0f() {
        byte[] v6 = Frames.withHeader(V6, 4, 0);
        assertEquals(4, LinkDecoder.findOffset(v6, v6.length));
        assertEquals(-1, LinkDecoder.findOffset(v6, 63), "IPv6 needs 60 bytes left at the offset");
        byte[] v4 = Frames.withHeader(Arrays.copyOf(V4, 40), 38, 0);
        assertEquals(38, LinkDecoder.findOffset(v4, 78));
        assertEquals(-1, LinkDecoder.findOffset(v4, 77), "40 bytes must remain");
        byte[] odd = Frames.withHeader(V4, 3, 0);
        assertEquals(-1, LinkDecoder.findOffset(odd, odd.length), "only even offsets are tried");
    }

    @Test
    void p0fFilterCountsTcpOnlyInItsFraming() {
        PacketDecoder d = new PacketDecoder();
        TcpPacket p = new TcpPacket();
        byte[] udp = Packets.ipv4().protocol(17).build();
        assertEquals(DropReason.NOT_TCP, d.decode(record(LinkType.EN10MB, Frames.ethernet(udp)), p));
        assertFalse(d.passedP0fFilter());
        byte[] fragment = Packets.ipv4().mf(true).build();
        assertEquals(DropReason.FRAGMENT, d.decode(record(LinkType.EN10MB, Frames.ethernet(fragment, 0x8100)), p));
        assertTrue(d.passedP0fFilter());
        byte[] hop = Packets.ipv6().extension(0, 8).build();
        assertEquals(DropReason.NONE, d.decode(record(LinkType.EN10MB, Frames.ethernet(hop)), p));
        assertFalse(d.passedP0fFilter(), "libpcap's tcp does not walk hop-by-hop headers");
        byte[] atomic = Packets.ipv6().fragmentHeader(0, false).build();
        assertEquals(DropReason.NONE, d.decode(record(LinkType.EN10MB, Frames.ethernet(atomic)), p));
        assertTrue(d.passedP0fFilter(), "... but does look behind one fragment header");
        assertEquals(DropReason.NOT_IP, d.decode(record(LinkType.EN10MB, new byte[60]), p));
        assertFalse(d.passedP0fFilter());
        assertEquals(2, p.filterCount, "the fragment and the atomic fragment were counted");
        assertEquals(DropReason.NONE, d.decode(record(LinkType.EN10MB, Frames.ethernet(V4)), p));
        assertEquals(3, p.filterCount);
    }
}
