package io.passivetcp.http;

import io.passivetcp.P0fConfig;
import io.passivetcp.signature.SignatureDatabase;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * p0f's per-connection HTTP state machine (spec §7.1–7.4, p0f's {@code process_http}): collects each direction's
 * payload, recognises the first GET/HEAD request and the first response, parses their header blocks and emits one
 * {@link HttpFingerprint} per completed block. Only the first request and response of a connection are looked at
 * . Stateless itself: everything lives in the caller's {@link HttpFlowState}.
 */
public final class HttpTracker {
    /** A request is not examined before this many bytes arrived (p0f literal). */
    private static final int MIN_REQUEST_BYTES = 15;
    /** A request line's '\n' must be at least at this offset (p0f literal). */
    private static final int MIN_REQUEST_NEWLINE = 14;
    /** Minimum response bytes, and minimum offset of a status line's '\n' (p0f literal). */
    private static final int MIN_RESPONSE_BYTES = 13;
    /** The version tag p0f checks at the end of a request line and at the start of a status line. */
    private static final byte[] HTTP_1 = "HTTP/1.".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GET = "GET /".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEAD = "HEAD /".getBytes(StandardCharsets.US_ASCII);
    /** What {@link #scanLine} returns when it met a byte that cannot be in a start line. */
    private static final int BINARY = -1;
    private static final int INITIAL_CAPACITY = 512;

    /** How a start-line step ended: go on with the header lines, or answer now. */
    private enum Step { PARSE_HEADERS, NEED_MORE, DONE }

    private HttpTracker() {}

    /**
     * One accepted, in-order payload segment (spec §7.1). The caller has checked the sequence number and that the
     * flow's SYN and SYN+ACK were seen, advances sequence numbers itself, and never passes payload carried by FIN or
     * RST segments (BUG-16). Appends to the direction's buffer (up to MAX_FLOW_DATA), runs the request (§7.2) or
     * response (§7.3, BUG-6) state machine and the header parser (§7.4), and hands a fingerprint to {@code out} when
     * a header block completes (at most one per call).
     *
     * @param toServer sent by the client (the SYN sender)
     * @return true when the flow is done for HTTP and p0f would destroy it: HTTP answered "done", or both buffers
     *         reached MAX_FLOW_DATA. An empty segment changes nothing and returns false (p0f skips HTTP for it).
     */
    public static boolean onPayload(HttpFlowState st, boolean toServer, byte[] payload, int offset, int length,
            long packetSeconds, SignatureDatabase db, Consumer<HttpFingerprint> out) {
        Objects.requireNonNull(st, "st");
        Objects.checkFromIndexSize(offset, length, payload.length);
        if (length == 0) {
            return false;
        }
        append(st, toServer, payload, offset, length);
        boolean needMore = toServer ? onRequestData(st, packetSeconds, db, out)
                : onResponseData(st, packetSeconds, db, out);
        return !needMore
                || (st.requestLength >= P0fConfig.MAX_FLOW_DATA && st.responseLength >= P0fConfig.MAX_FLOW_DATA);
    }

    /** Stores what fits under MAX_FLOW_DATA; the rest is dropped (the caller still advances the sequence). */
    private static void append(HttpFlowState st, boolean toServer, byte[] payload, int offset, int length) {
        byte[] buf = toServer ? st.request : st.response;
        int len = toServer ? st.requestLength : st.responseLength;
        int n = Math.min(length, P0fConfig.MAX_FLOW_DATA - len);
        if (n <= 0) {
            return;
        }
        if (buf == null || buf.length < len + n) {
            int capacity = Math.max(len + n, Math.max(INITIAL_CAPACITY, buf == null ? 0 : 2 * buf.length));
            buf = buf == null ? new byte[Math.min(capacity, P0fConfig.MAX_FLOW_DATA)]
                    : Arrays.copyOf(buf, Math.min(capacity, P0fConfig.MAX_FLOW_DATA));
        }
        System.arraycopy(payload, offset, buf, len, n);
        if (toServer) {
            st.request = buf;
            st.requestLength = len + n;
        } else {
            st.response = buf;
            st.responseLength = len + n;
        }
    }

    /** §7.2 then §7.4 for the client's data; returns p0f's answer (true = need more). */
    private static boolean onRequestData(HttpFlowState st, long secs, SignatureDatabase db,
            Consumer<HttpFingerprint> out) {
        if (st.httpState == HttpFlowState.NOT_HTTP) {
            return false;
        }
        if (st.requestComplete) {
            return true; // waiting for the response; later requests are never looked at
        }
        boolean canGetMore = st.requestLength < P0fConfig.MAX_FLOW_DATA;
        if (st.httpState == HttpFlowState.UNDECIDED) {
            Step step = requestLine(st, canGetMore);
            if (step != Step.PARSE_HEADERS) {
                return answer(st, step, canGetMore);
            }
        }
        return headers(st, true, canGetMore, secs, db, out);
    }

    /** §7.2: decides whether the client speaks HTTP; only GET and HEAD requests count. */
    private static Step requestLine(HttpFlowState st, boolean canGetMore) {
        byte[] buf = st.request;
        int len = st.requestLength;
        if (len < MIN_REQUEST_BYTES) {
            return Step.NEED_MORE;
        }
        if (st.parsePosition == 0 && !startsWith(buf, len, 0, GET) && !startsWith(buf, len, 0, HEAD)) {
            return notHttp(st);
        }
        int nl = scanLine(buf, len, st.parsePosition);
        if (nl == BINARY || nl == P0fConfig.HTTP_MAX_URL || nl < MIN_REQUEST_NEWLINE) {
            return notHttp(st);
        }
        if (nl == len) {
            st.parsePosition = len; // resume the scan here when more data arrives
            return Step.NEED_MORE;
        }
        int tag = nl - HTTP_1.length - 1; // "HTTP/1.x" ends the line, before an optional '\r'
        if (buf[nl - 1] == '\r') {
            tag--;
        }
        if (!startsWith(buf, len, tag, HTTP_1)) {
            return notHttp(st);
        }
        st.httpVersion = buf[tag + HTTP_1.length] == '1' ? 1 : 0;
        st.httpState = HttpFlowState.HTTP;
        st.parsePosition = nl + 1;
        return Step.PARSE_HEADERS;
    }

    /** §7.3 then §7.4 for the server's data; returns p0f's answer (true = need more). */
    private static boolean onResponseData(HttpFlowState st, long secs, SignatureDatabase db,
            Consumer<HttpFingerprint> out) {
        if (st.httpState != HttpFlowState.HTTP || !st.requestComplete) {
            notHttp(st); // the server talked first, or answered before the request's blank line
            return false;
        }
        boolean canGetMore = st.responseLength < P0fConfig.MAX_FLOW_DATA;
        if (st.responseLength < MIN_RESPONSE_BYTES) {
            return canGetMore;
        }
        Step step = skipStatusLine(st, canGetMore);
        if (step != Step.PARSE_HEADERS) {
            return answer(st, step, canGetMore);
        }
        return headers(st, false, canGetMore, secs, db, out);
    }

    /**
     * §7.3, BUG-6 reproduced on purpose: p0f means to skip the status line once, but never records that it did, so
     * on every response segment the line at the current parse position is binary-checked and skipped as if it were
     * the status line. A header block spread over k segments loses k-1 lines [T 05-http-split]. Past offset
     * HTTP_MAX_URL the scan does not run and exactly one byte is skipped; at exactly HTTP_MAX_URL the response is
     * abandoned.
     */
    private static Step skipStatusLine(HttpFlowState st, boolean canGetMore) {
        byte[] buf = st.response;
        int len = st.responseLength;
        int nl = scanLine(buf, len, st.parsePosition);
        if (nl == BINARY || nl == P0fConfig.HTTP_MAX_URL || nl < MIN_RESPONSE_BYTES) {
            return notHttp(st);
        }
        if (nl == len) {
            st.parsePosition = len; // BUG-6 again: the rest of this line is skipped with the next segment
            return Step.NEED_MORE;
        }
        if (!startsWith(buf, len, 0, HTTP_1)) {
            return notHttp(st);
        }
        st.httpVersion = buf[HTTP_1.length] == '1' ? 1 : 0;
        st.parsePosition = nl + 1;
        return Step.PARSE_HEADERS;
    }

    /**
     * The offset of the first '\n' at or after {@code from}, or where the scan stopped: at the buffer end or at
     * absolute offset HTTP_MAX_URL (whichever comes first); {@link #BINARY} for a byte other than '\r' below 0x20
     * or above 0x7F.
     */
    private static int scanLine(byte[] buf, int len, int from) {
        int off = from;
        while (off < len && off < P0fConfig.HTTP_MAX_URL && buf[off] != '\n') {
            int c = buf[off] & 0xFF;
            if (c != '\r' && (c < 0x20 || c > 0x7F)) {
                return BINARY;
            }
            off++;
        }
        return off;
    }

    /** §7.4 on the current direction's buffer; on a blank line fingerprints and moves on (§7.2/§7.3 epilogues). */
    private static boolean headers(HttpFlowState st, boolean request, boolean canGetMore, long secs,
            SignatureDatabase db, Consumer<HttpFingerprint> out) {
        byte[] buf = request ? st.request : st.response;
        int len = request ? st.requestLength : st.responseLength;
        switch (HttpHeaderParser.parse(st, buf, len)) {
            case HEADERS_COMPLETE:
                out.accept(fingerprint(st, buf, request, secs, db));
                if (request) {
                    st.requestComplete = true; // the response is parsed from offset 0 with a fresh header list
                    st.parsePosition = 0;
                    st.headerCount = 0;
                    st.httpVersion = 0;
                    return true;
                }
                st.httpState = HttpFlowState.NOT_HTTP; // the first response is all p0f looks at
                return false;
            case BAD:
                notHttp(st);
                return false;
            case VALUE_TOO_LONG:
                notHttp(st);
                return true; // BUG-8: "need more" although tracking stopped; the next segment ends the flow
            default:
                return answer(st, Step.NEED_MORE, canGetMore);
        }
    }

    static HttpFingerprint fingerprint(HttpFlowState st, byte[] buf, boolean request, long secs,
            SignatureDatabase db) {
        return HttpFingerprint.of(db, HttpMessage.fromState(st, buf, request, db), secs);
    }

    /** "Need more" holds only while the buffer can still grow; otherwise tracking stops (p0f's can_get_more). */
    private static boolean answer(HttpFlowState st, Step step, boolean canGetMore) {
        if (step == Step.DONE) {
            return false;
        }
        if (!canGetMore) {
            st.httpState = HttpFlowState.NOT_HTTP;
        }
        return canGetMore;
    }

    private static Step notHttp(HttpFlowState st) {
        st.httpState = HttpFlowState.NOT_HTTP;
        return Step.DONE;
    }

    private static boolean startsWith(byte[] buf, int len, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > len) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
