package io.passivetcp.host;

import static io.passivetcp.host.HostTestDb.syn;
import static io.passivetcp.host.HostTestDb.synAck;
import static io.passivetcp.host.HostTestDb.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.passivetcp.signature.Label;
import io.passivetcp.tcp.Quirk;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §8.6: every TCP NAT signal, driven through {@link HostTracker} with SYN / SYN+ACK events. */
class TcpNatSignalsTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final int LINUX = syn("Linux 3.11 and newer");
    private static final int LINUX_LINE_2 = tcp(false, "Linux 3.11 and newer", 1);
    private static final int LINUX_26 = syn("Linux 2.6.x");
    private static final int WINDOWS = syn("Windows 7 or 8");
    private static final int SOLARIS_BAD_TTL = syn("Solaris 10");
    private static final int LINUX_SA = synAck("Linux 3.x");
    private static final int LINUX_24_SA = synAck("Linux 2.4.x");
    private static final int WINDOWS_SA = synAck("Windows XP");

    private final Host host = new Host(HostTestDb.DB);
    private long clock = T0;

    /** A SYN from the host one second after the previous event, on a new flow. */
    private Ev nextSyn(int line) {
        clock += 1000;
        return Ev.at(clock).flow(clock).touch().syn(line);
    }

    private Ev nextSynAck(int line) {
        clock += 1000;
        return Ev.at(clock).flow(clock).server().synAck(line);
    }

    private static String hostChange(String subj, String reason, String rawHits) {
        return "mod=host change|subj=" + subj + "|reason=" + reason + "|raw_hits=" + rawHits;
    }

    private int lastClientScore() {
        return host.state.cliScores[31];
    }

    @Test
    void firstSynIsComparedWithTheOsLearnedAsServer() {
        assertEquals(List.of(), host.apply(nextSynAck(WINDOWS_SA)));
        assertEquals(List.of(hostChange("cli", "os_diff", "1,1,1,1")), host.apply(nextSyn(LINUX)));
    }

    @Test
    void anotherOsNameScoresEightAndSkipsTheTtlCheck() {
        host.apply(nextSyn(LINUX));
        assertEquals(List.of(hostChange("cli", "os_diff", "1,1,1,1")), host.apply(nextSyn(WINDOWS).ttl(128)));
    }

    @Test
    void anotherLabelOfTheSameOsScoresTwo() {
        host.apply(nextSyn(LINUX));
        assertEquals(List.of(hostChange("cli", "os_diff", "0,0,1,1")), host.apply(nextSyn(LINUX_26)));
    }

    @Test
    void anotherLineOfTheSameLabelScoresOneSilently() {
        host.apply(nextSyn(LINUX));
        assertEquals(List.of(), host.apply(nextSyn(LINUX_LINE_2)));
        assertEquals(1, lastClientScore());
        assertEquals(NatReason.OS_DIFF.bit(), host.state.natReasons);
    }

    @Test
    void fuzzinessChangeScoresOne() {
        host.apply(nextSyn(LINUX));
        host.apply(nextSyn(LINUX).fuzzy());
        assertEquals(1, lastClientScore());
        assertEquals(NatReason.FUZZY.bit(), host.state.natReasons);
    }

    @Test
    void synAcksOnlyCompareOsNames() {
        host.apply(nextSynAck(LINUX_SA));
        assertEquals(List.of(), host.apply(nextSynAck(LINUX_24_SA)));
        assertEquals(0, host.state.srvScores[31]);
        assertEquals(List.of(hostChange("srv", "os_diff", "1,1,1,1")), host.apply(nextSynAck(WINDOWS_SA).ttl(128)));
    }

    @Test
    void unknownSignaturesWithDifferentQuirksScoreTwo() {
        host.apply(nextSyn(-1));
        assertEquals(List.of(hostChange("cli", "sig_diff", "0,0,1,1")),
                host.apply(nextSyn(-1).quirks(Quirk.TS1_MINUS.bit())));
    }

    @Test
    void ecnDfAndIpIdQuirksMayChange() {
        host.apply(nextSyn(-1));
        host.apply(nextSyn(-1).quirks(Quirk.DF.bit() | Quirk.ECN.bit() | Quirk.ID_PLUS.bit() | Quirk.ID_MINUS.bit()));
        assertEquals(0, lastClientScore());
    }

    @Test
    void unknownSynLayoutChangeScoresOneButNotForSynAcks() {
        host.apply(nextSyn(-1));
        host.apply(nextSyn(-1).layout((byte) 2));
        assertEquals(1, lastClientScore());
        assertEquals(NatReason.SIG_DIFF.bit(), host.state.natReasons);
        host.apply(nextSynAck(-1));
        host.apply(nextSynAck(-1).layout((byte) 2));
        assertEquals(0, host.state.srvScores[31]);
    }

    @Test
    void knownToUnknownSynScoresXKnown() {
        host.apply(nextSyn(LINUX));
        host.apply(nextSyn(-1));
        assertEquals(1, lastClientScore());
        assertEquals(NatReason.X_KNOWN.bit(), host.state.natReasons);
        assertEquals(List.of(hostChange("cli", "sig_diff x_known", "0,1,1,2")),
                host.apply(nextSyn(LINUX).quirks(Quirk.TS1_MINUS.bit())));
    }

    @Test
    void knownToUnknownSynAckIsNotScored() {
        host.apply(nextSynAck(LINUX_SA));
        host.apply(nextSynAck(-1));
        assertEquals(0, host.state.srvScores[31]);
    }

    @Test
    void anUnmatchedFingerprintNeverClearsTheOsMemory() {
        host.apply(nextSyn(LINUX).fuzzy());
        host.apply(nextSyn(-1));
        Label linux = HostTestDb.DB.tcpSignatureAtLine(LINUX).label();
        assertEquals(linux.classId(), host.state.lastClassId);
        assertEquals(linux.nameId(), host.state.lastNameId);
        assertEquals("3.11 and newer", host.state.lastFlavor);
        assertEquals(1, host.state.lastQuality); // fuzzy, not generic
    }

    /** TTL: 4 points, 1 for a small change on a host 6+ hops away, nothing for +1 or any drop 10+ hops away. */
    @ParameterizedTest
    @CsvSource({"0,1,4", "5,2,4", "5,-2,4", "6,2,1", "6,-2,1", "6,3,4", "9,1,1", "9,-5,4", "10,1,0", "10,-5,0",
        "10,2,1", "10,3,4", "0,0,0"})
    void ttlChanges(int dist, int change, int points) {
        host.apply(nextSyn(LINUX).dist(dist).ttl(64));
        host.apply(nextSyn(LINUX).dist(dist).ttl(64 + change));
        assertEquals(points, lastClientScore());
        assertEquals(points > 0 ? NatReason.TTL.bit() : 0, host.state.natReasons);
    }

    @Test
    void badTtlSignaturesSkipTheTtlCheck() {
        host.apply(nextSyn(SOLARIS_BAD_TTL).ttl(64));
        host.apply(nextSyn(SOLARIS_BAD_TTL).ttl(50));
        assertEquals(0, lastClientScore());
        host.apply(nextSyn(LINUX).ttl(64)); // reference is the bad-TTL one: skipped as well, only the OS differs
        assertEquals(NatReason.OS_DIFF.bit(), host.state.natReasons);
    }

    @Test
    void sourcePortDropOfSixtyFourScoresOne() {
        host.apply(nextSyn(LINUX).ports(50000, 80));
        host.apply(nextSyn(LINUX).ports(49937, 80));
        assertEquals(0, lastClientScore());
        host.apply(nextSyn(LINUX).ports(49873, 80));
        assertEquals(1, lastClientScore());
        assertEquals(NatReason.PORT.bit(), host.state.natReasons);
    }

    /** BUG-11: a SYN+ACK stores the flow's client port in the server host's last_port. */
    @Test
    void synAckRemembersTheClientPortBug11() {
        host.apply(nextSyn(LINUX).ports(30000, 80));
        host.apply(nextSynAck(LINUX_SA).ports(50000, 8080));
        assertEquals(50000, host.state.lastPort);
        host.apply(nextSyn(LINUX).ports(45000, 80));
        assertEquals(1, lastClientScore());
        assertEquals(NatReason.PORT.bit(), host.state.natReasons);
    }

    @Test
    void synAckPortsAreNotScored() {
        host.apply(nextSynAck(LINUX_SA).ports(50000, 80));
        host.apply(nextSynAck(LINUX_SA).ports(40000, 80));
        assertEquals(0, host.state.srvScores[31]);
    }

    @Test
    void mssChangeScoresMtu() {
        host.apply(nextSyn(LINUX).mss(1460));
        host.apply(nextSyn(LINUX).mss(1400));
        assertEquals(1, lastClientScore());
        host.apply(nextSynAck(LINUX_SA).mss(1460));
        host.apply(nextSynAck(LINUX_SA).mss(1380));
        assertEquals(1, host.state.srvScores[31]);
        assertEquals(NatReason.MTU.bit(), host.state.natReasons);
    }

    @Test
    void fastTimestampProgressionAddsTstamp() {
        host.apply(nextSyn(LINUX).ts(1_000_000));
        List<String> out = host.apply(nextSyn(LINUX_26).ts(1_002_000)); // 2000 ticks in 1 s > 1500 Hz
        assertEquals(hostChange("cli", "os_diff tstamp", "1,1,1,1"), out.get(0));
    }

    @Test
    void plausibleTimestampProgressionHalvesTheScoreButKeepsTheReasons() {
        host.apply(nextSyn(LINUX).ts(1_000_000));
        List<String> out = host.apply(nextSyn(LINUX_26).ts(1_001_000));
        assertEquals(List.of("mod=uptime|subj=cli|uptime=0 days 0 hrs 16 min (modulo 49 days)|raw_freq=1000.00 Hz"),
                out);
        assertEquals(1, lastClientScore());
        assertEquals(NatReason.OS_DIFF.bit(), host.state.natReasons);
    }

    @Test
    void timestampsWithinTheGraceWindow() {
        host.apply(Ev.at(T0).flow(1).touch().syn(LINUX).ts(1_000_000));
        host.apply(Ev.at(T0 + 50).flow(2).touch().syn(LINUX_26).ts(1_000_200)); // 200 > 150 allowed in 100 ms
        assertEquals(6, lastClientScore());
        host.apply(Ev.at(T0 + 100).flow(3).touch().syn(LINUX).ts(1_000_190)); // 10 back: ~d = 9, within grace
        assertEquals(1, lastClientScore());
    }

    @Test
    void timestampsADayApartAreNotCompared() {
        host.apply(Ev.at(T0).flow(1).touch().syn(LINUX).ts(1_000_000));
        host.apply(Ev.at(T0 + 86_400_000).flow(2).touch().syn(LINUX_26).ts(5));
        assertEquals(2, lastClientScore());
        host.apply(Ev.at(T0 + 86_400_000 + 86_399_999).flow(3).touch().syn(LINUX).ts(10));
        assertEquals(1, lastClientScore()); // within a day again: 5 ticks is plausible, halved
    }

    @Test
    void noScoreNoTimestampVerdict() {
        host.apply(nextSyn(LINUX).ts(1_000_000));
        host.apply(nextSyn(LINUX).ts(4_000_000_000L));
        assertEquals(0, lastClientScore());
        assertEquals(0, host.state.natReasons);
    }

    @Test
    void distanceIsRememberedUnlessTheMatchHasABadTtl() {
        assertEquals(HostState.UNKNOWN_DISTANCE, HostState.created(0).distance);
        host.apply(nextSyn(LINUX).dist(3));
        assertEquals(3, host.state.distance);
        host.apply(nextSyn(SOLARIS_BAD_TTL).dist(14));
        assertEquals(3, host.state.distance);
        host.apply(nextSyn(-1).dist(300));
        assertEquals(44, host.state.distance); // u8
    }

    @Test
    void theFingerprintBecomesTheReferenceOfItsKind() {
        host.apply(nextSyn(LINUX).ttl(60).mss(1400).quirks(3).ts(77).fuzzy().dist(4));
        HostState.TcpRecord r = host.state.lastSyn;
        assertEquals(LINUX, r.signatureLine);
        assertEquals(60, r.ttl);
        assertEquals(1400, r.mss);
        assertEquals(3, r.quirks);
        assertEquals(77, r.ts1);
        assertEquals(4, r.distance);
        assertEquals(clock, r.recvMillis);
        assertEquals(true, r.fuzzy);
        assertEquals(null, host.state.lastSynAck);
        host.apply(nextSynAck(LINUX_SA));
        assertEquals(LINUX_SA, host.state.lastSynAck.signatureLine);
        assertEquals(LINUX, host.state.lastSyn.signatureLine);
    }
}
