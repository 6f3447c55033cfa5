package io.passivetcp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §7.4 Date parsing / Q-21: glibc strptime("%a, %d %b %Y %H:%M:%S %Z") + mktime in UTC, as u32. */
class HttpDateTest {

    private static long utc(int y, int mo, int d, int h, int mi, int s) {
        return LocalDateTime.of(y, mo, d, h, mi, s).toEpochSecond(ZoneOffset.UTC);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Thu, 26 Nov 2026 16:20:31 GMT|2026-11-26T16:20:31",
        "Thu, 26 Nov 2026 16:20:31|2026-11-26T16:20:31",         // %Z may be empty
        "Thu, 26 Nov 2026 16:20:31 CEST|2026-11-26T16:20:31",    // the zone is read, not applied
        "Thu, 26 Nov 2026 16:20:31 +0100 trailing|2026-11-26T16:20:31",
        "thursday, 26 november 2026 16:20:31 GMT|2026-11-26T16:20:31", // full names, any case
        "Mon,26 Nov 2026 16:20:31 GMT|2026-11-26T16:20:31",      // weekday not checked, blanks optional
        "Thu, 6 Nov 2026 1:2:3 GMT|2026-11-06T01:02:03",
        "Thu, 06 Nov 2026 16: 20: 31|2026-11-06T16:20:31",       // numbers skip leading blanks
        "Thu,   26   Nov   2026   16:20:31 GMT|2026-11-26T16:20:31",
        "Thu, 31 Feb 2026 00:00:00 GMT|2026-03-03T00:00:00",     // mktime normalises
        "Thu, 31 Dec 2026 23:59:60 GMT|2027-01-01T00:00:00",
        "Thu, 01 Jan 1970 00:00:01 GMT|1970-01-01T00:00:01",
        "Thu, 26 Nov 2026 16:20:3100 GMT|2026-11-26T16:20:31",   // two digits for seconds, rest ignored
    })
    void parses(String value, String expected) {
        LocalDateTime t = LocalDateTime.parse(expected);
        assertEquals(utc(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
                t.getSecond()), HttpDate.parse(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "26 Nov 2026 16:20:31 GMT",          // no weekday
        "Thu 26 Nov 2026 16:20:31 GMT",      // no comma
        "Thu, 32 Nov 2026 16:20:31 GMT",     // two digits read, 32 > 31
        "Thu, 00 Nov 2026 16:20:31 GMT",
        "Thu, 26 Nox 2026 16:20:31 GMT",
        "Thu, 26 Nov 2026 24:20:31 GMT",
        "Thu, 26 Nov 2026 16:60:31 GMT",
        "Thu, 26 Nov 2026 16:20:62 GMT",
        "Thu, 26 Nov 2026 16-20-31 GMT",
        "Thu, 26 Nov 2026 16:20",
        "Thursday, 2026-11-26T16:20:31Z",
        "yesterday",
        "''",
    })
    void rejects(String value) {
        assertEquals(0, HttpDate.parse(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Thu, 26 Nov 2106 16:20:31 GMT|2106-11-26T16:20:31",   // beyond 2106-02-07 the u32 wraps
        "Thu, 31 Dec 1969 23:59:59 GMT|1969-12-31T23:59:59",
        "Thu, 01 Jan 0 00:00:00 GMT|0000-01-01T00:00:00",
    })
    void storedAsUnsigned32Bits(String value, String expected) {
        LocalDateTime t = LocalDateTime.parse(expected);
        long unix = t.toEpochSecond(ZoneOffset.UTC);
        assertEquals(unix & 0xFFFF_FFFFL, HttpDate.parse(value));
    }

    @Test
    void nulEndsTheValue() {
        assertEquals(utc(2026, 11, 26, 16, 20, 31), HttpDate.parse("Thu, 26 Nov 2026 16:20:31 GMT\u0000junk"));
        assertEquals(0, HttpDate.parse("Thu, 26 Nov 2026 16:20\u0000:31 GMT"));
        assertEquals(0, HttpDate.parse(null));
    }
}
