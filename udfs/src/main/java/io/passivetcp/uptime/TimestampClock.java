package io.passivetcp.uptime;

import io.passivetcp.P0fConfig;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of p0f's uptime detection from TCP timestamps (spec §6): how fast a host's timestamp clock ticks
 * between a reference SYN (or SYN+ACK) and a later packet, the neat frequency p0f rounds that to, and the uptime
 * and wrap-around period it derives. Stateless; which reference and which lock apply is the caller's business.
 *
 * <p>All timestamp and tick arithmetic is unsigned 32-bit, times are milliseconds ({@code sec*1000 + usec/1000}).
 */
public final class TimestampClock {
    private static final long U32 = 0xFFFF_FFFFL;
    private static final long SECONDS_PER_DAY = 86_400;
    /** Fewer ticks than this between reference and packet are no reading. */
    private static final long MIN_TICKS = 5;
    /**
     * p0f allows a clock to run "backwards" within the grace window when {@code (~d)/1000 < MAX_TSCALE /
     * TSTAMP_GRACE}; in C both are integers, so the bound is 1500 / 100 = 15.
     */
    private static final long BACKWARDS_GRACE_KTICKS = (long) P0fConfig.MAX_TSCALE / P0fConfig.TSTAMP_GRACE;

    private TimestampClock() {}

    /** What one comparison of a packet with its reference yields. */
    public enum Verdict {
        /** Too soon, too late, too few ticks or within the backwards grace: nothing learned, nothing locked. */
        NO_READING,
        /** A frequency outside 0.7–1500 Hz (a clock that went backwards counts as negative). */
        OUT_OF_RANGE,
        /** A plausible frequency: p0f reports uptime. */
        VALID
    }

    /**
     * @param verdict      the outcome
     * @param rawFrequency ticks per second as p0f computes them ({@code NaN} for {@link Verdict#NO_READING})
     */
    public record Reading(Verdict verdict, double rawFrequency) {
        static final Reading NONE = new Reading(Verdict.NO_READING, Double.NaN);
    }

    /**
     * Measures the clock between the reference fingerprint and a packet (spec §6, from {@code ms = ...} on).
     *
     * @param refTs1     the reference's TSval (non-zero), unsigned 32-bit
     * @param refMillis  when the reference was received
     * @param ts1        the packet's TSval, unsigned 32-bit
     * @param nowMillis  when the packet was received
     */
    public static Reading measure(long refTs1, long refMillis, long ts1, long nowMillis) {
        long ms = nowMillis - refMillis; // u64 in p0f: a packet older than its reference wraps to "too late"
        if (Long.compareUnsigned(ms, P0fConfig.MIN_TWAIT) < 0 || Long.compareUnsigned(ms, P0fConfig.MAX_TWAIT) > 0) {
            return Reading.NONE;
        }
        long d = (ts1 - refTs1) & U32;
        long notD = ~d & U32;
        if (d < MIN_TICKS) {
            return Reading.NONE;
        }
        if (ms < P0fConfig.TSTAMP_GRACE && notD / 1000 < BACKWARDS_GRACE_KTICKS) {
            return Reading.NONE; // Q-22, reproduced literally
        }
        double f = d > notD ? -(notD * 1000.0) / ms : d * 1000.0 / ms;
        if (f < P0fConfig.MIN_TSCALE || f > P0fConfig.MAX_TSCALE) {
            return new Reading(Verdict.OUT_OF_RANGE, f);
        }
        return new Reading(Verdict.VALID, f);
    }

    /** p0f's neat frequency for a valid raw one: truncate, then round by the table of spec §6. */
    public static int roundFrequency(double rawFrequency) {
        int freq = (int) rawFrequency; // C's (u32) conversion truncates toward zero
        if (freq == 0) {
            return 1;
        }
        if (freq <= 10) {
            return freq;
        }
        if (freq <= 50) {
            return (freq + 3) / 5 * 5;
        }
        if (freq <= 100) {
            return (freq + 7) / 10 * 10;
        }
        if (freq <= 500) {
            return (freq + 33) / 50 * 50;
        }
        return (freq + 67) / 100 * 100;
    }

    /** Minutes since the clock started: {@code ts1 / freq / 60} in integers. */
    public static long uptimeMinutes(long ts1, int freq) {
        return (ts1 & U32) / freq / 60;
    }

    /** Days until a clock of this frequency wraps: {@code 0xFFFFFFFF / (freq * 86400)}. */
    public static long moduloDays(int freq) {
        return U32 / (freq * SECONDS_PER_DAY);
    }

    /** {@code <d> days <h> hrs <m> min (modulo <n> days)}. */
    public static String uptimeText(long upMinutes, long moduloDays) {
        return (upMinutes / 60 / 24) + " days " + (upMinutes / 60 % 24) + " hrs " + (upMinutes % 60) + " min (modulo "
                + moduloDays + " days)";
    }

    /**
     * {@code printf("%.2f Hz")}: C rounds the exact binary value half-to-even, unlike {@code String.format}.
     */
    public static String rawFrequencyText(double rawFrequency) {
        return new BigDecimal(rawFrequency).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " Hz";
    }
}
