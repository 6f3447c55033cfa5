package io.passivetcp.host;

import io.passivetcp.signature.SysEntry;

import java.util.List;

/**
 * Does an application run on the OS the host is known to have? ({@code verify_tool_class}, spec §8.7.) Used for
 * TCP application sigs (§4.6) and HTTP application sigs (§8.8).
 */
final class ApplicationCheck {
    private static final int MISMATCH_SCORE = 4;

    private ApplicationCheck() {}

    /**
     * Scores the application's {@code sys} list against the host's OS memory: nothing while no OS is known, a zero
     * entry when some entry fits, else {@code app_vs_os} for 4.
     *
     * @return the event this causes, or null
     */
    static NatScoreBoard.Alarm check(HostState h, boolean asClient, List<SysEntry> sys, long nowSeconds) {
        if (h.lastClassId == HostState.UNKNOWN_ID) {
            return null; // wait for an OS fingerprint before judging (no score entry either)
        }
        boolean fits = sys.stream().anyMatch(s -> s.isClass() ? s.id() == h.lastClassId : s.id() == h.lastNameId);
        return fits
                ? NatScoreBoard.add(h, asClient, 0, 0, nowSeconds)
                : NatScoreBoard.add(h, asClient, NatReason.APP_VS_OS.bit(), MISMATCH_SCORE, nowSeconds);
    }
}
