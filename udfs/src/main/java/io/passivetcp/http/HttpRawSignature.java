package io.passivetcp.http;

import io.passivetcp.P0fConfig;
import io.passivetcp.signature.SignatureDatabase;

import java.util.ArrayList;
import java.util.List;

/**
 * Spec §7.8: renders an observed header block as {@code ver:HEADERS:MISSING:SW}, using the direction's built-in
 * optional / skip-value / common lists of Appendix A ({@link HttpSignatureHeaderTable}); and reads one back.
 */
final class HttpRawSignature {
    private HttpRawSignature() {}

    static String render(HttpMessage m) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(m.version()).append(':');
        appendHeaders(sb, m);
        sb.append(':');
        appendMissing(sb, m);
        sb.append(':');
        if (m.software() != null) {
            sb.append(cut(m.software(), true));
        }
        return sb.toString();
    }

    /**
     * The header block a raw_sig shows: version and headers in order, with the values it prints. A header printed
     * without a value ({@code ?Name}, or a skip-value one) gets none, except the User-Agent of a request and the
     * Server of a response, which get the software field. The MISSING list only restates absences.
     *
     * @throws IllegalArgumentException when {@code rawSig} is not {@code ver:HEADERS:MISSING:SW}
     */
    static HttpMessage parse(String rawSig, boolean request, SignatureDatabase db) {
        if (rawSig.length() < 2 || (rawSig.charAt(0) != '0' && rawSig.charAt(0) != '1') || rawSig.charAt(1) != ':') {
            throw malformed(rawSig, "a version 0 or 1 and ':'");
        }
        int at = 2;
        List<String[]> shown = new ArrayList<>();
        boolean more = !rawSig.startsWith(":", at);
        while (more) {
            int start = at;
            at += rawSig.startsWith("?", at) ? 1 : 0;
            int nameStart = at;
            while (at < rawSig.length() && HttpHeaderParser.isNameByte(rawSig.charAt(at))) {
                at++;
            }
            if (at == nameStart) {
                throw malformed(rawSig, "a header name at offset " + start);
            }
            String name = rawSig.substring(nameStart, at);
            String value = null;
            if (rawSig.startsWith("=[", at)) {
                int end = rawSig.indexOf(']', at + 2);
                if (end < 0) {
                    throw malformed(rawSig, "']' closing the value at offset " + at);
                }
                value = rawSig.substring(at + 2, end);
                at = end + 1;
            }
            shown.add(new String[] {name, value});
            more = rawSig.startsWith(",", at);
            at += more ? 1 : 0;
        }
        int missingEnd = rawSig.indexOf(':', at + 1);
        if (!rawSig.startsWith(":", at) || missingEnd < 0) {
            throw malformed(rawSig, "':' after the headers and after the missing list");
        }
        String software = rawSig.substring(missingEnd + 1);
        String softwareHeader = request ? "User-Agent" : "Server";
        List<HttpMessage.Header> headers = new ArrayList<>(shown.size());
        for (String[] h : shown) {
            String value = h[1] == null && h[0].equals(softwareHeader) && !software.isEmpty() ? software : h[1];
            headers.add(new HttpMessage.Header(h[0], db.headerId(h[0]), value));
        }
        return new HttpMessage(request, rawSig.charAt(0) - '0', headers);
    }

    private static IllegalArgumentException malformed(String rawSig, String expected) {
        return new IllegalArgumentException("not a raw HTTP signature (expected " + expected + "): " + rawSig);
    }

    private static void appendHeaders(StringBuilder sb, HttpMessage m) {
        List<String> optional = m.request()
                ? HttpSignatureHeaderTable.REQUEST_OPTIONAL : HttpSignatureHeaderTable.RESPONSE_OPTIONAL;
        List<String> skipValue = m.request()
                ? HttpSignatureHeaderTable.REQUEST_SKIP_VALUE : HttpSignatureHeaderTable.RESPONSE_SKIP_VALUE;
        boolean first = true;
        for (HttpMessage.Header h : m.headers()) {
            sb.append(first ? "" : ",");
            first = false;
            if (h.id() < 0) {
                // Unknown header: literal name, value always shown, and '|' is kept (Q-20) [T 08 X-Odd=[a|b]].
                sb.append(h.name());
                appendValue(sb, h.value(), true);
                continue;
            }
            boolean isOptional = optional.contains(h.name());
            sb.append(isOptional ? "?" : "").append(h.name());
            if (!isOptional && !skipValue.contains(h.name())) {
                appendValue(sb, h.value(), false);
            }
        }
    }

    private static void appendValue(StringBuilder sb, String value, boolean keepPipe) {
        if (value == null) {
            return;
        }
        String shown = cut(value, keepPipe);
        if (!shown.isEmpty()) {
            sb.append("=[").append(shown).append(']');
        }
    }

    /** The common headers of the direction, in list order, that were not observed. */
    private static void appendMissing(StringBuilder sb, HttpMessage m) {
        List<String> common = m.request()
                ? HttpSignatureHeaderTable.REQUEST_COMMON : HttpSignatureHeaderTable.RESPONSE_COMMON;
        boolean first = true;
        for (String name : common) {
            if (!observed(m, name)) {
                sb.append(first ? "" : ",").append(name);
                first = false;
            }
        }
    }

    private static boolean observed(HttpMessage m, String name) {
        for (HttpMessage.Header h : m.headers()) {
            if (h.id() >= 0 && h.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The prefix up to the first byte below 0x20 or from 0x80, or ']' (or '|' unless {@code keepPipe}), at most
     * HTTP_MAX_SHOW bytes.
     */
    static String cut(String value, boolean keepPipe) {
        int n = 0;
        int max = Math.min(value.length(), P0fConfig.HTTP_MAX_SHOW);
        while (n < max) {
            char c = value.charAt(n);
            if (c < 0x20 || c >= 0x80 || c == ']' || (c == '|' && !keepPipe)) {
                break;
            }
            n++;
        }
        return value.substring(0, n);
    }
}
