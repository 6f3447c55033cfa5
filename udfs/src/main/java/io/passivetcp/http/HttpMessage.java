package io.passivetcp.http;

import io.passivetcp.signature.SignatureDatabase;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A complete header block as observed (p0f's temporary {@code http_sig}): version, headers in arrival order and
 * the special headers of spec §7.4. Immutable.
 *
 * <p>Bytes are decoded as ISO-8859-1, so one char is one byte. Values are C strings in p0f: every use (substring
 * tests, rendering, date parsing) stops at the first NUL byte, so they are kept truncated there.
 */
final class HttpMessage {
    /**
     * One observed header.
     *
     * @param name  the literal name (only {@code [A-Za-z0-9_-]})
     * @param id    its id in the database header table, or -1 when unknown (never satisfies a sig entry)
     * @param value null when the line had no value; else the value up to its first NUL (possibly "")
     */
    record Header(String name, int id, String value) {}

    private final boolean request;
    private final int version;
    private final List<Header> headers;
    private String software;
    private String acceptLanguage;
    private boolean via;
    private String dateValue;

    HttpMessage(boolean request, int version, List<Header> headers) {
        this.request = request;
        this.version = version;
        this.headers = List.copyOf(headers);
        for (Header h : this.headers) {
            noteSpecial(h);
        }
    }

    /** The header block {@link HttpHeaderParser} recorded in {@code st} over {@code buf}. */
    static HttpMessage fromState(HttpFlowState st, byte[] buf, boolean request, SignatureDatabase db) {
        List<Header> list = new ArrayList<>(st.headerCount);
        for (int i = 0; i < st.headerCount; i++) {
            int at = i * HttpFlowState.SPAN_INTS;
            String name = new String(buf, st.headerSpans[at], st.headerSpans[at + 1], StandardCharsets.ISO_8859_1);
            int valueLen = st.headerSpans[at + 3];
            String value = valueLen == 0 ? null : cString(buf, st.headerSpans[at + 2], valueLen);
            list.add(new Header(name, db.headerId(name), value)); // exact-case lookup
        }
        return new HttpMessage(request, st.httpVersion, list);
    }

    /** The bytes up to the first NUL, as ISO-8859-1. */
    static String cString(byte[] buf, int off, int len) {
        int n = 0;
        while (n < len && buf[off + n] != 0) {
            n++;
        }
        return new String(buf, off, n, StandardCharsets.ISO_8859_1);
    }

    /**
     * Special headers (§7.4): exact-case name and a non-empty value; a repeated one overwrites the earlier.
     * Requests: User-Agent, Accept-Language; responses: Server, Date; both: Via / X-Forwarded-For.
     */
    private void noteSpecial(Header h) {
        if (h.value() == null) {
            return;
        }
        String name = h.name();
        if (name.equals("Via") || name.equals("X-Forwarded-For")) {
            via = true;
        } else if (request && name.equals("User-Agent") || !request && name.equals("Server")) {
            software = h.value();
        } else if (request && name.equals("Accept-Language")) {
            acceptLanguage = h.value();
        } else if (!request && name.equals("Date")) {
            dateValue = h.value();
        }
    }

    boolean request() {
        return request;
    }

    /** 0 or 1. */
    int version() {
        return version;
    }

    List<Header> headers() {
        return headers;
    }

    /** User-Agent (request) or Server (response) value, or null (= anonymous). */
    String software() {
        return software;
    }

    /** Accept-Language value of a request, or null. */
    String acceptLanguage() {
        return acceptLanguage;
    }

    /** A Via or X-Forwarded-For header with a value. */
    boolean via() {
        return via;
    }

    /** Date value of a response, or null. */
    String dateValue() {
        return dateValue;
    }

    /** Whether a header with this database id was observed. */
    boolean has(int id) {
        for (Header h : headers) {
            if (h.id() == id) {
                return true;
            }
        }
        return false;
    }
}
