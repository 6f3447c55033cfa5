package io.passivetcp.tls;

/**
 * TLS state of one connection (4-tuple) beside p0f's flow: who the client is, and its first flight reassembled in
 * sequence order up to {@link ClientHelloParser#MAX_FLIGHT} bytes until the ClientHello is complete.
 *
 * <p>A public-field POJO so that Flink keeps it in keyed state without Kryo. Once the ClientHello is decided
 * ({@link #done}) only the client's identity stays, so that retransmissions are not fingerprinted twice.
 */
public class TlsState {
    /** Capture of the packet that started the tracking; the fingerprint is attributed to it. */
    public String capture;
    /** The client (SYN sender, else ClientHello sender): address (4 or 16 bytes) and port. */
    public byte[] clientAddress;
    public int clientPort;
    /** Packet seconds when tracking began: the state expires with p0f's flow age limit. */
    public long startSeconds;
    /** Sequence number of the client's first stream byte (ISN + 1), when the SYN was seen. */
    public long streamSeq;
    public boolean streamStartKnown;
    /** Sequence number where the ClientHello being reassembled starts (at first, the stream start). */
    public long baseSeq;
    /**
     * The stream did not start with a ClientHello (STARTTLS, a protocol preamble): each later client segment within
     * the stream's first {@link ClientHelloParser#MAX_FLIGHT} bytes may start one.
     */
    public boolean scanning;
    /** The ClientHello was fingerprinted or rejected, or the stream is not TLS: nothing more to do. */
    public boolean done;
    /** The first flight's bytes at their stream offsets; null until a segment had to be kept. */
    public byte[] data;
    /** Bytes of {@link #data} filled without a gap from offset 0. */
    public int contiguous;
    /** Received ranges beyond a gap: {@code start, end} offset pairs, {@link #pendingRanges} of them. */
    public int[] pending;
    public int pendingRanges;
    /** Client segments that brought new first-flight bytes. */
    public int segments;

    public TlsState() {}
}
