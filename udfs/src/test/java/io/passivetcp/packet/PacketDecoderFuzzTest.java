package io.passivetcp.packet;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.passivetcp.capture.CaptureRecord;
import io.passivetcp.capture.LinkType;
import io.passivetcp.packet.testutils.Frames;
import io.passivetcp.packet.testutils.Packets;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** No input bytes make the decoder throw: random frames and mutations of valid ones, on every link type. */
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
}
