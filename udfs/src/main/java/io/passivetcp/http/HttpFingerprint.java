package io.passivetcp.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.passivetcp.signature.Label;
import io.passivetcp.signature.SignatureDatabase;

/**
 * One {@code http request} / {@code http response} event: what it prints (spec §7.7, §7.8) and what host updates and
 * NAT scoring need afterwards (§7.9, §8.8). Immutable.
 */
public final class HttpFingerprint {
    /** Printed label value when nothing matched. */
    public static final String UNKNOWN = "???";
    /** Printed {@code lang} / {@code params} when there is nothing to say. */
    public static final String NONE = "none";

    private final boolean request;
    private final HttpSignature match;
    private final String labelValue;
    private final String lang;
    private final String language;
    private final String params;
    private final String rawSig;
    private final boolean dishonest;
    private final String software;
    private final boolean hasVia;
    private final long date;
    private final long receivedSeconds;
    private final int httpVersion;
    private final List<String> headerNames;
    private final List<String> headerValues;
    private final String acceptLanguage;

    HttpFingerprint(HttpMessage m, HttpSignature match, long receivedSeconds) {
        this.request = m.request();
        this.match = match;
        this.labelValue = match == null ? UNKNOWN : match.label().displayName();
        this.software = m.software();
        this.dishonest = HttpMatcher.dishonest(match, software);
        String looked = m.request() ? AcceptLanguage.lookup(m.acceptLanguage()) : null;
        this.lang = looked == null ? NONE : looked;
        this.language = AcceptLanguage.UNKNOWN.equals(looked) ? null : looked;
        this.params = params(dishonest, software == null, match != null && match.generic());
        this.rawSig = HttpRawSignature.render(m);
        this.hasVia = m.via();
        this.date = m.request() ? 0 : HttpDate.parse(m.dateValue());
        this.receivedSeconds = receivedSeconds;
        this.httpVersion = m.version();
        this.headerNames = m.headers().stream().map(HttpMessage.Header::name).toList();
        this.headerValues = Collections.unmodifiableList(
                new ArrayList<>(m.headers().stream().map(HttpMessage.Header::value).toList()));
        this.acceptLanguage = m.acceptLanguage();
    }

    /** Matches an observed header block against the direction's section of {@code db}. */
    static HttpFingerprint of(SignatureDatabase db, HttpMessage m, long receivedSeconds) {
        HttpSignature match = HttpMatcher.match(m.request() ? db.httpRequest() : db.httpResponse(), m);
        return new HttpFingerprint(m, match, receivedSeconds);
    }

    /**
     * The fingerprint of a header block kept as names and values (a table row): what the job computed from the
     * packets, matched against {@code db} (the received time, which only host tracking reads, is 0).
     *
     * @param values the values in the order of {@code names}; null for a line without a value
     */
    public static HttpFingerprint of(SignatureDatabase db, boolean request, int version, List<String> names,
            List<String> values) {
        if (names.size() != values.size()) {
            throw new IllegalArgumentException(names.size() + " header names but " + values.size() + " values");
        }
        List<HttpMessage.Header> headers = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            headers.add(new HttpMessage.Header(names.get(i), db.headerId(names.get(i)), values.get(i)));
        }
        return of(db, new HttpMessage(request, version, headers), 0);
    }

    /**
     * The fingerprint of a raw_sig ({@code ver:HEADERS:MISSING:SW}), matched against {@code db}: the same label as
     * the header block it was printed from, unless a signature tests a value that the raw_sig does not show in full
     * (values are cut at {@value io.passivetcp.P0fConfig#HTTP_MAX_SHOW} bytes, {@code ]} and control bytes).
     *
     * @throws IllegalArgumentException when {@code rawSig} is not a raw HTTP signature
     */
    public static HttpFingerprint ofRawSignature(SignatureDatabase db, String rawSig, boolean request) {
        return of(db, HttpRawSignature.parse(rawSig, request, db), 0);
    }

    private static String params(boolean dishonest, boolean anonymous, boolean generic) {
        StringBuilder sb = new StringBuilder();
        if (dishonest) {
            sb.append(" dishonest");
        }
        if (anonymous) {
            sb.append(" anonymous");
        }
        if (generic) {
            sb.append(" generic");
        }
        return sb.length() == 0 ? NONE : sb.substring(1);
    }

    /** True: {@code http request} (subject client); false: {@code http response} (subject server). */
    public boolean request() {
        return request;
    }

    /** The matched signature, or null. */
    public HttpSignature match() {
        return match;
    }

    /** {@code os} when the matched label has an OS class, else {@code app} (also when unmatched). */
    public String labelKey() {
        return match != null && !match.label().isApplication() ? "os" : "app";
    }

    /** {@code Name[ Flavor]} of the match, or {@value #UNKNOWN}. */
    public String labelValue() {
        return labelValue;
    }

    /** Printed {@code lang}: a language name, {@value #UNKNOWN} or {@value #NONE} (always none for responses). */
    public String lang() {
        return lang;
    }

    /** {@code dishonest}, {@code anonymous}, {@code generic} in that order, space-separated, or {@value #NONE}. */
    public String params() {
        return params;
    }

    public String rawSig() {
        return rawSig;
    }

    public boolean dishonest() {
        return dishonest;
    }

    /** User-Agent (request) or Server (response) value up to its first NUL, or null when absent. */
    public String software() {
        return software;
    }

    /** The looked-up language name for the host record, or null when none or not in the table. */
    public String language() {
        return language;
    }

    /** A Via or X-Forwarded-For header with a non-empty value was present. */
    public boolean hasVia() {
        return hasVia;
    }

    /** Parsed Date header of a response, unix seconds as p0f's unsigned 32-bit value; 0 = none or unparsable. */
    public long date() {
        return date;
    }

    /** Packet seconds when the header block completed (p0f's {@code recv_date}). */
    public long receivedSeconds() {
        return receivedSeconds;
    }

    /** 0 (HTTP/1.0) or 1 (HTTP/1.1). */
    public int httpVersion() {
        return httpVersion;
    }

    /** Header names in arrival order, as sent. */
    public List<String> headerNames() {
        return headerNames;
    }

    /** Header values in arrival order (up to their first NUL); null for a line without a value. */
    public List<String> headerValues() {
        return headerValues;
    }

    /** The Accept-Language value of a request (up to its first NUL), or null. */
    public String acceptLanguage() {
        return acceptLanguage;
    }

    /** The matched label, or null. */
    public Label label() {
        return match == null ? null : match.label();
    }

    /** The event's fields in print order, as key/value pairs: app|os, lang, params, raw_sig. */
    public String[] fields() {
        return new String[] {labelKey(), labelValue, "lang", lang, "params", params, "raw_sig", rawSig};
    }

    /** {@code app=...|lang=...|params=...|raw_sig=...} as in a p0f log line. */
    @Override
    public String toString() {
        return labelKey() + "=" + labelValue + "|lang=" + lang + "|params=" + params + "|raw_sig=" + rawSig;
    }
}
