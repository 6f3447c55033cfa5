package io.passivetcp.http;

import io.passivetcp.P0fConfig;
import io.passivetcp.signature.Label;
import io.passivetcp.signature.LineCursor;
import io.passivetcp.signature.SignatureSyntaxException;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP {@code sig} grammar (spec §3.8), as p0f's {@code http_register_sig} reads it, plus its load-time
 * duplicate detection (spec §3.9).
 */
public final class HttpSignatureParser {
    private HttpSignatureParser() {}

    /** Parses one sig value; header names are registered in {@code headers}. */
    public static HttpSignature parse(LineCursor c, Label label, HttpSignatureHeaderTable headers)
            throws SignatureSyntaxException {
        int version = parseVersion(c);
        List<HttpSignature.Header> horder = parseHeaderOrder(c, headers);
        List<HttpSignature.Header> habsent = parseAbsentHeaders(c, headers);
        String expsw = c.rest();
        if (expsw.indexOf(':') >= 0) {
            throw c.error("malformed signature (the expected software string must not contain ':')");
        }
        return new HttpSignature(label, c.line(), version, horder, habsent, expsw);
    }

    /** Parses, refuses a sig already covered by an earlier specific one (spec §3.9), appends. */
    public static void register(List<HttpSignature> section, HttpDuplicateIndex specifics, LineCursor c, Label label,
            HttpSignatureHeaderTable headers) throws SignatureSyntaxException {
        HttpSignature sig = parse(c, label, headers);
        HttpSignature covering = specifics.findCovering(sig);
        if (covering != null) {
            throw c.error("Signature in line " + sig.line() + " is already covered by line " + covering.line() + ".");
        }
        section.add(sig);
        specifics.add(sig);
    }

    private static int parseVersion(LineCursor c) throws SignatureSyntaxException {
        if (c.peek(1) != ':') {
            throw c.error("malformed signature (expected the HTTP version, then ':')");
        }
        int version = switch (c.peek()) {
            case '0' -> 0;
            case '1' -> 1;
            case '*' -> HttpSignature.ANY_VERSION;
            default -> throw c.error("bad HTTP version (expected 0, 1 or *)");
        };
        c.skip(2);
        return version;
    }

    /** {@code [?]Name[=[value]]} entries separated by ',', then ':'. */
    private static List<HttpSignature.Header> parseHeaderOrder(LineCursor c, HttpSignatureHeaderTable headers)
            throws SignatureSyntaxException {
        List<HttpSignature.Header> list = new ArrayList<>();
        while (c.peek() != ':') {
            checkCount(c, list);
            boolean optional = c.skipIf('?');
            String name = readHeaderName(c);
            String value = null;
            if (c.peek() == '=') {
                value = readRequiredValue(c);
            }
            list.add(new HttpSignature.Header(name, headers.intern(name), optional, value));
            expectSeparator(c);
        }
        c.skip(1);
        return list;
    }

    /** Header names separated by ',', then ':'. */
    private static List<HttpSignature.Header> parseAbsentHeaders(LineCursor c, HttpSignatureHeaderTable headers)
            throws SignatureSyntaxException {
        List<HttpSignature.Header> list = new ArrayList<>();
        while (c.peek() != ':') {
            checkCount(c, list);
            String name = readHeaderName(c);
            list.add(new HttpSignature.Header(name, headers.intern(name), false, null));
            expectSeparator(c);
        }
        c.skip(1);
        return list;
    }

    private static void checkCount(LineCursor c, List<?> list) throws SignatureSyntaxException {
        if (list.size() >= P0fConfig.HTTP_MAX_HDRS) {
            throw c.error("too many headers listed (at most " + P0fConfig.HTTP_MAX_HDRS + ")");
        }
    }

    private static String readHeaderName(LineCursor c) throws SignatureSyntaxException {
        String name = c.readWhile(ch -> LineCursor.isAlnum(ch) || ch == '-' || ch == '_');
        if (name.isEmpty()) {
            throw c.error("malformed header name (letters, digits, '-' and '_')");
        }
        return name;
    }

    /** {@code =[value]}: non-empty, up to the next ']'. */
    private static String readRequiredValue(LineCursor c) throws SignatureSyntaxException {
        if (c.peek(1) != '[') {
            throw c.error("missing '[' after '='");
        }
        c.skip(2);
        String value = c.readWhile(ch -> ch != ']');
        if (value.isEmpty() || c.atEnd()) {
            throw c.error("malformed signature (expected a non-empty '=[value]')");
        }
        c.skip(1);
        return value;
    }

    /** ',' continues the list (even right before the closing ':', as p0f allows); ':' ends it. */
    private static void expectSeparator(LineCursor c) throws SignatureSyntaxException {
        if (!c.skipIf(',') && c.peek() != ':') {
            throw c.error("malformed signature (expected ',' or ':' after a header)");
        }
    }

    /**
     * §7.6 with {@code newer} playing the traffic, plus the duplicate-mode rule that {@code earlier}'s absent list
     * must fit into {@code newer}'s. p0f's Bloom pre-filters leave {@code newer}'s {@code ?} headers out, so they
     * neither satisfy a required header of {@code earlier} nor trip its absent list (spec §3.9: "treat them as
     * absent"); the ordered scan itself still sees them, as in p0f.
     */
    static boolean coversAsDuplicate(HttpSignature earlier, HttpSignature newer) {
        if (earlier.version() != HttpSignature.ANY_VERSION && earlier.version() != newer.version()) {
            return false;
        }
        for (HttpSignature.Header h : earlier.horder()) {
            if (!h.optional() && !hasRequired(newer.horder(), h.id())) {
                return false;
            }
        }
        if (!headersInOrder(earlier.horder(), newer.horder())) {
            return false;
        }
        for (HttpSignature.Header absent : earlier.habsent()) {
            if (hasRequired(newer.horder(), absent.id())) {
                return false;
            }
        }
        return absentListFits(earlier.habsent(), newer.habsent());
    }

    private static boolean hasRequired(List<HttpSignature.Header> headers, int id) {
        for (HttpSignature.Header h : headers) {
            if (!h.optional() && h.id() == id) {
                return true;
            }
        }
        return false;
    }

    /** The ordered header walk of §7.6. */
    private static boolean headersInOrder(List<HttpSignature.Header> sig, List<HttpSignature.Header> seen) {
        int pos = 0;
        for (HttpSignature.Header e : sig) {
            int j = indexOf(seen, e.id(), pos);
            if (j < 0) {
                if (!e.optional() || indexOf(seen, e.id(), 0) >= 0) {
                    return false; // missing, or optional but out of order
                }
                continue;
            }
            String value = seen.get(j).value();
            if (e.value() != null && (value == null || !value.contains(e.value()))) {
                return false;
            }
            pos = j + 1;
        }
        return true;
    }

    private static int indexOf(List<HttpSignature.Header> headers, int id, int from) {
        for (int i = from; i < headers.size(); i++) {
            if (headers.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    /** Not more entries than {@code newer}'s, and each one also in {@code newer}'s list. */
    private static boolean absentListFits(List<HttpSignature.Header> earlier, List<HttpSignature.Header> newer) {
        if (earlier.size() > newer.size()) {
            return false;
        }
        for (HttpSignature.Header h : earlier) {
            if (indexOf(newer, h.id(), 0) < 0) {
                return false;
            }
        }
        return true;
    }
}
