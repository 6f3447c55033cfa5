package io.passivetcp;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.passivetcp.capture.CaptureIds;
import io.passivetcp.capture.CaptureReader;
import io.passivetcp.capture.CaptureRecord;
import io.passivetcp.packet.DropReason;
import io.passivetcp.packet.PacketDecoder;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.tls.TlsReject;

/**
 * {@link CaptureAnalysis} of a whole capture stream, without Flink: what {@code p0f -r} does. The engine's
 * reference for engine-level tests and benchmarks.
 */
public final class SequentialAnalyzer {
    private final SignatureDatabase db;
    private final long connMaxAgeSeconds;
    private final long hostIdleLimitMinutes;
    private final Map<TlsReject, Long> tlsRejections = new EnumMap<>(TlsReject.class);

    public SequentialAnalyzer(SignatureDatabase db, long connMaxAgeSeconds, long hostIdleLimitMinutes) {
        this.db = db;
        this.connMaxAgeSeconds = connMaxAgeSeconds;
        this.hostIdleLimitMinutes = hostIdleLimitMinutes;
    }

    public SequentialAnalyzer(SignatureDatabase db) {
        this(db, P0fConfig.CONN_MAX_AGE, P0fConfig.HOST_IDLE_LIMIT);
    }

    /**
     * Analyses one capture.
     *
     * @return the p0f events and TLS fingerprints in p0f's print order (not the connection summaries)
     * @throws IOException when the stream is not a capture or a record is damaged (events before it are lost)
     */
    public List<Observation> analyze(InputStream in, String name) throws IOException {
        List<Observation> events = new ArrayList<>();
        CaptureAnalysis analysis = new CaptureAnalysis(db, connMaxAgeSeconds, hostIdleLimitMinutes, true, o -> {
            if (o.step != Observation.STEP_CONNECTION) {
                events.add(o);
            }
        }, reason -> tlsRejections.merge(reason, 1L, Long::sum));
        long captureId = CaptureIds.of(name);
        try (CaptureReader reader = CaptureReader.open(in, name)) {
            CaptureRecord rec = new CaptureRecord();
            PacketDecoder decoder = new PacketDecoder();
            TcpPacket p = new TcpPacket();
            while (reader.next(rec)) {
                if (decoder.decode(rec, p) == DropReason.NONE) {
                    p.capture = name;
                    p.captureId = captureId;
                    analysis.packet(p);
                }
            }
        }
        return events;
    }

    /** ClientHellos that gave no fingerprint, by reason, over every capture analysed so far. */
    public Map<TlsReject, Long> tlsRejections() {
        return Map.copyOf(tlsRejections);
    }
}
