package io.passivetcp.http;

import java.nio.charset.StandardCharsets;

/**
 * Byte-exact {@code strstr} between observed values (ISO-8859-1 strings, one char per byte) and strings from the
 * signature database (read as UTF-8, so a non-ASCII character stands for several bytes).
 */
final class CStrings {
    private CStrings() {}

    /** C {@code strstr(haystack, needle) != NULL}; both are already NUL-free. */
    static boolean contains(String latin1Haystack, String dbNeedle) {
        return latin1Haystack.contains(asLatin1Bytes(dbNeedle));
    }

    /** The database string's UTF-8 bytes, one char per byte (the string itself when it is ASCII). */
    static String asLatin1Bytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return s;
    }
}
