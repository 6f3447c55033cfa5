package io.passivetcp.http;

import io.passivetcp.P0fConfig;

import java.util.List;

/**
 * Spec §7.8: renders an observed header block as {@code ver:HEADERS:MISSING:SW}, using the direction's built-in
 * optional / skip-value / common lists of Appendix A ({@link HttpSignatureHeaderTable}).
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
