package io.passivetcp.host;

import java.util.Arrays;
import java.util.function.Consumer;

import io.passivetcp.Observation;
import io.passivetcp.P0fConfig;
import io.passivetcp.mtu.MtuMatcher;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.tcp.TcpFingerprint;

/**
 * p0f's per-packet dispatch for one connection ({@code flow_dispatch}, spec §8.2): SYN, SYN+ACK, ACK, FIN and RST.
 *
 * <p>Called with the packets of one direction-independent 4-tuple in event-time order, so there is at most one
 * flow at a time. Observations go to the consumer in p0f's print order.
 */
public final class FlowTracker {
    private final long connMaxAgeSeconds;

    public FlowTracker(long connMaxAgeSeconds) {
        this.connMaxAgeSeconds = connMaxAgeSeconds;
    }

    public FlowTracker() {
        this(P0fConfig.CONN_MAX_AGE);
    }

    /**
     * Processes one packet against the current flow of its 4-tuple.
     *
     * @return the flow after the packet, or null when there is none
     */
    public FlowState process(FlowState flow, TcpPacket p, SignatureDatabase db, Consumer<Observation> out) {
        if (flow != null && expiredBefore(flow, p)) {
            flow = null;
        }
        if (flow != null) {
            flow.lastFilterCount = p.filterCount;
        }
        if (p.isPureSyn()) {
            return onSyn(flow, p, db, out);
        }
        if (flow == null) {
            return null;
        }
        if (p.isSynAck()) {
            return onSynAck(flow, p, db, out);
        }
        if ((p.tcpType & (TcpPacket.FIN | TcpPacket.RST)) != 0) {
            return null;
        }
        return onAck(flow, p);
    }

    /**
     * p0f destroys flows older than {@code conn_max_age} at its cache expiry, which runs on every
     * {@link P0fConfig#EXPIRE_INTERVAL}th filtered packet of the capture (spec §8.4). A flow only sees its own
     * packets, so it checks whether such a tick fell since its previous packet and takes this packet's time as the
     * tick's time: exact when this packet is the tick, otherwise an upper bound.
     */
    private boolean expiredBefore(FlowState flow, TcpPacket p) {
        long seconds = p.tsSeconds;
        if (seconds - flow.createdSeconds <= connMaxAgeSeconds) {
            return false;
        }
        long interval = P0fConfig.EXPIRE_INTERVAL;
        return p.filterCount / interval > flow.lastFilterCount / interval;
    }

    private FlowState onSyn(FlowState flow, TcpPacket p, SignatureDatabase db, Consumer<Observation> out) {
        if (flow != null && isFromClient(flow, p) && p.seq == ((flow.nextClientSeq - 1) & 0xFFFFFFFFL)) {
            return flow; // a retransmitted SYN (spec §8.2, synthetic T36)
        }
        FlowState created = new FlowState();
        created.capture = p.capture;
        created.clientAddress = Arrays.copyOf(p.src, p.addressLength());
        created.clientPort = p.srcPort;
        created.serverPort = p.dstPort;
        created.createdSeconds = p.tsSeconds;
        created.lastFilterCount = p.filterCount;
        created.sendsyn = p.win == P0fConfig.SPECIAL_WIN && p.mss == P0fConfig.SPECIAL_MSS;
        created.nextClientSeq = (p.seq + 1) & 0xFFFFFFFFL;

        TcpFingerprint fp = TcpFingerprint.of(db, p, 0, created.sendsyn);
        out.accept(fingerprintObservation(created.sendsyn ? "sendsyn probe" : "syn", true, fp, p, created));
        if (fp.match().application() && !created.sendsyn) {
            return null; // application signature: fingerprint discarded and the flow dropped (spec §4.6)
        }
        if (!created.sendsyn) {
            emitMtu(p, true, db, created, out);
        }
        created.synMss = p.mss;
        return created;
    }

    private FlowState onSynAck(FlowState flow, TcpPacket p, SignatureDatabase db, Consumer<Observation> out) {
        if (flow.sendsyn) {
            TcpFingerprint fp = TcpFingerprint.of(db, p, flow.synMss, true);
            out.accept(fingerprintObservation("sendsyn response", false, fp, p, flow));
            return null;
        }
        if (isFromClient(flow, p) || flow.acked) {
            return flow;
        }
        flow.acked = true;
        TcpFingerprint fp = TcpFingerprint.of(db, p, flow.synMss, false);
        out.accept(fingerprintObservation("syn+ack", false, fp, p, flow));
        if (fp.match().application()) {
            return null;
        }
        emitMtu(p, false, db, flow, out);
        flow.nextServerSeq = (p.seq + 1) & 0xFFFFFFFFL;
        return flow;
    }

    private FlowState onAck(FlowState flow, TcpPacket p) {
        if (flow.sendsyn || !flow.acked) {
            return null;
        }
        return flow;
    }

    private void emitMtu(TcpPacket p, boolean subjectIsClient, SignatureDatabase db, FlowState flow,
            Consumer<Observation> out) {
        if (p.mss == 0) {
            return;
        }
        int rawMtu = MtuMatcher.rawMtu(p);
        out.accept(observation(p, flow, new Observation("mtu", subjectIsClient, Observation.STEP_MTU,
                "link", MtuMatcher.link(db, rawMtu), "raw_mtu", Integer.toString(rawMtu))));
    }

    private static Observation fingerprintObservation(String module, boolean subjectIsClient, TcpFingerprint fp,
            TcpPacket p, FlowState flow) {
        return observation(p, flow, new Observation(module, subjectIsClient, Observation.STEP_FINGERPRINT,
                fp.labelKey(), fp.labelValue(), "dist", fp.dist(), "params", fp.params(), "raw_sig", fp.rawSig()));
    }

    /** Fills in where and about whom: the packet's position and the flow's client and server. */
    static Observation observation(TcpPacket p, FlowState flow, Observation o) {
        o.tsMicros = p.tsMicros;
        o.tsSeconds = p.tsSeconds;
        o.orderMicros = p.orderMicros;
        o.captureId = p.captureId;
        o.capture = flow.capture;
        o.ordinal = p.ordinal;
        o.ipVersion = p.ipVersion;
        int n = p.addressLength();
        boolean fromClient = isFromClient(flow, p);
        o.client = Arrays.copyOf(fromClient ? p.src : p.dst, n);
        o.server = Arrays.copyOf(fromClient ? p.dst : p.src, n);
        o.clientPort = flow.clientPort;
        o.serverPort = flow.serverPort;
        return o;
    }

    static boolean isFromClient(FlowState flow, TcpPacket p) {
        return p.srcPort == flow.clientPort
                && Arrays.equals(flow.clientAddress, 0, flow.clientAddress.length, p.src, 0, p.addressLength());
    }
}
