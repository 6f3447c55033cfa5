package io.passivetcp.uptime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passivetcp.uptime.TimestampClock.Reading;
import io.passivetcp.uptime.TimestampClock.Verdict;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §6 arithmetic: windows, grace, range, rounding table, uptime text and C's "%.2f". */
class TimestampClockTest {
    private static final long T0 = 1_700_000_000_000L;

    private static String uptime(long ts1, int freq) {
        return TimestampClock.uptimeText(TimestampClock.uptimeMinutes(ts1, freq), TimestampClock.moduloDays(freq));
    }

    @Test
    void specExampleHundredHertz() {
        // synthetic T44: 50 ticks in 502 ms
        Reading r = TimestampClock.measure(1_000_000, T0, 1_000_050, T0 + 502);
        assertEquals(Verdict.VALID, r.verdict());
        assertEquals("99.60 Hz", TimestampClock.rawFrequencyText(r.rawFrequency()));
        int freq = TimestampClock.roundFrequency(r.rawFrequency());
        assertEquals(100, freq);
        assertEquals("0 days 2 hrs 46 min (modulo 497 days)",
                uptime(1_000_050, freq));
    }

    @Test
    void specExampleRoundingToThirtyFive() {
        // synthetic T45: 33 ticks in 1001 ms
        Reading r = TimestampClock.measure(7_000_000, T0, 7_000_033, T0 + 1001);
        assertEquals("32.97 Hz", TimestampClock.rawFrequencyText(r.rawFrequency()));
        int freq = TimestampClock.roundFrequency(r.rawFrequency());
        assertEquals(35, freq);
        assertEquals(1420, TimestampClock.moduloDays(freq));
        assertEquals("2 days 7 hrs 33 min (modulo 1420 days)",
                uptime(7_000_033, freq));
    }

    @Test
    void thousandHertzWrapsEveryFortyNineDays() {
        assertEquals(49, TimestampClock.moduloDays(1000));
        assertEquals(1000, TimestampClock.roundFrequency(1000.60));
        assertEquals(1000, TimestampClock.roundFrequency(993.38));
    }

    @ParameterizedTest
    @CsvSource({"0.7,1", "0.99,1", "1.0,1", "10.99,10", "11.0,10", "12.0,15", "46.9,45", "47.0,50", "50.0,50",
        "51.0,50", "52.99,50", "53.0,60", "100.0,100", "101.0,100", "116.0,100", "117.0,150", "500.0,500",
        "501.0,500", "532.0,500", "533.0,600", "1006.54,1000", "1433.0,1500", "1500.0,1500"})
    void roundingTable(double raw, int expected) {
        assertEquals(expected, TimestampClock.roundFrequency(raw));
    }

    @ParameterizedTest
    @CsvSource({"24,NO_READING", "25,VALID", "600000,VALID", "600001,NO_READING", "-1,NO_READING",
        "-600000,NO_READING"})
    void measurementWindow(long ms, Verdict expected) {
        long ticks = Math.max(5, Math.abs(ms)); // 1000 Hz, and at least 5 ticks
        assertEquals(expected, TimestampClock.measure(1000, T0, 1000 + ticks, T0 + ms).verdict());
    }

    @Test
    void fewerThanFiveTicksIsNoReading() {
        assertEquals(Verdict.NO_READING, TimestampClock.measure(1000, T0, 1004, T0 + 1000).verdict());
        assertEquals(Verdict.VALID, TimestampClock.measure(1000, T0, 1005, T0 + 1000).verdict());
    }

    @Test
    void outOfRangeFrequencies() {
        Reading slow = TimestampClock.measure(1000, T0, 1005, T0 + 600_000);
        assertEquals(Verdict.OUT_OF_RANGE, slow.verdict());
        Reading fast = TimestampClock.measure(7_000_000, T0, 7_003_000, T0 + 1000); // synthetic T46: 3000 Hz
        assertEquals(Verdict.OUT_OF_RANGE, fast.verdict());
        assertEquals(Verdict.VALID, TimestampClock.measure(0, T0, 1500, T0 + 1000).verdict());
        assertEquals(Verdict.OUT_OF_RANGE, TimestampClock.measure(0, T0, 1501, T0 + 1000).verdict());
    }

    @Test
    void backwardsClockIsNegativeAndOutOfRange() {
        Reading r = TimestampClock.measure(100_000, T0, 90_000, T0 + 1000);
        assertEquals(Verdict.OUT_OF_RANGE, r.verdict());
        assertEquals(-9_999.0, r.rawFrequency(), 1e-9); // -(~d) * 1000 / ms with ~d = 9999
    }

    @Test
    void wrapAroundForwardIsFine() {
        Reading r = TimestampClock.measure(0xFFFF_FFF0L, T0, 0x10L, T0 + 1000); // 32 ticks across the wrap
        assertEquals(Verdict.VALID, r.verdict());
        assertEquals(32.0, r.rawFrequency());
    }

    /** within 100 ms a clock may go back by less than 15,000 ticks unnoticed; the bound is literal. */
    @Test
    void backwardsGraceQ22() {
        // d = 2^32 - n, so ~d = n - 1
        assertEquals(Verdict.NO_READING, TimestampClock.measure(100_000, T0, 100_000 - 10, T0 + 50).verdict());
        assertEquals(Verdict.NO_READING, TimestampClock.measure(100_000, T0, 100_000 - 15_000, T0 + 99).verdict());
        assertEquals(Verdict.OUT_OF_RANGE, TimestampClock.measure(100_000, T0, 100_000 - 15_001, T0 + 99).verdict());
        // outside the grace window the same step back is a bad reading
        assertEquals(Verdict.OUT_OF_RANGE, TimestampClock.measure(100_000, T0, 100_000 - 10, T0 + 100).verdict());
    }

    @Test
    void graceAppliesOnlyToTheBackwardsHalf() {
        // forward by 200 ticks in 50 ms: ~d is huge, so no grace; 4000 Hz is out of range
        assertEquals(Verdict.OUT_OF_RANGE, TimestampClock.measure(1000, T0, 1200, T0 + 50).verdict());
        assertEquals(Verdict.VALID, TimestampClock.measure(1000, T0, 1050, T0 + 50).verdict());
    }

    @ParameterizedTest
    @CsvSource({"100.125,100.12 Hz", "100.375,100.38 Hz", "0.875,0.88 Hz", "2.625,2.62 Hz", "99.6,99.60 Hz",
        "1000.0,1000.00 Hz", "1006.5374,1006.54 Hz", "2.675,2.67 Hz", "1.005,1.00 Hz"})
    void rawFrequencyRoundsTheBinaryValueHalfEven(double f, String expected) {
        assertEquals(expected, TimestampClock.rawFrequencyText(f));
    }

    @Test
    void exactTieFromARealMeasurement() {
        Reading r = TimestampClock.measure(0, T0, 801, T0 + 8000); // 100.125 Hz exactly
        assertEquals(100.125, r.rawFrequency());
        assertEquals("100.12 Hz", TimestampClock.rawFrequencyText(r.rawFrequency()));
        assertTrue(String.format("%.2f", r.rawFrequency()).equals("100.13"), "Java's HALF_UP differs from C");
    }

    @Test
    void uptimeTextAndMinutes() {
        assertEquals(0xFFFF_FFFFL / 60, TimestampClock.uptimeMinutes(0xFFFF_FFFFL, 1));
        assertEquals("49 days 5 hrs 52 min (modulo 49 days)", TimestampClock.uptimeText(70_912, 49));
        assertEquals("0 days 0 hrs 0 min (modulo 49710 days)", uptime(59, 1));
    }
}
