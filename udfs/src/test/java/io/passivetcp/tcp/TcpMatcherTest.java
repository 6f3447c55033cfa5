package io.passivetcp.tcp;

import static io.passivetcp.tcp.TcpPacketFixture.linuxSyn4;
import static io.passivetcp.tcp.TcpPacketFixture.syn4;
import static io.passivetcp.tcp.TcpPacketFixture.syn6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passivetcp.packet.TcpPacket;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.TestDatabases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §4: candidate test, result selection, distance. */
class TcpMatcherTest {
    private static final String LINUX = "mss*20,7:mss,sok,ts,nop,ws";

    private static TcpMatch match(SignatureDatabase db, TcpPacket p) {
        return TcpMatcher.match(db, p, 0);
    }

    private static String labelOf(TcpMatch m) {
        return m.matched() ? m.signature().label().displayName() : "???";
    }

    @Test
    void exactSpecificBeatsAnEarlierGeneric() {
        SignatureDatabase db = TestDatabases.customDb(); // generic first, specific second [T customdb]
        TcpMatch m = match(db, linuxSyn4().build());
        assertEquals("Linux specific second", labelOf(m));
        assertFalse(m.fuzzy());
        assertFalse(m.generic());
    }

    @Test
    void firstExactGenericBeatsFuzzyAndLaterGenerics() {
        SignatureDatabase db = TestDatabases.tcpRequest(
                "label = s:unix:Fuzzy:", "sig = *:32:0:*:" + LINUX + ":df,id+:0", // TTL above 32: fuzzy
                "label = g:unix:G1:", "sig = *:64:0:*:*,*:mss,sok,ts,nop,ws:df,id+:0",
                "label = g:unix:G2:", "sig = *:64:0:*:*,7:mss,sok,ts,nop,ws:df,id+:0");
        TcpMatch m = match(db, linuxSyn4().build());
        assertEquals("G1", labelOf(m));
        assertTrue(m.generic());
        assertFalse(m.fuzzy());
    }

    @Test
    void firstFuzzyWhenNothingExact() {
        SignatureDatabase db = TestDatabases.tcpRequest(
                "label = s:unix:F1:", "sig = *:64:0:*:" + LINUX + ":df,id+:0",
                "label = s:unix:F2:", "sig = 4:64:0:*:" + LINUX + ":df:0");
        TcpMatch m = match(db, linuxSyn4().quirks("id-").build());
        assertEquals("F1", labelOf(m));
        assertTrue(m.fuzzy());
        assertEquals(0, m.distance());
    }

    @ParameterizedTest(name = "sig quirks [{0}], packet quirks [{1}] -> {2}")
    @CsvSource({
        "'df,id+', 'df,id+',     exact",
        "'df,id+', '',           fuzzy",    // df and id+ may vanish [T synthetic T16]
        "'df,id+', 'df',         fuzzy",    // [T synthetic T17]
        "'df,id+', 'id-',        fuzzy",    // id- may appear [T synthetic T15]
        "'df,id+', 'df,id+,ecn', fuzzy",    // ecn may appear [T synthetic T19-T21]
        "'df,id+', 'df,id+,0+',  none",     // anything else appearing rejects [T synthetic T14]
        "'df,id+,ecn', 'df,id+', none",     // only df/id+ may vanish
        "'df,id+', 'df,id+,flow', none",
    })
    void fuzzyQuirkAllowances(String sigQuirks, String packetQuirks, String expected) {
        SignatureDatabase db = TestDatabases.tcpRequest("label = s:unix:L:",
                "sig = 4:64:0:*:" + LINUX + ":" + sigQuirks + ":0");
        TcpMatch m = match(db, linuxSyn4().quirks(packetQuirks).build());
        assertEquals(expected, !m.matched() ? "none" : m.fuzzy() ? "fuzzy" : "exact");
    }

    @ParameterizedTest(name = "TTL {0} against ittl 64 -> {1}, dist {2}")
    @CsvSource({
        "64, exact, 0",
        "29, exact, 35",   // 35 below: still exact
        "28, fuzzy, 4",    // 36 below: fuzzy, distance guessed (32 - 28)
        "45, exact, 19",   // [T synthetic T30]
        "100, fuzzy, 28",  // above the initial TTL: fuzzy, guessed 128 - 100 [T synthetic T31]
    })
    void ttlWindow(int ttl, String kind, int dist) {
        SignatureDatabase db = TestDatabases.tcpRequest("label = s:unix:L:", "sig = *:64:0:*:" + LINUX + ":df,id+:0");
        TcpMatch m = match(db, linuxSyn4().ttl(ttl).build());
        assertTrue(m.matched());
        assertEquals(kind, m.fuzzy() ? "fuzzy" : "exact");
        assertEquals(dist, m.distance());
    }

    @Test
    void badTtlSigsAcceptAnyLowerTtlAndRejectHigher() {
        SignatureDatabase db = TestDatabases.stock();
        TcpPacket nmap = syn4().ttl(50).win(1024).mss(1460).layout("mss").totHdr(44).build();
        TcpMatch m = match(db, nmap);
        assertEquals("NMap SYN scan", labelOf(m));
        assertTrue(m.badTtl());
        assertTrue(m.application());
        assertEquals(14, m.distance()); // [T synthetic T33]
        TcpMatch far = match(db, syn4().ttl(3).win(1024).mss(1460).layout("mss").build());
        assertEquals("NMap SYN scan", labelOf(far));
        assertFalse(far.fuzzy()); // no MAX_DIST window for bad-TTL sigs
        assertEquals(61, far.distance());
        SignatureDatabase nmapOnly = TestDatabases.tcpRequest("label = s:!:NMap:SYN scan", "sys = @unix,@win",
                "sig = *:64-:0:1460:1024,0:mss::0");
        TcpMatch above = match(nmapOnly, syn4().ttl(65).win(1024).mss(1460).layout("mss").build());
        assertFalse(above.matched()); // a TTL above a bad-TTL sig's maximum rejects it outright, not even fuzzy
        assertEquals(63, above.distance()); // guess(65) = 128 - 65
    }

    @Test
    void bug4SigVersionIsNeverComparedWithThePacket() {
        SignatureDatabase db = TestDatabases.customDb(); // "4:64:0:1460:5000,0:mss,nop,ws::0" [T customdb]
        TcpPacket v6 = syn6().win(5000).mss(1460).layout("mss,nop,ws").build();
        assertEquals("V4Only x", labelOf(match(db, v6)));
        SignatureDatabase v6Only = TestDatabases.tcpRequest("label = s:unix:V6:",
                "sig = 6:64:0:1460:5000,0:mss,nop,ws::0");
        assertEquals("V6", labelOf(match(v6Only, syn4().win(5000).mss(1460).layout("mss,nop,ws").build())));
    }

    @Test
    void wildcardVersionSigsDropTheQuirksTheOtherVersionCannotHave() {
        SignatureDatabase db = TestDatabases.tcpRequest("label = s:unix:L:",
                "sig = *:64:0:*:" + LINUX + ":df,id+,flow:0");
        TcpPacket v6 = syn6().linuxOptions().win(28800).addQuirks("flow").build(); // mss*20 via 1440
        TcpMatch m6 = match(db, v6);
        assertTrue(m6.matched());
        assertFalse(m6.fuzzy());
        TcpMatch m4 = match(db, linuxSyn4().build());
        assertTrue(m4.matched());
        assertFalse(m4.fuzzy());
    }

    @Test
    void bug10FuzzyApplicationOnlyIsUnknownWithDistanceZero() {
        SignatureDatabase db = TestDatabases.tcpRequest("label = s:!:Tool:", "sys = @unix",
                "sig = *:64:0:1460:1024,0:mss:df,id+:0");
        TcpMatch m = match(db, syn4().ttl(50).win(1024).mss(1460).layout("mss").build());
        assertFalse(m.matched());
        assertEquals(0, m.distance()); // a plain miss would guess 14
        TcpMatch exact = match(db, syn4().ttl(50).quirks("df,id+").win(1024).mss(1460).layout("mss").build());
        assertEquals("Tool", labelOf(exact));
    }

    @Test
    void noCandidateWithTheLayoutGuessesTheDistance() {
        TcpMatch m = match(TestDatabases.stock(), syn4().ttl(200).quirks("df,id+").win(1234).mss(1460).wscale(3)
                .layout("mss,nop,ws").build());
        assertNull(m.signature());
        assertEquals(55, m.distance()); // [T synthetic T32]
    }

    @Test
    void layoutMustMatchExactlyIncludingEolPadding() {
        SignatureDatabase db = TestDatabases.tcpRequest("label = s:unix:L:", "sig = *:64:0:*:*,*:mss,eol+3:df,id+:0");
        TcpPacketFixture base = syn4().quirks("df,id+").mss(1460).win(100);
        assertTrue(match(db, base.layout("mss,eol+3").build()).matched());
        assertFalse(match(db, base.layout("mss,eol+2").build()).matched());
        assertFalse(match(db, base.layout("mss").build()).matched());
        assertFalse(match(db, base.layout("mss,eol+3,nop").build()).matched());
    }

    @Test
    void olenMssScaleAndPayloadClassMustMatchUnlessWildcards() {
        SignatureDatabase db = TestDatabases.tcpRequest("label = s:unix:L:", "sig = 4:64:4:1460:1000,2:mss:df,id+:+");
        TcpPacketFixture ok = syn4().quirks("df,id+").olen(4).mss(1460).win(1000).wscale(2).layout("mss").payLen(1);
        assertTrue(match(db, ok.build()).matched());
        assertFalse(match(db, ok.olen(0).build()).matched());
        assertFalse(match(db, ok.olen(4).mss(1400).build()).matched());
        assertFalse(match(db, ok.mss(1460).wscale(3).build()).matched());
        assertFalse(match(db, ok.wscale(2).payLen(0).build()).matched());
        assertTrue(match(db, ok.payLen(1).build()).matched());
    }

    @ParameterizedTest(name = "window rule {0} with win {1} -> {2}")
    @CsvSource({
        "'%1000', 3000, true",
        "'%1000', 0,    true",   // [T customdb]
        "'%1000', 3001, false",
        "mss*2,  2920, true",
        "mss*2,  3000, false",   // 3000 is mtu*2 for mss 1460
        "mtu*2,  3000, true",    // [T synthetic T34]
        "mtu*2,  2920, false",
        "'*',    1,    true",
        "2920,   2920, true",
        "2920,   2921, false",
    })
    void windowRules(String rule, int win, boolean matches) {
        SignatureDatabase db = TestDatabases.tcpRequest("label = s:unix:L:", "sig = 4:64:0:1460:" + rule + ",0:mss::0");
        assertEquals(matches, match(db, syn4().mss(1460).win(win).layout("mss").build()).matched());
    }

    @Test
    void synAckUsesTheResponseSectionAndTheSynMss() {
        SignatureDatabase db = TestDatabases.parse("classes = unix", "[tcp:request]", "label = s:unix:Req:",
                "sig = *:64:0:*:*,*:mss::0", "[tcp:response]", "label = s:unix:Resp:", "sig = *:64:0:*:mss*6,*:mss::0");
        TcpPacket synAck = TcpPacketFixture.synAck4().mss(1000).win(6600).layout("mss").build();
        assertFalse(TcpMatcher.match(db, synAck, 0).matched());
        assertEquals("Resp", labelOf(TcpMatcher.match(db, synAck, 1100))); // rule 10: 6600 = 6 * 1100
        assertEquals("Req", labelOf(TcpMatcher.match(db, syn4().mss(1000).win(6600).layout("mss").build(), 0)));
    }
}
