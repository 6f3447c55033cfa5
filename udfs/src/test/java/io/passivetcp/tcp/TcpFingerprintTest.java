package io.passivetcp.tcp;

import static io.passivetcp.tcp.TcpPacketFixture.linuxSyn4;
import static io.passivetcp.tcp.TcpPacketFixture.syn4;
import static io.passivetcp.tcp.TcpPacketFixture.syn6;
import static io.passivetcp.tcp.TcpPacketFixture.synAck4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passivetcp.packet.TcpPacket;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.TestDatabases;

import org.junit.jupiter.api.Test;

/** Spec §4.5 output fields and §2.5 raw_sig, on real-traffic examples of spec §2.5 and §9.3. */
class TcpFingerprintTest {
    private final SignatureDatabase stock = TestDatabases.stock();

    /** A Linux client SYN one hop away, as in the golden captures 01–07 (MSS 1452 on a 1492-byte link). */
    private static TcpPacketFixture clientSyn() {
        return syn4().ttl(63).quirks("df,id+").mss(1452).win(65340).wscale(10).layout("mss,sok,ts,nop,ws")
                .ts1(12345).totHdr(60);
    }

    /** The server's SYN+ACK (Linux 6.x, MSS 1460, window 65160). */
    private static TcpPacketFixture serverSynAck() {
        return synAck4().quirks("df").mss(1460).win(65160).wscale(10).layout("mss,sok,ts,nop,ws").ts1(999)
                .totHdr(60);
    }

    private String fingerprint(TcpPacket p, int synMss, boolean sendsyn) {
        return TcpFingerprint.of(stock, p, synMss, sendsyn).toString();
    }

    @Test
    void linuxClientSynGenericMatch() {
        assertEquals("os=Linux 2.2.x-3.x|dist=1|params=generic"
                + "|raw_sig=4:63+1:0:1452:mss*45,10:mss,sok,ts,nop,ws:df,id+:0",
                fingerprint(clientSyn().build(), 0, false)); // [T 01]
    }

    @Test
    void linuxServerSynAckUnknownUsesRule2ForTheWindow() {
        assertEquals("os=???|dist=0|params=none|raw_sig=4:64+0:0:1460:mss*45,10:mss,sok,ts,nop,ws:df:0",
                fingerprint(serverSynAck().build(), 1452, false)); // [T 01]
    }

    @Test
    void ipv6ClientWithFlowLabelIsUnknown() {
        TcpPacket p = syn6().ttl(63).quirks("flow").mss(1432).win(64440).wscale(10).layout("mss,sok,ts,nop,ws")
                .ts1(1).totHdr(80).build();
        assertEquals("os=???|dist=1|params=none|raw_sig=6:63+1:0:1432:mss*45,10:mss,sok,ts,nop,ws:flow:0",
                fingerprint(p, 0, false)); // [T 02]
    }

    @Test
    void ttlAboveTheSigMakesAGenericFuzzyMatch() {
        TcpPacket p = clientSyn().ttl(127).layout("mss,nop,nop,sok,nop,ws").ts1(0).build();
        assertEquals("os=Linux 2.2.x-3.x (no timestamps)|dist=1|params=generic fuzzy"
                + "|raw_sig=4:127+1:0:1452:mss*45,10:mss,nop,nop,sok,nop,ws:df,id+:0",
                fingerprint(p, 0, false)); // [T 04]
    }

    @Test
    void ecnAndDscpShowInParams() {
        TcpPacket p = clientSyn().addQuirks("ecn").tos(0x0a).build();
        assertEquals("os=Linux 2.2.x-3.x|dist=1|params=generic fuzzy tos:0x0a"
                + "|raw_sig=4:63+1:0:1452:mss*45,10:mss,sok,ts,nop,ws:df,id+,ecn:0",
                fingerprint(p, 0, false)); // [T 07]
    }

    @Test
    void ipOptionsBreakTheMatch() {
        assertEquals("os=???|dist=1|params=none|raw_sig=4:63+1:4:1452:mss*45,10:mss,sok,ts,nop,ws:df,id+:0",
                fingerprint(clientSyn().olen(4).totHdr(64).build(), 0, false)); // [T 07]
    }

    @Test
    void smallMssMatchesLinux24() {
        TcpPacket p = clientSyn().mss(1000).win(4000).wscale(0).build();
        assertEquals("os=Linux 2.4.x|dist=1|params=none|raw_sig=4:63+1:0:1000:mss*4,0:mss,sok,ts,nop,ws:df,id+:0",
                fingerprint(p, 0, false)); // [T 07]
    }

    @Test
    void rawSigExamplesOfSpec25() {
        assertEquals("4:200+?:0:1460:1234,3:mss,nop,ws:df,id+:0", TcpFingerprint.rawSig(
                syn4().ttl(200).quirks("df,id+").mss(1460).win(1234).wscale(3).layout("mss,nop,ws").build(), 0));
        assertEquals("4:64+0:0:0:8192,0::df,id+:0",
                TcpFingerprint.rawSig(syn4().quirks("df,id+").win(8192).build(), 0));
        assertEquals("4:64+0:0:1460:mss*20,0:mss,?30,nop,nop,sok:df,id+:+", TcpFingerprint.rawSig(
                syn4().quirks("df,id+").mss(1460).win(29200).layout("mss,?30,nop,nop,sok").payLen(4).build(), 0));
        // the guess is shown up to MAX_DIST (35) hops, '?' beyond
        assertEquals("4:93+35:0:1460:1,0:mss,eol+7::0",
                TcpFingerprint.rawSig(syn4().ttl(93).mss(1460).win(1).layout("mss,eol+7").build(), 0));
        assertEquals("4:92+?:0:1460:1,0:mss,eol+7::0",
                TcpFingerprint.rawSig(syn4().ttl(92).mss(1460).win(1).layout("mss,eol+7").build(), 0));
    }

    @Test
    void guessIsAlwaysShownEvenWhenASigMatched() {
        TcpPacket nmap = syn4().ttl(50).win(1024).mss(1460).layout("mss").build();
        assertEquals("app=NMap SYN scan|dist=<= 14|params=random_ttl|raw_sig=4:50+14:0:1460:1024,0:mss::0",
                fingerprint(nmap, 0, false)); // [T synthetic T33]
    }

    @Test
    void excessDistanceIsFlaggedMatchedOrNot() {
        TcpPacket p = syn4().ttl(200).quirks("df,id+").mss(1460).win(1234).wscale(3).layout("mss,nop,ws").build();
        assertEquals("os=???|dist=55|params=excess_dist|raw_sig=4:200+?:0:1460:1234,3:mss,nop,ws:df,id+:0",
                fingerprint(p, 0, false)); // [T synthetic T32]
    }

    @Test
    void sendsynProbeAndResponse() {
        TcpPacket probe = syn4().ttl(191).mss(1331).win(1337).layout("mss,nop,eol+18").totHdr(64).build();
        assertTrue(TcpFingerprint.isSendsynProbe(probe));
        assertEquals("app=p0f sendsyn utility|dist=1|params=none|raw_sig=4:191+?:0:1331:1337,0:mss,nop,eol+18::0",
                fingerprint(probe, 0, true)); // [T 06]: an OS-class sig, printed as app on a sendsyn flow
        TcpPacket response = synAck4().quirks("df").mss(1460).win(64240).layout("mss").totHdr(44).build();
        assertFalse(TcpFingerprint.isSendsynProbe(response));
        assertEquals("os=???|dist=0|params=none|raw_sig=4:64+0:0:1460:mss*44,0:mss:df:0",
                fingerprint(response, 1331, true)); // [T 06]
    }

    @Test
    void q26MatchedSendsynResponsePrintsAppEvenForAnOsSig() {
        TcpPacket response = synAck4().quirks("df").mss(1460).win(14600).layout("mss").totHdr(44).build();
        TcpFingerprint fp = TcpFingerprint.of(stock, response, 1331, true);
        assertEquals("app", fp.labelKey());
        assertEquals("Linux 3.x", fp.labelValue());
        assertEquals("os", TcpFingerprint.of(stock, response, 1331, false).labelKey());
    }

    @Test
    void synAckEchoingTheSendsynMssShowsAWildcard() {
        TcpPacket echo = synAck4().quirks("df").mss(1331).win(13310).layout("mss").build();
        assertEquals("4:64+0:0:*:mss*10,0:mss:df:0", TcpFingerprint.rawSig(echo, 1331));
        TcpPacket syn = syn4().mss(1331).win(13310).layout("mss").build();
        assertEquals("4:64+0:0:1331:mss*10,0:mss::0", TcpFingerprint.rawSig(syn, 0)); // only on a SYN+ACK
    }

    @Test
    void bug10PrintsUnknownAtDistanceZero() {
        SignatureDatabase db = TestDatabases.tcpRequest("label = s:!:Tool:", "sys = @unix",
                "sig = *:64:0:1460:1024,0:mss:df,id+:0");
        TcpFingerprint fp = TcpFingerprint.of(db, syn4().ttl(50).win(1024).mss(1460).layout("mss").build(), 0, false);
        assertEquals("os=???|dist=0|params=none|raw_sig=4:50+14:0:1460:1024,0:mss::0", fp.toString());
    }

    @Test
    void specificFuzzyMatch() {
        TcpFingerprint fp = TcpFingerprint.of(stock, linuxSyn4().quirks("id-").build(), 0, false);
        assertEquals("os=Linux 3.11 and newer|dist=0|params=fuzzy"
                + "|raw_sig=4:64+0:0:1460:mss*20,7:mss,sok,ts,nop,ws:id-:0",
                fp.toString()); // [T synthetic T15]
        assertTrue(fp.match().fuzzy());
    }
}
