package io.passivetcp.packet;

import static io.passivetcp.packet.testutils.Frames.record;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.passivetcp.capture.CaptureRecord;
import io.passivetcp.capture.LinkType;
import io.passivetcp.packet.testutils.Frames;
import io.passivetcp.packet.testutils.Packets;
import io.passivetcp.tcp.Quirk;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** IPv4 drop rules and fields (spec §1.3) and the IP-level quirks (§2.2). */
class Ipv4DecoderTest {
    private final TcpPacket p = new TcpPacket();

    private DropReason decode(byte[] ip) {
        return new PacketDecoder().decode(record(LinkType.RAW, ip), p);
    }

    private DropReason decode(Packets builder) {
        return decode(builder.build());
    }

    private int quirksOf(Packets builder) {
        assertEquals(DropReason.NONE, decode(builder));
        return p.quirks;
    }

    @Test
    void fields() {
        byte[] ip = Packets.ipv4().src(Packets.ip4(203, 0, 113, 5)).dst(Packets.ip4(198, 51, 100, 20)).ttl(63)
                .tos(0xB8).ipOptions(1, 1, 1, 0).build();
        CaptureRecord rec = record(LinkType.RAW, ip);
        assertEquals(DropReason.NONE, new PacketDecoder().decode(rec, p));
        assertEquals(4, p.ipVersion);
        assertArrayEquals(new byte[] {(byte) 203, 0, 113, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, p.src);
        assertArrayEquals(Packets.ip4(198, 51, 100, 20), Arrays.copyOf(p.dst, 4));
        assertEquals(63, p.ttl);
        assertEquals(0x2E, p.tos);
        assertEquals(4, p.olen);
        assertEquals(24 + 20, p.totHdr);
        assertEquals(7, p.ordinal);
        assertEquals(rec.tsMicros, p.tsMicros);
    }

    @Test
    void quirks() {
        assertEquals(Quirk.DF.bit() | Quirk.ID_PLUS.bit(), quirksOf(Packets.ipv4()));
        assertEquals(Quirk.DF.bit(), quirksOf(Packets.ipv4().id(0)));
        assertEquals(Quirk.ID_MINUS.bit(), quirksOf(Packets.ipv4().df(false).id(0)));
        assertEquals(0, quirksOf(Packets.ipv4().df(false).id(7)));
        assertEquals(Quirk.DF.bit() | Quirk.ID_PLUS.bit() | Quirk.ZERO_PLUS.bit(),
                quirksOf(Packets.ipv4().reservedFlag(true)));
        for (int ecn = 1; ecn <= 3; ecn++) {
            assertEquals(Quirk.DF.bit() | Quirk.ID_PLUS.bit() | Quirk.ECN.bit(), quirksOf(Packets.ipv4().tos(ecn)));
            assertEquals(0, p.tos);
        }
        assertEquals(Quirk.DF.bit() | Quirk.ID_PLUS.bit(), quirksOf(Packets.ipv4().tos(0xFC)));
        assertEquals(0x3F, p.tos);
    }

    @Test
    void shortPackets() {
        byte[] ip = Packets.ipv4().build(); // 40 bytes exactly
        assertEquals(DropReason.NONE, decode(ip));
        assertEquals(DropReason.SHORT, decode(Arrays.copyOf(ip, 39)));
        // tot_len below 40 although more bytes were captured
        assertEquals(DropReason.SHORT, decode(Packets.ipv4().totalLength(39)));
        // a tiny fragment of a header whose protocol byte is not even there
        assertEquals(DropReason.SHORT, decode(Arrays.copyOf(ip, 8)));
    }

    @Test
    void usableLengthIsTheSmallerOfCapturedAndOriginal() {
        byte[] ip = Packets.ipv4().payload(new byte[100]).build();
        assertEquals(DropReason.TRUNCATED,
                new PacketDecoder().decode(Frames.record(LinkType.RAW, ip, ip.length, ip.length - 1), p));
        assertEquals(DropReason.TRUNCATED,
                new PacketDecoder().decode(Frames.record(LinkType.RAW, ip, ip.length - 1, ip.length), p));
        assertEquals(DropReason.NONE,
                new PacketDecoder().decode(Frames.record(LinkType.RAW, ip, ip.length, 100_000), p));
    }

    @Test
    void lengthIsCappedAt65535() {
        // a 70000-byte "frame" whose IP total length is 65535: fine; capped usable length keeps it whole
        byte[] ip = Packets.ipv4().payload(new byte[65535 - 40]).build();
        byte[] frame = Arrays.copyOf(ip, 70_000);
        assertEquals(DropReason.NONE, new PacketDecoder().decode(Frames.record(LinkType.RAW, frame), p));
        assertEquals(65535 - 40, p.payLen);
        // behind a 14-byte Ethernet header the cap cuts the same packet short
        byte[] eth = Frames.ethernet(ip);
        assertEquals(DropReason.TRUNCATED, new PacketDecoder().decode(Frames.record(LinkType.EN10MB, eth), p));
    }

    @Test
    void trailingLinkPaddingIsNotPayload() {
        byte[] ip = Packets.ipv4().build();
        assertEquals(DropReason.NONE, new PacketDecoder().decode(record(LinkType.RAW, Arrays.copyOf(ip, 60)), p));
        assertEquals(0, p.payLen);
        assertEquals(0, p.payloadLength);
    }

    @Test
    void headerLengthRules() {
        assertEquals(DropReason.BAD_IP_HEADER, decode(Packets.ipv4().ihl(4)));
        // IHL 15 (60 bytes) leaves less than 20 bytes of TCP in a 70-byte packet
        assertEquals(DropReason.BAD_IP_HEADER, decode(Packets.ipv4().ihl(15).payload(new byte[10])));
        assertEquals(DropReason.TRUNCATED, decode(Packets.ipv4().totalLength(41)));
        assertEquals(DropReason.NONE, decode(Packets.ipv4().ihl(6).ipOptions(1, 1, 1, 1)));
        assertEquals(4, p.olen);
    }

    @Test
    void nonTcpAndFragments() {
        assertEquals(DropReason.NOT_TCP, decode(Packets.ipv4().protocol(17)));
        assertEquals(DropReason.NOT_TCP, decode(Arrays.copyOf(Packets.ipv4().protocol(1).build(), 12)));
        assertEquals(DropReason.FRAGMENT, decode(Packets.ipv4().mf(true)));
        assertEquals(DropReason.FRAGMENT, decode(Packets.ipv4().fragmentOffset(1)));
        assertEquals(DropReason.FRAGMENT, decode(Packets.ipv4().df(false).fragmentOffset(0x1FFF)));
        assertEquals(DropReason.NONE, decode(Packets.ipv4().reservedFlag(true).df(true)));
    }
}
