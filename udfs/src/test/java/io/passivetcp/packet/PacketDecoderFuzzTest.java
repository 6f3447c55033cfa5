package io.passivetcp.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.passivetcp.capture.CaptureRecord;
import io.passivetcp.capture.LinkType;
import io.passivetcp.packet.testutils.Frames;
import io.passivetcp.packet.testutils.Packets;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * No input bytes make the decoder throw: random frames and mutations of valid ones, on every link type; and the
 * Jazzer target {@link #decodesOrDrops} (README, "Fuzzing").
 */
class PacketDecoderFuzzTest {
    private static final int[] LINK_TYPES = {LinkType.NULL, LinkType.EN10MB, LinkType.PPP, LinkType.DLT_RAW_12,
        LinkType.DLT_RAW_14, LinkType.PPP_HDLC, LinkType.PPP_ETHER, LinkType.RAW, LinkType.C_HDLC,
        LinkType.IEEE802_11, LinkType.LOOP, LinkType.LINUX_SLL, LinkType.PFLOG, LinkType.IPV4, LinkType.IPV6,
        LinkType.LINUX_SLL2, LinkType.ARCNET_LINUX, 147, 0xFFFF};

    static List<byte[]> seeds() {
        byte[] v4 = Packets.ipv4().linuxOptions().ipOptions(1, 1, 1, 0).payload(new byte[30]).build();
        byte[] v6 = Packets.ipv6().extension(0, 8).fragmentHeader(0, true).authenticationHeader(12).linuxOptions()
                .payload(new byte[9]).build();
        return List.of(v4, v6, Frames.ethernet(v4, 0x8100, 0x88A8), Frames.pppoe(v6, 0x8100),
                Frames.sll(v4, true), Frames.sll2(v6), Frames.ppp(v4, true, true), Frames.ciscoHdlc(v6, 0x0F),
                Frames.pppEther(v4), Frames.pflog(v6, 61), Frames.nullLink(v4, 2));
    }

    @Test
    void randomAndMutatedFramesNeverThrow() {
        Random random = new Random(7);
        List<byte[]> seeds = seeds();
        TcpPacket out = new TcpPacket();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int linkType : LINK_TYPES) {
                PacketDecoder decoder = new PacketDecoder();
                for (int i = 0; i < 4000; i++) {
                    byte[] frame;
                    if (i % 4 == 0) {
                        frame = new byte[random.nextInt(120)];
                        random.nextBytes(frame);
                    } else {
                        frame = seeds.get(random.nextInt(seeds.size())).clone();
                        for (int k = 1 + random.nextInt(6); k > 0; k--) {
                            frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
                        }
                    }
                    int caplen = random.nextInt(8) == 0 ? random.nextInt(frame.length + 1) : frame.length;
                    int orig = random.nextInt(8) == 0 ? random.nextInt(100_000) : frame.length;
                    CaptureRecord rec = Frames.record(linkType, frame, caplen, orig);
                    assertNotNull(decoder.decode(rec, out));
                }
            }
        });
    }

    /** The addresses-only read finds every packet decode keeps, with its addresses and order time. */
    @Test
    void addressesCoverEveryKeptPacket() {
        Random random = new Random(11);
        List<byte[]> seeds = seeds();
        TcpPacket out = new TcpPacket();
        TcpPacket addressed = new TcpPacket();
        int kept = 0;
        for (int linkType : LINK_TYPES) {
            PacketDecoder decoder = new PacketDecoder();
            PacketDecoder addresses = new PacketDecoder();
            for (int i = 0; i < 4000; i++) {
                byte[] frame = seeds.get(random.nextInt(seeds.size())).clone();
                for (int k = random.nextInt(4); k > 0; k--) {
                    frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
                }
                int caplen = random.nextInt(8) == 0 ? random.nextInt(frame.length + 1) : frame.length;
                CaptureRecord rec = Frames.record(linkType, frame, caplen, frame.length);
                rec.ordinal = i;
                rec.tsMicros = random.nextInt(1_000_000); // steps back too: the order time is the latest so far
                rec.tsSeconds = rec.tsMicros / 1_000_000;
                boolean hasAddresses = addresses.decodeAddresses(rec, addressed);
                if (decoder.decode(rec, out) == DropReason.NONE) {
                    kept++;
                    checkAddresses(out, hasAddresses, addressed);
                }
            }
        }
        assertTrue(kept > 5_000, "kept packets checked: " + kept);
    }

    private static void checkAddresses(TcpPacket kept, boolean hasAddresses, TcpPacket addressed) {
        assertTrue(hasAddresses, "a kept packet has no addresses");
        assertEquals(kept.ipVersion, addressed.ipVersion);
        assertArrayEquals(Arrays.copyOf(kept.src, kept.addressLength()),
                Arrays.copyOf(addressed.src, addressed.addressLength()));
        assertArrayEquals(Arrays.copyOf(kept.dst, kept.addressLength()),
                Arrays.copyOf(addressed.dst, addressed.addressLength()));
        assertEquals(kept.orderMicros, addressed.orderMicros);
        assertEquals(kept.ordinal, addressed.ordinal);
    }

    @Test
    void everyTruncationOfValidFramesIsHandled() {
        TcpPacket out = new TcpPacket();
        for (byte[] seed : seeds()) {
            for (int linkType : LINK_TYPES) {
                for (int n = 0; n <= seed.length; n++) {
                    assertNotNull(new PacketDecoder().decode(Frames.record(linkType, seed, n, seed.length), out));
                }
            }
        }
    }

    @Test
    void lengthsBeyondTheBufferAreIgnored() {
        CaptureRecord rec = Frames.record(LinkType.RAW, Packets.ipv4().build(), 5000, 5000);
        assertNotNull(new PacketDecoder().decode(rec, new TcpPacket()));
        rec.length = -1;
        assertNotNull(new PacketDecoder().decode(rec, new TcpPacket()));
    }

    /**
     * The input is a capture in miniature: a 16-bit link type, then frames, each a 16-bit captured length, a 16-bit
     * wire length and the bytes (the last may be short). One decoder reads them all, as it reads one capture, so
     * its link-offset detection and counters see a sequence. The contract: a DropReason, never an exception; the
     * frame is left as it was; a kept packet's fields are within their ranges; the counters never go back; the
     * addresses-only read of the same frames finds each kept packet's addresses.
     */
    @FuzzTest
    void decodesOrDrops(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int linkType = (input[0] & 0xFF) << 8 | (input[1] & 0xFF);
        PacketDecoder decoder = new PacketDecoder();
        PacketDecoder addresses = new PacketDecoder();
        TcpPacket out = new TcpPacket();
        TcpPacket addressed = new TcpPacket();
        long filterCount = 0;
        long ordinal = 0;
        for (int at = 2; at + 4 <= input.length; ordinal++) {
            int caplen = (input[at] & 0xFF) << 8 | (input[at + 1] & 0xFF);
            int wire = (input[at + 2] & 0xFF) << 8 | (input[at + 3] & 0xFF);
            at += 4;
            byte[] frame = Arrays.copyOfRange(input, at, Math.min(input.length, at + caplen));
            at += frame.length;
            CaptureRecord rec = Frames.record(linkType, frame.clone(), frame.length, wire);
            rec.ordinal = ordinal;
            rec.tsMicros = ordinal * 1_000_000L;
            rec.tsSeconds = ordinal;
            boolean hasAddresses = addresses.decodeAddresses(rec, addressed);
            DropReason verdict = decoder.decode(rec, out);
            assertNotNull(verdict);
            assertArrayEquals(frame, rec.data, "the decoder wrote into the frame");
            assertTrue(out.filterCount >= filterCount, "filter count went back");
            filterCount = out.filterCount;
            assertEquals(ordinal, out.ordinal);
            if (verdict == DropReason.NONE) {
                checkKept(out, frame.length);
                checkAddresses(out, hasAddresses, addressed);
            }
        }
    }

    private static void checkKept(TcpPacket p, int frameLength) {
        assertTrue(p.ipVersion == 4 || p.ipVersion == 6, "IP version " + p.ipVersion);
        assertTrue(p.ttl >= 0 && p.ttl <= 255, "ttl " + p.ttl);
        assertTrue(p.srcPort >= 0 && p.srcPort <= 0xFFFF && p.dstPort >= 0 && p.dstPort <= 0xFFFF, "ports");
        assertEquals(0, p.tcpType & ~(TcpPacket.FIN | TcpPacket.SYN | TcpPacket.RST | TcpPacket.ACK), "tcp type");
        assertTrue(p.seq >= 0 && p.seq <= 0xFFFF_FFFFL, "seq " + p.seq);
        assertTrue(p.win >= 0 && p.win <= 0xFFFF && p.mss >= 0 && p.mss <= 0xFFFF, "window or MSS");
        assertTrue(p.wscale >= 0 && p.wscale <= 0xFF, "wscale " + p.wscale);
        assertTrue(p.ts1 >= 0 && p.ts1 <= 0xFFFF_FFFFL, "ts1 " + p.ts1);
        assertTrue(p.layoutLength >= 0 && p.layoutLength <= p.layout.length, "layout " + p.layoutLength);
        assertTrue(p.olen >= 0 && p.eolPad >= 0 && p.payLen >= 0, "lengths");
        assertTrue(p.totHdr > 0 && p.totHdr <= frameLength, "header length " + p.totHdr);
        assertTrue(p.payloadLength >= 0 && p.payloadLength <= Math.min(frameLength, TcpPacket.MAX_PAYLOAD)
                && p.payloadLength <= p.payload.length, "payload " + p.payloadLength);
    }
}
