package io.passivetcp.http;

/**
 * The HTTP part of one connection, as p0f keeps it in its flow record (spec §7.1–7.4, §8.1): both directions'
 * payload buffers, the HTTP state, the request-complete flag, the shared parse position and the header list of the
 * message being parsed.
 *
 * <p>A plain public-field POJO with only primitive, {@code byte[]}, {@code int[]} and {@code String} fields, so that
 * Flink can keep it in keyed state with its POJO serializer (no Kryo). Only {@link HttpTracker} writes it; callers
 * create one per flow with the no-arg constructor and otherwise treat it as opaque.
 *
 * <p>The header list is stored as byte ranges into the buffer being parsed (request buffer until the request is
 * complete, response buffer afterwards); buffers only ever grow, so the ranges stay valid.
 */
public class HttpFlowState {
    /** {@link #httpState}: the first request line was not seen yet. */
    public static final int UNDECIDED = 0;
    /** {@link #httpState}: a GET/HEAD request line was accepted. */
    public static final int HTTP = 1;
    /** {@link #httpState}: HTTP tracking stopped for good (p0f's {@code in_http = -1}). */
    public static final int NOT_HTTP = -1;
    /** Ints per stored header in {@link #headerSpans}. */
    public static final int SPAN_INTS = 4;

    /** Client-to-server payload; capacity may exceed {@link #requestLength}. Null until the first byte. */
    public byte[] request;
    /** Stored request bytes (≤ MAX_FLOW_DATA), p0f's {@code req_len}. */
    public int requestLength;
    /** Server-to-client payload; capacity may exceed {@link #responseLength}. Null until the first byte. */
    public byte[] response;
    /** Stored response bytes (≤ MAX_FLOW_DATA), p0f's {@code resp_len}. */
    public int responseLength;

    /** {@link #UNDECIDED}, {@link #HTTP} or {@link #NOT_HTTP}. */
    public int httpState;
    /** The blank line ending the first request's headers was parsed (p0f's {@code http_req_done}). */
    public boolean requestComplete;
    /** Next offset to parse in the current direction's buffer; shared by both directions as in p0f. */
    public int parsePosition;
    /** 0 = HTTP/1.0, 1 = HTTP/1.1 of the message being parsed. */
    public int httpVersion;
    /** Headers stored for the message being parsed (≤ HTTP_MAX_HDRS). */
    public int headerCount;
    /**
     * {@link #SPAN_INTS} ints per header: name offset, name length, value offset, value length (the value without
     * its line end; length 0 = no value). Null until the first header.
     */
    public int[] headerSpans;

    public HttpFlowState() {}
}
