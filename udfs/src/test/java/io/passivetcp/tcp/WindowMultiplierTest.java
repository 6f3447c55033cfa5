package io.passivetcp.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §2.3: the ten divisor rules, in order, first divisor wins. */
class WindowMultiplierTest {

    private static String detect(int win, int mss, long ts1, int totHdr, boolean ipv6, int synMss) {
        return WindowMultiplier.detect(win, mss, ts1, totHdr, ipv6, synMss).toString();
    }

    @ParameterizedTest(name = "rule {0}: win {1}, mss {2} -> {7}")
    @CsvSource({
        // rule, win, mss, ts1, totHdr, ipv6, synMss, expected
        "1,  29200, 1460, 0,    60, false, 0,    mss*20",
        "1,  65340, 1452, 1,    60, false, 0,    mss*45",   // spec example [T 01]
        "2,  65160, 1460, 1,    60, false, 0,    mss*45",   // SYN+ACK with timestamps [T 01]
        "2,  28960, 1460, 5000, 60, false, 1460, mss*20",   // rule 2 comes before rule 10
        "4,  28960, 1460, 0,    60, false, 0,    mss*20",   // no timestamps: rule 2 skipped, rule 4 (1448) hits
        "3,  29200, 1452, 1,    60, false, 0,    mss*20",   // spec example: 1460 via rule 3
        "4,  28960, 1000, 0,    60, false, 0,    mss*20",   // 1448
        "5,  28800, 1460, 1,    80, true,  0,    mss*20",   // IPv6: 1440 [T synthetic T40]
        "5,  28560, 1000, 0,    80, true,  0,    mss*20",   // IPv6: 1428
        "-,  28800, 1460, 1,    80, false, 0,    none",     // the same window on IPv4: rule 5 is IPv6-only
        "6,  3000,  1460, 0,    48, false, 0,    mtu*2",    // mss+40 [T synthetic T34, customdb]
        "7,  3100,  1500, 0,    50, false, 0,    mtu*2",    // mss+tot_hdr
        "8,  3120,  1500, 0,    80, true,  0,    mtu*2",    // IPv6 mss+60 (rule 7, 1580, fails first)
        "9,  4500,  1000, 0,    40, false, 0,    mtu*3",    // 1500
        "10, 6600,  1000, 0,    40, false, 1100, mss*6",    // peer MSS
        "10, 5440,  1000, 0,    40, false, 1100, mss*5",    // peer MSS - 12 = 1088
        "-,  29201, 1460, 1,    60, false, 1460, none",
        "-,  29200, 99,   1,    60, false, 0,    none",     // mss below 100
        "-,  0,     1460, 1,    60, false, 1460, none",     // window 0 [T synthetic T29]
    })
    void rules(String rule, int win, int mss, long ts1, int totHdr, boolean ipv6, int synMss, String expected) {
        assertEquals(expected, detect(win, mss, ts1, totHdr, ipv6, synMss));
    }

    @Test
    void mtuKindIsReportedAndComparedByKind() {
        WindowMultiplier m = WindowMultiplier.detect(3000, 1460, 0, 48, false, 0);
        assertTrue(m.found());
        assertTrue(m.mtu());
        assertEquals(2, m.value());
        assertTrue(m.matches(true, 2));
        assertFalse(m.matches(false, 2));
        assertSame(WindowMultiplier.NONE, WindowMultiplier.detect(0, 1460, 0, 40, false, 0));
        assertFalse(WindowMultiplier.NONE.matches(false, 1));
    }

    @Test
    void pathologicalSynMssWrapsToSigned16BitsAsInP0f() {
        // syn_mss 1 divides everything: N = win cut to signed 16 bits (40001 -> -25535), so nothing renders
        WindowMultiplier wrapped = WindowMultiplier.detect(40001, 1000, 0, 40, false, 1);
        assertEquals((short) 40001, wrapped.value());
        assertFalse(wrapped.found());
        // syn_mss 12: divisor 0 in p0f (SIGFPE); skipped here, then syn_mss itself was already tried
        assertEquals("mss*3", detect(36, 1000, 0, 40, false, 12));
        assertEquals("none", detect(37, 1000, 0, 40, false, 12));
        // syn_mss 5: 5 - 12 = -7 divides 49: p0f's negative result, rendered as the plain window
        WindowMultiplier negative = WindowMultiplier.detect(49, 1000, 0, 40, false, 5);
        assertEquals(-7, negative.value());
        assertFalse(negative.found());
    }
}
