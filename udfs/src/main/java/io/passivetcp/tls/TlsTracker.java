package io.passivetcp.tls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.passivetcp.Observation;
import io.passivetcp.packet.TcpPacket;

/**
 * TLS client fingerprints of one connection: finds the client's ClientHello by its record header on any port (at
 * the start of the stream, or, after a plaintext preamble such as STARTTLS, at the start of a later segment within
 * the stream's first 16 KiB), reassembles it in sequence order (bounded at {@link ClientHelloParser#MAX_FLIGHT}), and
 * emits one {@code tls client} observation with JA4 ({@code ja4}, {@code ja4_r}, {@code ja4_o}) and JA3 for the
 * connection's first ClientHello.
 *
 * <p>Independent of p0f's flow dispatch: it keeps its own {@link TlsState} per 4-tuple, never creates or ends p0f
 * flows, and also fingerprints connections whose SYN is not in the capture (the first segment that starts a
 * ClientHello then names the client).
 */
public final class TlsTracker {
    /** The {@code mod=} value of a TLS client fingerprint. */
    public static final String MODULE = "tls client";

    /** Out-of-order ranges kept while waiting for a gap to fill; more are dropped (retransmissions resend them). */
    static final int MAX_PENDING_RANGES = 8;

    /** Where the tracker's results go. */
    public interface Output {
        /** The fingerprint observation, and the ClientHello it was computed from. */
        void clientHello(Observation tls, ClientHello hello);

        /** A first flight that started a ClientHello gave none: counted, never thrown. */
        void rejected(TlsReject reason);
    }

    private final long connMaxAgeSeconds;

    public TlsTracker(long connMaxAgeSeconds) {
        this.connMaxAgeSeconds = connMaxAgeSeconds;
    }

    /**
     * Processes one packet of the connection.
     *
     * @return the state after the packet, or null when there is none to keep
     */
    public TlsState process(TlsState s, TcpPacket p, Output out) {
        if (s != null && p.tsSeconds - s.startSeconds > connMaxAgeSeconds) {
            end(s, out);
            s = null;
        }
        if (p.isPureSyn()) {
            if (s != null && s.streamStartKnown && isFromClient(s, p)
                    && p.seq == ((s.streamSeq - 1) & 0xFFFFFFFFL)) {
                return s; // retransmitted SYN
            }
            if (s != null) {
                end(s, out);
            }
            return newState(p, (p.seq + 1) & 0xFFFFFFFFL, true);
        }
        if (p.payloadLength > 0 && (s == null || !s.done)) {
            s = onPayload(s, p, out);
        }
        if (s != null && (p.tcpType & (TcpPacket.FIN | TcpPacket.RST)) != 0) {
            end(s, out);
            return null;
        }
        return s;
    }

    /**
     * Whether {@code p} may start a ClientHello (its payload begins with a TLS handshake record): such a packet can
     * open TLS state without a SYN, so it must carry its capture's path.
     */
    public static boolean mayStartClientHello(TcpPacket p) {
        return p.payloadLength > 0 && p.payload[0] == ClientHelloParser.CONTENT_HANDSHAKE;
    }

    private TlsState onPayload(TlsState s, TcpPacket p, Output out) {
        if (s == null) {
            // No SYN seen: a ClientHello may start a segment of either side; its sender is the client.
            ParseResult r = ClientHelloParser.parse(p.payload, 0, p.payloadLength);
            return r.status() == ParseResult.Status.NOT_CLIENT_HELLO ? null
                    : reassemble(newState(p, p.seq, false), p, r, out);
        }
        if (!isFromClient(s, p)) {
            return s;
        }
        if (!s.scanning) {
            return reassemble(s, p, null, out);
        }
        long streamOffset = (p.seq - s.streamSeq) & 0xFFFFFFFFL;
        if (s.streamStartKnown && streamOffset >= ClientHelloParser.MAX_FLIGHT && streamOffset < 1L << 31) {
            s.done = true; // no ClientHello in the stream's first 16 KiB
            return s;
        }
        ParseResult r = ClientHelloParser.parse(p.payload, 0, p.payloadLength);
        if (r.status() == ParseResult.Status.NOT_CLIENT_HELLO) {
            return s;
        }
        s.scanning = false;
        s.baseSeq = p.seq;
        return reassemble(s, p, r, out);
    }

    /**
     * Adds a client segment to the ClientHello that starts at {@link TlsState#baseSeq}, and decides once it is
     * complete or hopeless. {@code direct} is the segment already parsed on its own, or null.
     */
    private static TlsState reassemble(TlsState s, TcpPacket p, ParseResult direct, Output out) {
        int offset = (int) (p.seq - s.baseSeq); // modulo 2^32, signed: before the start is negative
        if (s.data == null && offset == 0) {
            ParseResult r = direct != null ? direct : ClientHelloParser.parse(p.payload, 0, p.payloadLength);
            if (r.status() != ParseResult.Status.NEED_MORE) {
                s.segments = 1;
                decide(s, r, p, out);
                return s;
            }
        }
        if (insert(s, p, offset)) {
            ParseResult r = ClientHelloParser.parse(s.data, 0, s.contiguous);
            if (r.status() == ParseResult.Status.NEED_MORE && s.contiguous >= ClientHelloParser.MAX_FLIGHT) {
                r = ParseResult.rejected(TlsReject.TOO_LONG);
            }
            if (r.status() != ParseResult.Status.NEED_MORE) {
                decide(s, r, p, out);
            }
        }
        return s;
    }

    private static void decide(TlsState s, ParseResult r, TcpPacket p, Output out) {
        switch (r.status()) {
            case COMPLETE -> out.clientHello(observation(s, r.hello(), p), r.hello());
            case REJECTED -> out.rejected(r.reject());
            default -> { } // the stream does not start with a ClientHello: look for one at later segments
        }
        s.done = r.status() != ParseResult.Status.NOT_CLIENT_HELLO;
        s.scanning = !s.done;
        s.segments = s.done ? s.segments : 0;
        s.contiguous = 0;
        s.data = null;
        s.pending = null;
        s.pendingRanges = 0;
    }

    /** A partial ClientHello that will never complete is counted. */
    private static void end(TlsState s, Output out) {
        if (!s.done && s.contiguous > 0) {
            out.rejected(TlsReject.INCOMPLETE);
        }
    }

    /**
     * Stores the segment's bytes at their stream offset (within the first {@link ClientHelloParser#MAX_FLIGHT}) and
     * extends the gap-free prefix.
     *
     * @return whether the gap-free prefix grew
     */
    static boolean insert(TlsState s, TcpPacket p, int offset) {
        long start = Math.max(offset, 0);
        long stop = Math.min((long) offset + p.payloadLength, ClientHelloParser.MAX_FLIGHT);
        if (start >= stop || stop <= s.contiguous) {
            return false; // before the stream, beyond the bound, or already held
        }
        if (start > s.contiguous && s.pendingRanges == MAX_PENDING_RANGES) {
            return false;
        }
        int from = (int) start, to = (int) stop;
        if (s.data == null || s.data.length < to) {
            int capacity = Math.min(ClientHelloParser.MAX_FLIGHT, Math.max(to, s.data == null ? 2048 : 2 * s.data.length));
            s.data = s.data == null ? new byte[capacity] : Arrays.copyOf(s.data, capacity);
        }
        System.arraycopy(p.payload, from - offset, s.data, from, to - from);
        s.segments++;
        if (from > s.contiguous) {
            if (s.pending == null) {
                s.pending = new int[2 * MAX_PENDING_RANGES];
            }
            s.pending[2 * s.pendingRanges] = from;
            s.pending[2 * s.pendingRanges + 1] = to;
            s.pendingRanges++;
            return false;
        }
        s.contiguous = to;
        for (boolean merged = true; merged; ) {
            merged = false;
            for (int i = 0; i < s.pendingRanges; i++) {
                if (s.pending[2 * i] <= s.contiguous) {
                    s.contiguous = Math.max(s.contiguous, s.pending[2 * i + 1]);
                    s.pendingRanges--;
                    s.pending[2 * i] = s.pending[2 * s.pendingRanges];
                    s.pending[2 * i + 1] = s.pending[2 * s.pendingRanges + 1];
                    merged = true;
                    i--;
                }
            }
        }
        return true;
    }

    private static TlsState newState(TcpPacket p, long baseSeq, boolean streamStart) {
        TlsState s = new TlsState();
        s.capture = p.capture;
        s.clientAddress = Arrays.copyOf(p.src, p.addressLength());
        s.clientPort = p.srcPort;
        s.startSeconds = p.tsSeconds;
        s.baseSeq = baseSeq;
        s.streamSeq = baseSeq;
        s.streamStartKnown = streamStart;
        return s;
    }

    static boolean isFromClient(TlsState s, TcpPacket p) {
        return p.srcPort == s.clientPort
                && Arrays.equals(s.clientAddress, 0, s.clientAddress.length, p.src, 0, p.addressLength());
    }

    /** The {@code tls client} observation: printed fields in the log's order, typed values for the tables. */
    static Observation observation(TlsState s, ClientHello hello, TcpPacket p) {
        Observation.Tls tls = fingerprint(hello, s.segments);
        Observation o = new Observation(MODULE, true, Observation.STEP_TLS,
                "ja4", tls.ja4(), "ja4_r", tls.ja4Raw(), "ja4_o", tls.ja4Original(), "ja3", tls.ja3(),
                "sni", tls.sni() == null ? "none" : tls.sni(),
                "alpn", tls.alpn().isEmpty() ? "none" : String.join(",", tls.alpn()),
                "versions", String.join(",", tls.versions()));
        o.positionAt(p);
        o.capture = s.capture;
        o.client = s.clientAddress;
        o.server = Arrays.copyOf(p.dst, p.addressLength());
        o.clientPort = s.clientPort;
        o.serverPort = p.dstPort;
        o.data = tls;
        return o;
    }

    /** The typed fingerprint of a ClientHello that came in {@code segments} TCP segments. */
    public static Observation.Tls fingerprint(ClientHello hello, int segments) {
        Ja4 ja4 = Ja4.of(hello);
        String ja3 = Ja3.string(hello);
        List<String> alpn = new ArrayList<>(hello.alpn().size());
        for (byte[] name : hello.alpn()) {
            alpn.add(printable(new String(name, java.nio.charset.StandardCharsets.ISO_8859_1), true));
        }
        List<String> versions = new ArrayList<>();
        for (int v : hello.offeredVersions()) {
            versions.add(TlsVersion.name(v));
        }
        return new Observation.Tls(ja4.fingerprint(), ja4.raw(), ja4.original(), ja4.rawOriginal(), Ja3.hash(ja3),
                ja3, hello.sni() == null ? null : printable(hello.sni(), false), List.copyOf(alpn),
                List.copyOf(versions), segments);
    }

    /**
     * Client-chosen text made safe for the one-line log: bytes outside printable ASCII, {@code |} (the field
     * separator) and, in list items, {@code ,} become {@code ?}.
     */
    static String printable(String s, boolean listItem) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c < 0x21 || c > 0x7e || c == '|' || listItem && c == ',' ? '?' : c);
        }
        return sb.toString();
    }
}
