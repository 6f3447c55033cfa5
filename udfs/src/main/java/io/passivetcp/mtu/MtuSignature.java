package io.passivetcp.mtu;

import io.passivetcp.signature.LineCursor;
import io.passivetcp.signature.SignatureSyntaxException;

/**
 * One {@code sig = N} line of the {@code [mtu]} section (spec §3.6).
 *
 * @param link the section's current label: the link type name
 * @param mtu  1–65535
 * @param line 1-based line of the sig
 */
public record MtuSignature(String link, int mtu, int line) {
    private static final int MAX_MTU = 65535;

    /** Parses the value of an [mtu] {@code sig} line: decimal digits and nothing else. */
    public static MtuSignature parse(LineCursor c, String link) throws SignatureSyntaxException {
        int start = c.position();
        long value = c.readNumber();
        if (c.position() == start || !c.atEnd() || value < 1 || value > MAX_MTU) {
            throw c.error("malformed MTU value (expected a decimal 1-65535 and nothing else)");
        }
        return new MtuSignature(link, (int) value, c.line());
    }
}
