package io.passivetcp.signature;

/**
 * Reads one statement value of a p0f.fp line left to right, the way p0f's parsers walk a C string: past the end
 * every read sees {@code '\0'}, so "end of value" is just one more character that matches no rule.
 *
 * <p>The module parsers ({@code tcp}, {@code http}, {@code mtu}) get one of these per {@code sig} line; it also
 * knows where the line came from, to build {@link SignatureSyntaxException}s.
 */
public final class LineCursor {
    /** Characters allowed in OS/application names besides letters and digits (p0f {@code NAME_CHARS}). */
    public static final String NAME_CHARS = " ./-_!?()";

    /** Larger than any range p0f checks; digit runs saturate here instead of overflowing (p0f's atol saturates). */
    private static final long SATURATED = 1L << 40;

    private final String source;
    private final int line;
    private final String text;
    private int pos;

    public LineCursor(String source, int line, String text) {
        this.source = source;
        this.line = line;
        this.text = text;
    }

    public String source() {
        return source;
    }

    /** 1-based line number in the database file. */
    public int line() {
        return line;
    }

    public int position() {
        return pos;
    }

    public boolean atEnd() {
        return pos >= text.length();
    }

    /** The current character, or {@code '\0'} at or past the end. */
    public char peek() {
        return peek(0);
    }

    public char peek(int ahead) {
        int i = pos + ahead;
        return i < text.length() ? text.charAt(i) : '\0';
    }

    public void skip(int n) {
        pos += n;
    }

    public boolean startsWith(String prefix) {
        return pos <= text.length() && text.startsWith(prefix, pos);
    }

    /** Consumes {@code c} if it is next. */
    public boolean skipIf(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes a run of decimal digits; an empty run reads 0, as C's atol does. */
    public long readNumber() {
        long value = 0;
        while (isDigit(peek())) {
            value = Math.min(SATURATED, value * 10 + (peek() - '0'));
            pos++;
        }
        return value;
    }

    /** Consumes the longest run of characters accepted by {@code accepted}, possibly empty. */
    public String readWhile(CharPredicate accepted) {
        int start = pos;
        while (!atEnd() && accepted.test(peek())) {
            pos++;
        }
        return start >= text.length() ? "" : text.substring(start, pos);
    }

    /** Consumes everything up to the end of the value. */
    public String rest() {
        String r = atEnd() ? "" : text.substring(pos);
        pos = Math.max(pos, text.length());
        return r;
    }

    public SignatureSyntaxException error(String reason) {
        return new SignatureSyntaxException(source, line, reason);
    }

    // ---- p0f's character classes (C locale: ASCII only) ----

    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    public static boolean isAlnum(char c) {
        return isAlpha(c) || isDigit(c);
    }

    /** C's isblank: space or tab. */
    public static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    public static boolean isNameChar(char c) {
        return isAlnum(c) || (c != '\0' && NAME_CHARS.indexOf(c) >= 0);
    }

    /** A char test that needs no boxing. */
    @FunctionalInterface
    public interface CharPredicate {
        boolean test(char c);
    }
}
