package io.passivetcp.http;

import java.time.LocalDate;

/**
 * The response {@code Date} parsing of spec §7.4 / Q-21: glibc {@code strptime(value, "%a, %d %b %Y %H:%M:%S %Z")}
 * in the C locale, then {@code mktime} with the process running in UTC, stored as p0f's unsigned 32-bit field.
 *
 * <p>glibc details reproduced: a blank in the format matches any run of white space (also none); numbers skip
 * leading white space and stop early once another digit would exceed the maximum; {@code %a}/{@code %b} accept the
 * full or abbreviated English name, case-insensitively, longest match; {@code %Z} skips one word (possibly
 * empty) and converts nothing; text after the format is ignored. {@code mktime} normalises out-of-range days and
 * seconds (31 Feb, second 60) and ignores the weekday.
 */
public final class HttpDate {
    private static final String[] WEEKDAYS =
            {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};
    private static final int ABBREVIATION = 3;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final long U32 = 0xFFFF_FFFFL;
    private static final long FAIL = Long.MIN_VALUE;

    private final String s;
    private int pos;

    private HttpDate(String s) {
        this.s = s;
    }

    /** Unix seconds as an unsigned 32-bit value (p0f's {@code u32}), or 0 when the value does not parse. */
    public static long parse(String value) {
        if (value == null) {
            return 0;
        }
        int nul = value.indexOf('\0');
        HttpDate p = new HttpDate(nul >= 0 ? value.substring(0, nul) : value);
        long t = p.parseFields();
        return t == FAIL ? 0 : t & U32;
    }

    /** The format, left to right; {@link #FAIL} where strptime would return NULL. */
    private long parseFields() {
        if (longestName(WEEKDAYS) < 0 || !literal(',')) {
            return FAIL;
        }
        int day = number(1, 31, 2);
        int month = day < 0 ? -1 : longestNameAfterSpace(MONTHS);
        int year = month < 0 ? -1 : number(0, 9999, 4);
        int hour = year < 0 ? -1 : number(0, 23, 2);
        int minute = hour >= 0 && literal(':') ? number(0, 59, 2) : -1;
        int second = minute >= 0 && literal(':') ? number(0, 61, 2) : -1;
        if (second < 0) {
            return FAIL;
        }
        skipSpace();
        skipWord(); // %Z: the zone name is read but not used
        return mktimeUtc(year, month, day, hour, minute, second);
    }

    private int longestNameAfterSpace(String[] names) {
        skipSpace();
        return longestName(names);
    }

    /** mktime in UTC: days and seconds beyond their month/minute roll over linearly. */
    static long mktimeUtc(int year, int month0, int day, int hour, int minute, int second) {
        long days = LocalDate.of(year, month0 + 1, 1).toEpochDay() + day - 1;
        return days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
    }

    /** glibc {@code get_number} (which skips leading white space itself); -1 when it fails. */
    private int number(int from, int to, int maxDigits) {
        skipSpace();
        if (pos >= s.length() || !isDigit(s.charAt(pos))) {
            return -1;
        }
        int val = 0;
        int left = maxDigits;
        do {
            val = val * 10 + (s.charAt(pos++) - '0');
        } while (--left > 0 && val * 10 <= to && pos < s.length() && isDigit(s.charAt(pos)));
        return val < from || val > to ? -1 : val;
    }

    /** Index of the name (full or 3-letter form, any case) with the longest match at pos, advancing; or -1. */
    private int longestName(String[] names) {
        int best = -1;
        int bestLen = 0;
        for (int i = 0; i < names.length; i++) {
            for (String form : new String[] {names[i], names[i].substring(0, ABBREVIATION)}) {
                if (form.length() > bestLen && s.regionMatches(true, pos, form, 0, form.length())) {
                    best = i;
                    bestLen = form.length();
                }
            }
        }
        pos += bestLen;
        return best;
    }

    private boolean literal(char c) {
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (pos < s.length() && isSpace(s.charAt(pos))) {
            pos++;
        }
    }

    private void skipWord() {
        while (pos < s.length() && !isSpace(s.charAt(pos))) {
            pos++;
        }
    }

    /** C {@code isspace} in the C locale. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
