package io.passivetcp.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.passivetcp.host.NatScoreBoard.Alarm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §8.5: history, thresholds, reasons and clearing of {@code add_nat_score}. */
class NatScoreBoardTest {
    private static final int TTL = NatReason.TTL.bit();
    private static final int OS_DIFF = NatReason.OS_DIFF.bit();
    private final HostState h = HostState.created(100);

    @Test
    void reasonWordsInP0fOrder() {
        assertEquals("app_vs_os os_diff sig_diff x_known tstamp ttl port mtu fuzzy via date srv_sig_lb ua_vs_os",
                NatReason.words(-1));
        assertEquals("???", NatReason.words(0));
        assertEquals("os_diff ttl", NatReason.words(TTL | OS_DIFF));
        assertEquals("tstamp port", NatReason.words(NatReason.PORT.bit() | NatReason.TSTAMP.bit()));
    }

    @Test
    void zeroAndOnePointScoresAreRecordedSilently() {
        assertNull(NatScoreBoard.add(h, true, 0, 0, 200));
        assertNull(NatScoreBoard.add(h, true, TTL, 1, 201));
        assertEquals(1, h.cliScores[31]);
        assertEquals(0, h.cliScores[30]);
        assertEquals(TTL, h.natReasons);
        assertEquals(0, h.lastChg);
    }

    @Test
    void hostChangeFromTwoPointsWithThisCallsReasonsOnly() {
        NatScoreBoard.add(h, true, TTL, 1, 200);
        Alarm a = NatScoreBoard.add(h, true, OS_DIFF, 2, 201);
        assertEquals(new Alarm("host change", "os_diff", "0,0,1,2"), a);
        assertEquals(201, h.lastChg);
        assertEquals(TTL | OS_DIFF, h.natReasons);
    }

    /** Each threshold: the entries before the alarming one, the alarming one's raw_hits. */
    @ParameterizedTest
    @CsvSource({"6,3,'3,3,3,3'", "3,5,'0,5,5,5'", "2,7,'0,0,7,7'", "1,9,'0,0,0,9'"})
    void ipSharingThresholds(int score, int count, String rawHits) {
        for (int i = 1; i < count; i++) {
            Alarm a = NatScoreBoard.add(h, false, TTL, score, 200 + i);
            assertEquals(score >= 2 ? "host change" : null, a == null ? null : a.module());
        }
        Alarm a = NatScoreBoard.add(h, false, OS_DIFF, score, 300);
        assertEquals(new Alarm("ip sharing", "os_diff ttl", rawHits), a);
        assertEquals(300, h.lastNat);
        assertArrayEquals(new int[32], h.srvScores);
        assertEquals(0, h.natReasons);
    }

    @Test
    void ipSharingClearsOnlyItsRolesHistoryButTheSharedReasons() {
        NatScoreBoard.add(h, true, NatReason.PORT.bit(), 1, 150);
        for (int i = 0; i < 3; i++) {
            NatScoreBoard.add(h, false, OS_DIFF, 6, 200 + i);
        }
        assertEquals(1, h.cliScores[31]);
        assertEquals(0, h.natReasons);
        // the client history continues where it was
        assertEquals("1,1,1,2", NatScoreBoard.add(h, true, TTL, 8, 300).rawHits());
    }

    @Test
    void ipSharingReportsEverythingAccumulatedIncludingSilentReasons() {
        NatScoreBoard.add(h, true, NatReason.FUZZY.bit(), 0, 200); // e.g. a score halved to 0
        NatScoreBoard.add(h, false, NatReason.VIA.bit(), 8, 201); // the other role's reasons are shared too
        NatScoreBoard.add(h, true, OS_DIFF, 8, 202);
        NatScoreBoard.add(h, true, OS_DIFF, 8, 203);
        Alarm a = NatScoreBoard.add(h, true, TTL, 8, 204);
        assertEquals(new Alarm("ip sharing", "os_diff ttl fuzzy via", "3,3,3,3"), a);
    }

    @Test
    void theHistoryHoldsThirtyTwoEntries() {
        NatScoreBoard.add(h, true, OS_DIFF, 6, 200);
        NatScoreBoard.add(h, true, OS_DIFF, 6, 201);
        for (int i = 0; i < 30; i++) {
            NatScoreBoard.add(h, true, 0, 0, 202);
        }
        assertEquals("2,2,2,2", NatScoreBoard.add(h, true, OS_DIFF, 6, 203).rawHits()); // the first 6 dropped out
        assertEquals("2,2,2,2", NatScoreBoard.add(h, true, OS_DIFF, 6, 204).rawHits()); // and the second
    }

    @Test
    void scoresAreU8() {
        NatScoreBoard.add(h, true, TTL, 300, 200);
        assertEquals(44, h.cliScores[31]);
    }
}
