package io.passivetcp.packet;

import static io.passivetcp.packet.testutils.Frames.record;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.passivetcp.capture.LinkType;
import io.passivetcp.packet.testutils.Packets;
import io.passivetcp.tcp.Quirk;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** IPv6 fields and drop rules (spec §1.4) and the extension-header walk (our deliberate deviation, BUG-14). */
class Ipv6DecoderTest {
    private final TcpPacket p = new TcpPacket();

    private DropReason decode(byte[] ip) {
        return new PacketDecoder().decode(record(LinkType.RAW, ip), p);
    }

    private DropReason decode(Packets builder) {
        return decode(builder.build());
    }

    @Test
    void fields() {
        byte[] src = Packets.ip6(0x20010db8, 0x113, 0, 0x41);
        assertEquals(DropReason.NONE, decode(Packets.ipv6().src(src).ttl(60).tos(0xB9).flowLabel(0x12345)
                .linuxOptions()));
        assertEquals(6, p.ipVersion);
        assertArrayEquals(src, p.src);
        assertArrayEquals(Packets.ip6(0x20010db8, 2, 0, 0x20), p.dst);
        assertEquals(60, p.ttl);
        assertEquals(0x2E, p.tos);
        assertEquals(0, p.olen);
        assertEquals(Quirk.ECN.bit() | Quirk.FLOW.bit(), p.quirks);
        assertEquals(40 + 40, p.totHdr);
        assertEquals(DropReason.NONE, decode(Packets.ipv6().linuxOptions().df(false).id(0)));
        assertEquals(0, p.quirks, "no df/id quirks, no flow quirk for label 0");
    }

    @Test
    void lengthRules() {
        byte[] ip = Packets.ipv6().build(); // 60 bytes
        assertEquals(DropReason.NONE, decode(ip));
        assertEquals(DropReason.SHORT, decode(Arrays.copyOf(ip, 59)));
        assertEquals(DropReason.SHORT, decode(Arrays.copyOf(ip, 39)));
        assertEquals(DropReason.SHORT, decode(Packets.ipv6().totalLength(40)), "jumbogram: payload length 0");
        assertEquals(DropReason.TRUNCATED, decode(Packets.ipv6().totalLength(61)));
        assertEquals(DropReason.NONE, decode(Arrays.copyOf(ip, 80)), "trailing padding ignored");
        assertEquals(0, p.payLen);
        assertEquals(DropReason.NOT_TCP, decode(Packets.ipv6().protocol(17)));
        assertEquals(DropReason.NOT_TCP, decode(Packets.ipv6().protocol(58)));
    }

    @Test
    void extensionHeadersAreWalked() {
        int[][] chains = {{0, 8}, {43, 24}, {60, 16}, {51, 16}};
        for (int[] c : chains) {
            Packets b = Packets.ipv6().linuxOptions().payload(new byte[5]);
            if (c[0] == 51) {
                b.authenticationHeader(c[1]);
            } else {
                b.extension(c[0], c[1]);
            }
            assertEquals(DropReason.NONE, decode(b), "header " + c[0]);
            assertEquals(40 + c[1] + 40, p.totHdr);
            assertEquals(5, p.payLen);
            assertEquals(0, p.olen);
            assertEquals(1460, p.mss);
        }
        assertEquals(DropReason.NONE, decode(Packets.ipv6().extension(0, 8).extension(43, 8).fragmentHeader(0, false)
                .extension(60, 8).linuxOptions()));
        assertEquals(40 + 32 + 40, p.totHdr);
    }

    @Test
    void fragments() {
        assertEquals(DropReason.NONE, decode(Packets.ipv6().fragmentHeader(0, false)), "atomic fragment");
        assertEquals(DropReason.NONE, decode(Packets.ipv6().fragmentHeader(0, true)), "first fragment");
        assertEquals(DropReason.FRAGMENT, decode(Packets.ipv6().fragmentHeader(1, true)));
        assertEquals(DropReason.FRAGMENT, decode(Packets.ipv6().extension(0, 8).fragmentHeader(185, false)));
    }

    @Test
    void unsupportedHeadersAreDropped() {
        assertEquals(DropReason.IPV6_EXTENSION, decode(Packets.ipv6().terminalHeader(50)));
        assertEquals(DropReason.IPV6_EXTENSION, decode(Packets.ipv6().extension(0, 8).terminalHeader(59)));
        assertEquals(DropReason.IPV6_EXTENSION, decode(Packets.ipv6().terminalHeader(135)));
        assertEquals(DropReason.NOT_TCP, decode(Packets.ipv6().extension(60, 8).terminalHeader(17)));
    }

    @Test
    void chainsOverrunningThePacketAreDropped() {
        // a hop-by-hop header claiming 2048 bytes in a small packet
        byte[] ip = Packets.ipv6().extension(0, 8).build();
        ip[41] = (byte) 255;
        assertEquals(DropReason.BAD_IP_HEADER, decode(ip));
        // headers leaving fewer than 20 bytes of TCP
        byte[] tight = Packets.ipv6().extension(0, 8).build();
        tight[41] = 2; // 24 bytes: TCP would start at 64 of 68
        assertEquals(DropReason.BAD_IP_HEADER, decode(tight));
        // chain cut by the capture
        byte[] cut = Packets.ipv6().extension(0, 8).payload(new byte[40]).build();
        assertEquals(DropReason.TRUNCATED, decode(Arrays.copyOf(cut, 70)));
    }
}
