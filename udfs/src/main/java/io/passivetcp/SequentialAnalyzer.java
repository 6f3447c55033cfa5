package io.passivetcp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.passivetcp.capture.CaptureIds;
import io.passivetcp.capture.CaptureReader;
import io.passivetcp.capture.CaptureRecord;
import io.passivetcp.host.FlowOutput;
import io.passivetcp.host.FlowState;
import io.passivetcp.host.FlowTracker;
import io.passivetcp.host.HostEvent;
import io.passivetcp.host.HostState;
import io.passivetcp.host.HostTracker;
import io.passivetcp.packet.DropReason;
import io.passivetcp.packet.PacketDecoder;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.tls.ClientHello;
import io.passivetcp.tls.TlsReject;
import io.passivetcp.tls.TlsState;
import io.passivetcp.tls.TlsTracker;

/**
 * The whole engine on one capture, in one thread and in capture order — what {@code p0f -r} does, without Flink:
 * decoding, flow dispatch, TLS client fingerprints and host state, with flows and hosts in plain maps.
 *
 * <p>The Flink job partitions the same engine by connection and by host; this is its sequential reference, used
 * by engine-level tests and benchmarks.
 */
public final class SequentialAnalyzer {
    private final SignatureDatabase db;
    private final FlowTracker flowTracker;
    private final HostTracker hostTracker;
    private final TlsTracker tlsTracker;
    private final Map<TlsReject, Long> tlsRejections = new EnumMap<>(TlsReject.class);

    public SequentialAnalyzer(SignatureDatabase db, long connMaxAgeSeconds, long hostIdleLimitMinutes) {
        this.db = db;
        this.flowTracker = new FlowTracker(connMaxAgeSeconds);
        this.hostTracker = new HostTracker(hostIdleLimitMinutes, connMaxAgeSeconds);
        this.tlsTracker = new TlsTracker(connMaxAgeSeconds);
    }

    public SequentialAnalyzer(SignatureDatabase db) {
        this(db, P0fConfig.CONN_MAX_AGE, P0fConfig.HOST_IDLE_LIMIT);
    }

    /**
     * Analyses one capture.
     *
     * @return the observations in p0f's print order
     * @throws IOException when the stream is not a capture or a record is damaged (events before it are lost)
     */
    public List<Observation> analyze(InputStream in, String name) throws IOException {
        Run run = new Run(name);
        try (CaptureReader reader = CaptureReader.open(in, name)) {
            CaptureRecord rec = new CaptureRecord();
            PacketDecoder decoder = new PacketDecoder();
            TcpPacket p = new TcpPacket();
            while (reader.next(rec)) {
                if (decoder.decode(rec, p) == DropReason.NONE) {
                    run.packet(p);
                }
            }
        }
        return run.observations;
    }

    /** ClientHellos that gave no fingerprint, by reason, over every capture analysed so far. */
    public Map<TlsReject, Long> tlsRejections() {
        return Map.copyOf(tlsRejections);
    }

    /** The state of one capture's analysis. */
    private final class Run implements FlowOutput, TlsTracker.Output {
        private final String capture;
        private final long captureId;
        private final Map<ByteBuffer, FlowState> flows = new HashMap<>();
        private final Map<ByteBuffer, HostState> hosts = new HashMap<>();
        private final Map<ByteBuffer, TlsState> tlsStates = new HashMap<>();
        /** The p0f flow of the packet being processed, before it: a ClientHello's fingerprint joins its summary. */
        private FlowState current;
        private final List<Observation> observations = new ArrayList<>();
        private final List<Observation> packetObservations = new ArrayList<>();

        Run(String capture) {
            this.capture = capture;
            this.captureId = CaptureIds.of(capture);
        }

        void packet(TcpPacket p) {
            p.capture = capture;
            p.captureId = captureId;
            ByteBuffer key = flowKey(p);
            current = flows.get(key);
            update(tlsStates, key, tlsTracker.process(tlsStates.get(key), p, this));
            update(flows, key, flowTracker.process(current, p, db, this));
            packetObservations.sort(Comparator.comparingInt(o -> o.step));
            observations.addAll(packetObservations);
            packetObservations.clear();
        }

        @Override
        public void observation(Observation o) {
            packetObservations.add(o);
        }

        @Override
        public void clientHello(Observation tls, ClientHello hello) {
            packetObservations.add(tls);
            FlowTracker.addTls(current, tls);
        }

        @Override
        public void rejected(TlsReject reason) {
            tlsRejections.merge(reason, 1L, Long::sum);
        }

        @Override
        public void hostEvent(HostEvent e) {
            byte[] address = e.subjectIsClient ? e.client : e.server;
            ByteBuffer key = ByteBuffer.wrap(address);
            hosts.put(key, hostTracker.process(hosts.get(key), e, db, packetObservations::add));
        }
    }

    private static <V> void update(Map<ByteBuffer, V> states, ByteBuffer key, V next) {
        if (next == null) {
            states.remove(key);
        } else {
            states.put(key, next);
        }
    }

    /** Address and port of both ends, lower end first: the same for both directions. */
    private static ByteBuffer flowKey(TcpPacket p) {
        int n = p.addressLength();
        ByteBuffer a = ByteBuffer.wrap(p.src, 0, n), b = ByteBuffer.wrap(p.dst, 0, n);
        int c = a.compareTo(b);
        boolean srcLow = c < 0 || (c == 0 && p.srcPort <= p.dstPort);
        ByteBuffer key = ByteBuffer.allocate(2 * n + 4);
        key.put(srcLow ? p.src : p.dst, 0, n).putShort((short) (srcLow ? p.srcPort : p.dstPort));
        key.put(srcLow ? p.dst : p.src, 0, n).putShort((short) (srcLow ? p.dstPort : p.srcPort));
        return key.flip();
    }
}
