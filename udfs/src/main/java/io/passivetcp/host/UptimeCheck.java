package io.passivetcp.host;

import io.passivetcp.uptime.TimestampClock;

/**
 * p0f's uptime check for one packet ({@code check_ts_tcp}, spec §6): compares the packet's TSval with the
 * subject's reference fingerprint unless this flow's direction is locked, locks it, and updates the host.
 */
final class UptimeCheck {
    /** A direction locked by a bad reading ({@code tps = -1}). */
    private static final int BAD_READING = -1;

    private UptimeCheck() {}

    /**
     * @return the {@code uptime} event's fields ({@code uptime}, {@code raw_freq}), or null when there is none
     */
    static String[] apply(HostState h, HostEvent e) {
        if (e.ts1 == 0) {
            return null;
        }
        boolean client = e.subjectIsClient;
        // The reference is the subject's latest SYN (SYN+ACK): for a SYN itself the previous one (spec §6).
        HostState.TcpRecord ref = client ? h.lastSyn : h.lastSynAck;
        if (UptimeLocks.get(h, e.flowId, client) != 0 || ref == null || ref.ts1 == 0) {
            return null;
        }
        TimestampClock.Reading r = TimestampClock.measure(ref.ts1, ref.recvMillis, e.ts1, e.millis());
        switch (r.verdict()) {
            case NO_READING:
                return null;
            case OUT_OF_RANGE:
                if (!e.pureSyn) {
                    UptimeLocks.set(h, e.flowId, client, BAD_READING, e.tsSeconds); // a SYN may be another host's
                }
                return null;
            default:
                break;
        }
        int freq = TimestampClock.roundFrequency(r.rawFrequency());
        UptimeLocks.set(h, e.flowId, client, freq, e.tsSeconds);
        h.lastUpMin = TimestampClock.uptimeMinutes(e.ts1, freq);
        h.upModDays = TimestampClock.moduloDays(freq);
        return new String[] {"uptime", TimestampClock.uptimeText(h.lastUpMin, h.upModDays),
            "raw_freq", TimestampClock.rawFrequencyText(r.rawFrequency())};
    }
}
