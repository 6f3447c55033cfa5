package io.passivetcp.tcp;

import io.passivetcp.P0fConfig;
import io.passivetcp.signature.Label;
import io.passivetcp.signature.LineCursor;
import io.passivetcp.signature.SignatureSyntaxException;

import java.util.Arrays;
import java.util.List;

/**
 * The TCP {@code sig} grammar (spec §3.7), parsed strictly left to right like p0f's {@code tcp_register_sig}:
 * {@code ver:ittl:olen:mss:wsize,scale:olayout:quirks:pclass}. One instance per line.
 */
public final class TcpSignatureParser {
    private static final int MAX_U8 = 255;
    private static final int MAX_U16 = 65535;
    private static final int MIN_MODULO = 2;
    private static final int MAX_MULTIPLIER = 1000;
    /** Quirks that only an IPv4 header can show; fatal in a {@code 6:} sig. */
    private static final int IPV4_ONLY_QUIRKS =
            Quirk.DF.bit() | Quirk.ID_PLUS.bit() | Quirk.ID_MINUS.bit() | Quirk.ZERO_PLUS.bit();
    /** Layout tokens recognised by prefix, in p0f's order ({@code eol} and {@code ?K} are handled apart). */
    private static final String[] OPTION_TOKENS = {"nop", "mss", "ws", "sok", "sack", "ts"};
    private static final int[] OPTION_KINDS = {
        TcpOption.NOP, TcpOption.MSS, TcpOption.WS, TcpOption.SOK, TcpOption.SACK, TcpOption.TS};

    private final LineCursor c;
    private int ipVersion;
    private int ittl;
    private boolean badTtl;
    private int olen;
    private int mss;
    private WindowType windowType;
    private int window;
    private int wscale;
    private final byte[] layout = new byte[P0fConfig.MAX_TCP_OPT];
    private int layoutLength;
    private int eolPad;
    private int quirks;
    private int payloadClass;

    private TcpSignatureParser(LineCursor c) {
        this.c = c;
    }

    /** Parses one sig value (the text after {@code sig =}). */
    public static TcpSignature parse(LineCursor c, Label label) throws SignatureSyntaxException {
        TcpSignatureParser p = new TcpSignatureParser(c);
        p.parseVersion();
        p.parseTtl();
        p.parseOlen();
        p.parseMss();
        p.parseWindow();
        p.parseScale();
        p.parseLayout();
        p.parseQuirks();
        p.parsePayloadClass();
        return new TcpSignature(label, c.line(), p.ipVersion, p.ittl, p.badTtl, p.olen, p.mss, p.windowType,
                p.window, p.wscale, Arrays.copyOf(p.layout, p.layoutLength), p.eolPad, p.quirks, p.payloadClass);
    }

    /**
     * p0f's {@code tcp_register_sig}: parses the sig, refuses it if an earlier specific sig of the same section
     * already accepts it exactly (spec §3.9, with BUG-5), and appends it.
     */
    public static void register(List<TcpSignature> section, TcpDuplicateIndex specifics, LineCursor c, Label label)
            throws SignatureSyntaxException {
        TcpSignature sig = parse(c, label);
        TcpSignature covering = specifics.findCovering(sig);
        if (covering != null) {
            throw c.error("Signature in line " + sig.line() + " is already covered by line " + covering.line() + ".");
        }
        section.add(sig);
        specifics.add(sig);
    }

    private void parseVersion() throws SignatureSyntaxException {
        switch (c.peek()) {
            case '4' -> ipVersion = 4;
            case '6' -> ipVersion = 6;
            case '*' -> ipVersion = TcpSignature.ANY;
            default -> throw c.error("unrecognized IP version (expected 4, 6 or *)");
        }
        if (c.peek(1) != ':') {
            throw malformed("':' after the IP version");
        }
        c.skip(2);
    }

    /** {@code N:}, {@code N+D:} or {@code N-:}. */
    private void parseTtl() throws SignatureSyntaxException {
        long ttl = c.readNumber();
        char separator = c.peek();
        if (separator != ':' && separator != '+' && separator != '-') {
            throw malformed("initial TTL followed by ':', '+D:' or '-:'");
        }
        if (ttl < 1 || ttl > MAX_U8) {
            throw c.error("bogus initial TTL (expected 1-255)");
        }
        c.skip(1);
        if (separator == '-' && c.peek() == ':') {
            badTtl = true;
            skipColonAndFirstOlenCharacterBug3();
        } else if (separator == '+') {
            long distance = c.readNumber();
            if (c.peek() != ':') {
                throw malformed("':' after the TTL distance");
            }
            if (ttl + distance > MAX_U8) {
                throw c.error("bogus initial TTL (TTL + distance above 255)");
            }
            ttl += distance;
            c.skip(1);
        }
        ittl = (int) ttl;
    }

    /**
     * BUG-3 (spec §3.7, §10): after {@code N-} p0f skips two characters instead of one, so the first character of
     * {@code olen} is lost: {@code 64-:0:} reads olen 0, {@code 64-:4:} also 0, {@code 64-:12:} reads 2
     * [T customdb]. Reproduced so that databases load with p0f's meaning.
     */
    private void skipColonAndFirstOlenCharacterBug3() {
        c.skip(2);
    }

    private void parseOlen() throws SignatureSyntaxException {
        long value = c.readNumber();
        expect(':', "IP option length followed by ':'");
        if (value > MAX_U8) {
            throw c.error("bogus IP option length (expected 0-255)");
        }
        olen = (int) value;
    }

    private void parseMss() throws SignatureSyntaxException {
        if (c.peek() == '*' && c.peek(1) == ':') {
            mss = TcpSignature.ANY;
            c.skip(2);
            return;
        }
        long value = c.readNumber();
        expect(':', "MSS ('*' or a number) followed by ':'");
        if (value > MAX_U16) {
            throw c.error("bogus MSS (expected 0-65535)");
        }
        mss = (int) value;
    }

    private void parseWindow() throws SignatureSyntaxException {
        if (c.peek() == '*' && c.peek(1) == ',') {
            windowType = WindowType.ANY;
            c.skip(2);
        } else if (c.skipIf('%')) {
            windowType = WindowType.MODULO;
            window = readWindowNumber(MIN_MODULO, MAX_U16, "bogus '%' value (expected 2-65535)");
        } else if (c.startsWith("mss*") || c.startsWith("mtu*")) {
            windowType = c.peek(1) == 's' ? WindowType.MSS : WindowType.MTU;
            c.skip(4);
            window = readWindowNumber(1, MAX_MULTIPLIER, "bogus MSS/MTU multiplier (expected 1-1000)");
        } else {
            windowType = WindowType.LITERAL;
            window = readWindowNumber(0, MAX_U16, "bogus window size (expected 0-65535)");
        }
    }

    private int readWindowNumber(int min, int max, String bogus) throws SignatureSyntaxException {
        long value = c.readNumber();
        expect(',', "window size followed by ','");
        if (value < min || value > max) {
            throw c.error(bogus);
        }
        return (int) value;
    }

    private void parseScale() throws SignatureSyntaxException {
        if (c.peek() == '*' && c.peek(1) == ':') {
            wscale = TcpSignature.ANY;
            c.skip(2);
            return;
        }
        long value = c.readNumber();
        expect(':', "window scale ('*' or a number) followed by ':'");
        if (value > MAX_U8) {
            throw c.error("bogus window scale (expected 0-255)");
        }
        wscale = (int) value;
    }

    /** Up to 24 comma-separated option tokens, then ':' (a comma right before the ':' is tolerated, as in p0f). */
    private void parseLayout() throws SignatureSyntaxException {
        while (c.peek() != ':') {
            if (layoutLength >= P0fConfig.MAX_TCP_OPT) {
                throw c.error("too many TCP options (at most " + P0fConfig.MAX_TCP_OPT + ")");
            }
            layout[layoutLength++] = (byte) parseOptionToken();
            if (c.peek() == ':') {
                break;
            }
            if (!c.skipIf(',')) {
                throw c.error("malformed TCP option layout (expected ',' or ':' after an option)");
            }
        }
        c.skip(1);
    }

    private int parseOptionToken() throws SignatureSyntaxException {
        if (c.startsWith("eol")) {
            c.skip(3);
            parseEolPadding();
            return TcpOption.EOL;
        }
        for (int i = 0; i < OPTION_TOKENS.length; i++) {
            if (c.startsWith(OPTION_TOKENS[i])) {
                c.skip(OPTION_TOKENS[i].length());
                return OPTION_KINDS[i];
            }
        }
        if (c.skipIf('?')) {
            long kind = c.readNumber();
            if (c.peek() != ':' && c.peek() != ',') {
                throw c.error("malformed '?' option (expected ?K with K a number)");
            }
            if (kind > MAX_U8) {
                throw c.error("bogus '?' option (expected 0-255)");
            }
            return (int) kind;
        }
        throw c.error("unrecognized TCP option (expected eol+N, nop, mss, ws, sok, sack, ts or ?K)");
    }

    private void parseEolPadding() throws SignatureSyntaxException {
        if (!c.skipIf('+')) {
            throw c.error("malformed EOL option (expected eol+N)");
        }
        long pad = c.readNumber();
        if (c.atEnd()) {
            throw c.error("truncated options (the sig ends inside the layout)");
        }
        if (c.peek() != ':') {
            throw c.error("EOL must be the last option");
        }
        if (pad > MAX_U8) {
            throw c.error("bogus EOL padding (expected 0-255)");
        }
        eolPad = (int) pad;
    }

    /** Comma-separated quirk tokens, then ':'; IPv4-only quirks are fatal in a 6: sig and flow in a 4: sig. */
    private void parseQuirks() throws SignatureSyntaxException {
        while (c.peek() != ':') {
            Quirk q = readQuirkToken();
            if (ipVersion == 6 && (q.bit() & IPV4_ONLY_QUIRKS) != 0) {
                throw c.error("'" + q.token() + "' is not valid for IPv6");
            }
            if (ipVersion == 4 && q == Quirk.FLOW) {
                throw c.error("'flow' is not valid for IPv4");
            }
            quirks |= q.bit();
            if (c.peek() == ':') {
                break;
            }
            if (!c.skipIf(',')) {
                throw c.error("malformed quirks (expected ',' or ':' after a quirk)");
            }
        }
        c.skip(1);
    }

    /** Tokens are recognised by prefix in the canonical order, as p0f does. */
    private Quirk readQuirkToken() throws SignatureSyntaxException {
        for (Quirk q : Quirk.values()) {
            if (c.startsWith(q.token())) {
                c.skip(q.token().length());
                return q;
            }
        }
        throw c.error("unrecognized quirk");
    }

    /** Exactly {@code *}, {@code 0} or {@code +} up to the end of the line (trailing blanks are fatal [T]). */
    private void parsePayloadClass() throws SignatureSyntaxException {
        switch (c.rest()) {
            case "*" -> payloadClass = TcpSignature.ANY;
            case "0" -> payloadClass = 0;
            case "+" -> payloadClass = 1;
            default -> throw c.error("malformed payload class (expected exactly '*', '0' or '+' up to the end)");
        }
    }

    private void expect(char separator, String what) throws SignatureSyntaxException {
        if (!c.skipIf(separator)) {
            throw malformed(what);
        }
    }

    private SignatureSyntaxException malformed(String expected) {
        return c.error("malformed signature (expected " + expected + ")");
    }
}
