package io.passivetcp.http;

import io.passivetcp.P0fConfig;

/**
 * The header-line loop of spec §7.4 (p0f's {@code parse_pairs}), shared by requests and responses. It stores header
 * byte ranges into {@link HttpFlowState#headerSpans} and advances {@link HttpFlowState#parsePosition} past every
 * complete line; an incomplete line is left in place and re-parsed when more data arrives.
 */
final class HttpHeaderParser {
    /** What the loop ran into. */
    enum Outcome {
        /** The buffer ends inside a line (or right after a complete one): wait for more data. */
        NEED_MORE,
        /** A blank line (starting with CR or LF) ends the header block: fingerprint now. */
        HEADERS_COMPLETE,
        /** Too many headers or a malformed name: not HTTP, the flow is done. */
        BAD,
        /** A value of more than HTTP_MAX_HDR_VAL bytes: not HTTP, but p0f still answers "need more" (BUG-8). */
        VALUE_TOO_LONG
    }

    private HttpHeaderParser() {}

    /** Parses lines of {@code buf[0..len)} from the state's parse position. */
    static Outcome parse(HttpFlowState st, byte[] buf, int len) {
        while (st.parsePosition < len) {
            int off = st.parsePosition;
            if (buf[off] == '\r' || buf[off] == '\n') {
                return Outcome.HEADERS_COMPLETE; // even when the '\n' after a '\r' has not arrived yet
            }
            if (st.headerCount == P0fConfig.HTTP_MAX_HDRS) {
                return Outcome.BAD;
            }
            int nameLen = nameLength(buf, off, len);
            if (off + nameLen == len) {
                return Outcome.NEED_MORE;
            }
            if (nameLen == 0 || buf[off + nameLen] != ':' || nameLen > P0fConfig.HTTP_MAX_HDR_NAME) {
                return Outcome.BAD; // e.g. "Name :", folded continuation lines
            }
            int valueStart = off + nameLen + 1;
            if (valueStart < len && (buf[valueStart] == ' ' || buf[valueStart] == '\t')) {
                valueStart++; // only one blank is skipped: "Accept:  x" keeps " x"
            }
            int lineEnd = valueStart;
            while (lineEnd < len && buf[lineEnd] != '\n') {
                if (lineEnd - valueStart == P0fConfig.HTTP_MAX_HDR_VAL) {
                    return Outcome.VALUE_TOO_LONG;
                }
                lineEnd++;
            }
            if (lineEnd == len) {
                return Outcome.NEED_MORE;
            }
            int valueLen = lineEnd - valueStart;
            if (valueLen > 0 && buf[lineEnd - 1] == '\r') {
                valueLen--;
            }
            store(st, off, nameLen, valueStart, valueLen);
            st.parsePosition = lineEnd + 1;
        }
        return Outcome.NEED_MORE;
    }

    /** The run of {@code [A-Za-z0-9_-]} at {@code off}, counting at most HTTP_MAX_HDR_NAME + 1 bytes. */
    private static int nameLength(byte[] buf, int off, int len) {
        int n = 0;
        while (off + n < len && n <= P0fConfig.HTTP_MAX_HDR_NAME && isNameByte(buf[off + n])) {
            n++;
        }
        return n;
    }

    /** C {@code isalnum} in the C locale, '-' or '_'. */
    static boolean isNameByte(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '_';
    }

    private static void store(HttpFlowState st, int nameOff, int nameLen, int valueOff, int valueLen) {
        if (st.headerSpans == null) {
            st.headerSpans = new int[P0fConfig.HTTP_MAX_HDRS * HttpFlowState.SPAN_INTS];
        }
        int at = st.headerCount * HttpFlowState.SPAN_INTS;
        st.headerSpans[at] = nameOff;
        st.headerSpans[at + 1] = nameLen;
        st.headerSpans[at + 2] = valueOff;
        st.headerSpans[at + 3] = valueLen;
        st.headerCount++;
    }
}
