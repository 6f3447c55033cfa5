package io.passivetcp.packet;

import static io.passivetcp.packet.testutils.Frames.record;
import static io.passivetcp.packet.testutils.Packets.ACK;
import static io.passivetcp.packet.testutils.Packets.CWR;
import static io.passivetcp.packet.testutils.Packets.ECE;
import static io.passivetcp.packet.testutils.Packets.FIN;
import static io.passivetcp.packet.testutils.Packets.PSH;
import static io.passivetcp.packet.testutils.Packets.RST;
import static io.passivetcp.packet.testutils.Packets.SYN;
import static io.passivetcp.packet.testutils.Packets.URG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.passivetcp.capture.LinkType;
import io.passivetcp.packet.testutils.Packets;
import io.passivetcp.tcp.Quirk;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** TCP header rules, fields, quirks and payload (spec §1.5, §2.2). */
class TcpDecoderTest {
    private static final int IPV4_QUIRKS = Quirk.DF.bit() | Quirk.ID_PLUS.bit();
    private final TcpPacket p = new TcpPacket();

    private DropReason decode(Packets builder) {
        return new PacketDecoder().decode(record(LinkType.RAW, builder.build()), p);
    }

    /** TCP quirks of a kept IPv4 packet (without the default df,id+). */
    private int tcpQuirks(Packets builder) {
        assertEquals(DropReason.NONE, decode(builder));
        return p.quirks & ~IPV4_QUIRKS;
    }

    @Test
    void fields() {
        assertEquals(DropReason.NONE, decode(Packets.ipv4().ports(51274, 443).seq(0xFEDCBA98L).win(65535)
                .flags(SYN | ACK).ack(5).linuxOptions()));
        assertEquals(51274, p.srcPort);
        assertEquals(443, p.dstPort);
        assertEquals(0xFEDCBA98L, p.seq);
        assertEquals(65535, p.win);
        assertEquals(SYN | ACK, p.tcpType);
        assertEquals(20 + 40, p.totHdr);
        assertEquals(1460, p.mss);
        assertEquals(7, p.wscale);
        assertEquals(1000, p.ts1);
    }

    @Test
    void flagCombinations() {
        for (int ok : new int[] {SYN, SYN | ACK, ACK, FIN | ACK, FIN, RST, RST | ACK, ACK | PSH, SYN | ECE | CWR,
            SYN | URG | PSH}) {
            assertEquals(DropReason.NONE, decode(Packets.ipv4().flags(ok)), "flags " + ok);
            assertEquals(ok & (SYN | ACK | FIN | RST), p.tcpType);
        }
        for (int bad : new int[] {0, PSH, URG | ECE | CWR, SYN | FIN, SYN | RST, FIN | RST, SYN | FIN | ACK,
            FIN | RST | ACK, SYN | FIN | RST | ACK}) {
            assertEquals(DropReason.BAD_TCP_FLAGS, decode(Packets.ipv4().flags(bad)), "flags " + bad);
        }
    }

    @Test
    void dataOffsetRules() {
        assertEquals(DropReason.BAD_TCP_HEADER, decode(Packets.ipv4().doff(4)));
        assertEquals(DropReason.BAD_TCP_HEADER, decode(Packets.ipv4().doff(6)), "options beyond the packet");
        assertEquals(DropReason.NONE, decode(Packets.ipv4().doff(6).payload(new byte[4])), "payload read as options");
        assertEquals(0, p.payLen);
        assertEquals(DropReason.BAD_TCP_HEADER, decode(Packets.ipv6().doff(15)));
    }

    @Test
    void ecnFromTcpFlagsAndNs() {
        assertEquals(Quirk.ECN.bit(), tcpQuirks(Packets.ipv4().flags(SYN | ECE)));
        assertEquals(Quirk.ECN.bit(), tcpQuirks(Packets.ipv4().flags(SYN | CWR)));
        assertEquals(Quirk.ECN.bit(), tcpQuirks(Packets.ipv4().nsBit(true)));
        assertEquals(0, tcpQuirks(Packets.ipv4()));
    }

    @Test
    void sequenceAndAcknowledgment() {
        assertEquals(Quirk.SEQ_MINUS.bit(), tcpQuirks(Packets.ipv4().seq(0)));
        assertEquals(Quirk.ACK_MINUS.bit(), tcpQuirks(Packets.ipv4().flags(SYN | ACK).ack(0)));
        assertEquals(0, tcpQuirks(Packets.ipv4().flags(SYN | ACK).ack(1)));
    }

    /** BUG-1: ack+ tests bit 24 only (synthetic T02-T04). */
    @Test
    void ackPlusAsP0fComputesIt() {
        assertEquals(Quirk.ACK_PLUS.bit(), tcpQuirks(Packets.ipv4().ack(0x0100_0000L)));
        assertEquals(Quirk.ACK_PLUS.bit(), tcpQuirks(Packets.ipv4().ack(0xFFFF_FFFFL)));
        assertEquals(0, tcpQuirks(Packets.ipv4().ack(1)), "T03: non-zero but bit 24 clear");
        assertEquals(0, tcpQuirks(Packets.ipv4().ack(0x1234_5678L)), "T04");
        assertEquals(0, tcpQuirks(Packets.ipv4().flags(RST).ack(0x0100_0000L)), "not with RST");
        assertEquals(0, tcpQuirks(Packets.ipv4().flags(SYN | ACK).ack(0x0100_0000L)), "not with ACK");
    }

    @Test
    void urgentAndPush() {
        assertEquals(Quirk.UPTR_PLUS.bit(), tcpQuirks(Packets.ipv4().urgentPointer(0x100)));
        assertEquals(Quirk.URGF_PLUS.bit(), tcpQuirks(Packets.ipv4().flags(SYN | URG).urgentPointer(5)));
        assertEquals(Quirk.URGF_PLUS.bit(), tcpQuirks(Packets.ipv4().flags(SYN | URG)));
        assertEquals(Quirk.PUSHF_PLUS.bit(), tcpQuirks(Packets.ipv4().flags(ACK | PSH).ack(1)));
        assertEquals(Quirk.URGF_PLUS.bit() | Quirk.PUSHF_PLUS.bit(),
                tcpQuirks(Packets.ipv4().flags(SYN | URG | PSH).urgentPointer(5)));
    }

    @Test
    void payloadIsCopiedOnceAndCapped() {
        byte[] small = {10, 20, 30, 40};
        assertEquals(DropReason.NONE, decode(Packets.ipv4().payload(small)));
        assertEquals(4, p.payLen);
        assertEquals(4, p.payloadLength);
        assertArrayEquals(small, Arrays.copyOf(p.payload, 4));

        byte[] big = new byte[20_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 7);
        }
        assertEquals(DropReason.NONE, decode(Packets.ipv4().flags(ACK).ack(1).payload(big)));
        assertEquals(20_000, p.payLen);
        assertEquals(TcpPacket.MAX_PAYLOAD, p.payloadLength);
        assertArrayEquals(Arrays.copyOf(big, TcpPacket.MAX_PAYLOAD), Arrays.copyOf(p.payload, p.payloadLength));
        byte[] buffer = p.payload;
        assertEquals(DropReason.NONE, decode(Packets.ipv4().flags(ACK).ack(1).payload(small)));
        assertSame(buffer, p.payload, "the payload buffer is reused");
        assertEquals(DropReason.NONE, decode(Packets.ipv4()));
        assertEquals(0, p.payloadLength);
    }

    @Test
    void droppedPacketLeavesNoStaleFields() {
        assertEquals(DropReason.NONE, decode(Packets.ipv4().linuxOptions().payload(new byte[3])));
        assertEquals(DropReason.BAD_TCP_FLAGS, decode(Packets.ipv4().flags(0)));
        assertEquals(0, p.layoutLength);
        assertEquals(0, p.mss);
        assertEquals(0, p.payloadLength);
        assertEquals(0, p.payLen);
    }
}
