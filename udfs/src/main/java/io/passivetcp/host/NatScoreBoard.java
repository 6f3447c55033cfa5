package io.passivetcp.host;

import java.util.Arrays;

/**
 * p0f's per-host NAT score board ({@code add_nat_score}, spec §8.5): a {@code NAT_SCORES}-entry score history per
 * role and a shared reason set, which raise {@code host change} and {@code ip sharing}.
 */
final class NatScoreBoard {
    static final String HOST_CHANGE = "host change";
    static final String IP_SHARING = "ip sharing";

    /** A score strong enough to report at all, or below this with no alarm. */
    private static final int HOST_CHANGE_MIN = 2;

    private NatScoreBoard() {}

    /**
     * What {@link #add} reports.
     *
     * @param module  {@link #HOST_CHANGE} or {@link #IP_SHARING}
     * @param reason  the {@code reason=} value
     * @param rawHits the {@code raw_hits=} value: {@code c5,c2,c1,c0}
     */
    record Alarm(String module, String reason, String rawHits) {}

    /**
     * Appends {@code score} to the subject role's history and records {@code reasons} (also for a zero score).
     *
     * @return the event this causes, or null
     */
    static Alarm add(HostState h, boolean asClient, int reasons, int score, long nowSeconds) {
        int[] scores = asClient ? h.cliScores : h.srvScores;
        System.arraycopy(scores, 1, scores, 0, scores.length - 1);
        scores[scores.length - 1] = score & 0xFF;
        h.natReasons |= reasons;
        if (score == 0) {
            return null;
        }
        int[] c = counts(scores); // raw_hits include this entry and are taken before any clearing
        String rawHits = c[0] + "," + c[1] + "," + c[2] + "," + c[3];
        if (c[0] > 2 || c[1] > 4 || c[2] > 6 || c[3] > 8) {
            String words = NatReason.words(h.natReasons); // everything accumulated, not just this call's reasons
            h.lastNat = nowSeconds;
            Arrays.fill(scores, 0); // only this role's history; the reason set is shared
            h.natReasons = 0;
            return new Alarm(IP_SHARING, words, rawHits);
        }
        if (score < HOST_CHANGE_MIN) {
            return null;
        }
        h.lastChg = nowSeconds;
        return new Alarm(HOST_CHANGE, NatReason.words(reasons), rawHits);
    }

    /** Entries scoring at least 6, 3, 2 and 1 (p0f's {@code over_5, over_2, over_1, over_0}). */
    private static int[] counts(int[] scores) {
        int[] c = new int[4];
        for (int s : scores) {
            c[0] += s >= 6 ? 1 : 0;
            c[1] += s >= 3 ? 1 : 0;
            c[2] += s >= 2 ? 1 : 0;
            c[3] += s >= 1 ? 1 : 0;
        }
        return c;
    }
}
