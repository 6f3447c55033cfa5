package io.passivetcp.tcp;

import static io.passivetcp.tcp.TcpPacketFixture.linuxSyn4;
import static io.passivetcp.tcp.TcpPacketFixture.syn4;
import static io.passivetcp.tcp.TcpPacketFixture.syn6;
import static io.passivetcp.tcp.TcpPacketFixture.synAck4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.passivetcp.P0fConfig;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.signature.BundledDatabases;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.TestDatabases;

/** A printed raw_sig and the literal window, matched again, give what the packet gave. */
class TcpRawSignatureTest {

    /** Packets of spec §2.5 / §9.3 shapes: multiples of each rule, literals, IPv6, options, quirks, payload. */
    private static List<TcpPacket> synPackets() {
        return List.of(
                linuxSyn4().build(),
                linuxSyn4().ttl(57).tos(0x0a).addQuirks("ecn").build(),
                syn4().ttl(63).quirks("df,id+").mss(1452).win(65340).wscale(10).layout("mss,sok,ts,nop,ws")
                        .ts1(12345).totHdr(60).build(),
                syn4().ttl(120).quirks("df").mss(1460).win(8192).wscale(8).layout("mss,nop,ws,nop,nop,sok")
                        .totHdr(52).build(),
                syn4().ttl(128).quirks("df").mss(1460).win(65535).wscale(0).layout("mss,nop,nop,sok").totHdr(48)
                        .build(),
                syn4().ttl(50).quirks("df").mss(1024).win(8192).layout("mss").totHdr(44).build(),
                syn4().ttl(250).olen(4).mss(536).win(16384).layout("mss,eol+3").payLen(10).totHdr(52).build(),
                syn6().ttl(63).quirks("flow").mss(1432).win(64440).wscale(10).layout("mss,sok,ts,nop,ws").ts1(1)
                        .totHdr(80).build(),
                syn4().ttl(64).mss(0).win(5840).layout("").build());
    }

    private static String viaPacket(SignatureDatabase db, TcpPacket p, int synMss) {
        return TcpFingerprint.of(db, p, synMss, false).toString();
    }

    private static String viaRawSig(SignatureDatabase db, TcpPacket p, int synMss) {
        String raw = TcpFingerprint.rawSig(p, synMss);
        TcpMatch m = TcpMatcher.match(db, TcpRawSignature.parse(raw, p.win), p.isSynAck());
        return TcpFingerprint.of(m, false, p.tos, raw).toString();
    }

    @Test
    void synsMatchAsTheirPacketsDidInBothBundledDatabases() {
        for (String name : BundledDatabases.NAMES) {
            SignatureDatabase db = BundledDatabases.load(name);
            for (TcpPacket p : synPackets()) {
                assertEquals(viaPacket(db, p, 0), viaRawSig(db, p, 0), name);
            }
        }
    }

    @Test
    void synAcksKeepTheMultipleOfTheSynMss() {
        SignatureDatabase db = BundledDatabases.load("p0f");
        // 5792 = 4 * 1448: a multiple of the SYN's MSS only (rule 10), which the raw_sig records
        TcpPacket p = synAck4().quirks("df").mss(1380).win(5792).wscale(7).layout("mss,sok,ts,nop,ws").ts1(7)
                .totHdr(60).build();
        String raw = TcpFingerprint.rawSig(p, 1448);
        assertTrue(raw.contains(":mss*4,7:"), raw);
        assertEquals(viaPacket(db, p, 1448), viaRawSig(db, p, 1448));
        TcpPacket echo = synAck4().mss(P0fConfig.SPECIAL_MSS).win(1024).layout("mss").build();
        assertTrue(TcpFingerprint.rawSig(echo, 0).contains(":*:"));
        assertEquals(viaPacket(db, echo, 0), viaRawSig(db, echo, 0));
    }

    /** A raw_sig showing mss*8 still matches a literal 8192 sig: the window argument carries it. */
    @Test
    void literalSignaturesSeeTheWindowBehindAMultiple() {
        SignatureDatabase db = TestDatabases.tcpRequest("label = s:unix:Literal:8192",
                "sig   = *:64:0:*:8192,0:mss:df:0");
        TcpPacket p = syn4().ttl(50).quirks("df").mss(1024).win(8192).layout("mss").totHdr(44).build();
        String raw = TcpFingerprint.rawSig(p, 0);
        assertEquals("4:50+14:0:1024:mss*8,0:mss:df:0", raw);
        assertEquals("os=Literal 8192|dist=14|params=none|raw_sig=" + raw, viaRawSig(db, p, 0));
        assertEquals(viaPacket(db, p, 0), viaRawSig(db, p, 0));
    }

    @Test
    void refusesWhatIsNotARawSignature() {
        String raw = "4:57+7:0:1460:mss*20,7:mss,sok,ts,nop,ws:df,id+:0";
        TcpRawSignature.parse(raw, 29200);
        assertThrows(IllegalArgumentException.class, () -> TcpRawSignature.parse("4:64+0:0:1460:8192,0:mss:df:0",
                8193)); // shows another literal window
        assertThrows(IllegalArgumentException.class, () -> TcpRawSignature.parse(raw, 70000));
        assertThrows(IllegalArgumentException.class, () -> TcpRawSignature.parse("*:64:0:*:8192,0:mss:df:0", 8192));
        assertThrows(IllegalArgumentException.class, () -> TcpRawSignature.parse("4:57+7:0:1460", 1));
        assertThrows(IllegalArgumentException.class,
                () -> TcpRawSignature.parse("4:57+7:0:1460:mss*x,7:mss:df:0", 1));
        assertThrows(IllegalArgumentException.class,
                () -> TcpRawSignature.parse("4:57+7:0:1460:29200,7:mss,bogus:df:0", 29200));
        assertThrows(IllegalArgumentException.class,
                () -> TcpRawSignature.parse("4:57+7:0:1460:29200,7:mss:df:*", 29200));
    }
}
