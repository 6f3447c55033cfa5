package io.passivetcp.host;

import java.util.Arrays;

import io.passivetcp.Observation;
import io.passivetcp.PacketContext;
import io.passivetcp.P0fConfig;
import io.passivetcp.http.HttpFingerprint;
import io.passivetcp.http.HttpTracker;
import io.passivetcp.mtu.MtuMatcher;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.tcp.TcpFingerprint;

/**
 * p0f's per-packet dispatch for one connection ({@code flow_dispatch}, spec §8.2): SYN, SYN+ACK, ACK, FIN and RST.
 *
 * <p>Called with the packets of one direction-independent 4-tuple in order, so there is at most one flow at a time.
 * What it prints (syn, syn+ack, mtu, http) goes out as observations; what concerns a host's memory (flow creation,
 * kept TCP fingerprints, timestamp samples, HTTP fingerprints) goes out as one {@link HostEvent} per subject host.
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
    public FlowState process(FlowState flow, TcpPacket p, SignatureDatabase db, FlowOutput out) {
        if (flow != null && expiredBefore(flow, p)) {
            flow = null;
        }
        if (flow != null) {
            flow.lastExpiryRun = p.expiryRun;
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
            emitTimestampOnly(flow, p, out);
            return null;
        }
        return onAck(flow, p, db, out);
    }

    /**
     * p0f destroys flows older than {@code conn_max_age} at its periodic cache expiry (spec §8.4). The packet carries
     * the capture's latest expiry run; if one ran since the flow's previous packet, it saw the flow at that run's
     * second. (Runs in between have earlier seconds, unless the capture's clock steps back.)
     */
    private boolean expiredBefore(FlowState flow, TcpPacket p) {
        return p.expiryRun > flow.lastExpiryRun && p.expirySeconds - flow.createdSeconds > connMaxAgeSeconds;
    }

    private FlowState onSyn(FlowState flow, TcpPacket p, SignatureDatabase db, FlowOutput out) {
        if (flow != null && isFromClient(flow, p) && p.seq == ((flow.nextClientSeq - 1) & 0xFFFFFFFFL)) {
            return flow; // a retransmitted SYN (spec §8.2, synthetic T36)
        }
        FlowState created = newFlow(p);
        HostEvent client = hostEvent(p, created, true);
        client.touch = true;
        HostEvent server = hostEvent(p, created, false);
        server.touch = true;
        out.hostEvent(server);

        TcpFingerprint fp = TcpFingerprint.of(db, p, 0, created.sendsyn);
        out.observation(fingerprintObservation(created.sendsyn ? "sendsyn probe" : "syn", true, fp, p, created));
        if (created.sendsyn) {
            out.hostEvent(client);
            created.synMss = p.mss;
            return created; // a probe: no host memory, no mtu or uptime; the flow waits for the SYN+ACK
        }
        addFingerprint(client, HostEvent.SYN, fp, p);
        if (fp.match().application()) {
            out.hostEvent(client);
            return null; // application signature: checked against the host's OS, then the flow is dropped (§4.6)
        }
        emitMtu(p, true, db, created, out);
        addTimestampSample(client, created, p);
        out.hostEvent(client);
        created.synMss = p.mss;
        return created;
    }

    private FlowState onSynAck(FlowState flow, TcpPacket p, SignatureDatabase db, FlowOutput out) {
        if (flow.sendsyn) {
            TcpFingerprint fp = TcpFingerprint.of(db, p, flow.synMss, true);
            out.observation(fingerprintObservation("sendsyn response", false, fp, p, flow));
            return null;
        }
        if (isFromClient(flow, p) || flow.acked) {
            return flow;
        }
        flow.acked = true;
        TcpFingerprint fp = TcpFingerprint.of(db, p, flow.synMss, false);
        out.observation(fingerprintObservation("syn+ack", false, fp, p, flow));
        HostEvent server = hostEvent(p, flow, false);
        addFingerprint(server, HostEvent.SYN_ACK, fp, p);
        if (fp.match().application()) {
            out.hostEvent(server);
            return null;
        }
        emitMtu(p, false, db, flow, out);
        addTimestampSample(server, flow, p);
        out.hostEvent(server);
        flow.nextServerSeq = (p.seq + 1) & 0xFFFFFFFFL;
        return flow;
    }

    /** ACK-class segments: in-order ones feed uptime and HTTP (spec §8.2, §7.1). */
    private FlowState onAck(FlowState flow, TcpPacket p, SignatureDatabase db, FlowOutput out) {
        if (flow.sendsyn || !flow.acked) {
            return null;
        }
        boolean toServer = isFromClient(flow, p);
        long expected = toServer ? flow.nextClientSeq : flow.nextServerSeq;
        if (p.seq != expected) {
            return flow; // out of order, retransmitted or overlapping: p0f does not reassemble
        }
        HostEvent sender = hostEvent(p, flow, toServer);
        boolean sample = addTimestampSample(sender, flow, p);
        long next = (expected + p.payLen) & 0xFFFFFFFFL;
        if (toServer) {
            flow.nextClientSeq = next;
        } else {
            flow.nextServerSeq = next;
        }
        boolean done = p.payLen > 0 && HttpTracker.onPayload(flow.http, toServer, p.payload, 0, p.payloadLength,
                p.tsSeconds, db, fp -> addHttp(fp, p, flow, sender, out));
        if (sample || sender.httpKind != HostEvent.NONE) {
            out.hostEvent(sender);
        }
        return done ? null : flow;
    }

    /** Prints the HTTP fingerprint and hands it to its subject, the segment's sender. */
    private static void addHttp(HttpFingerprint fp, TcpPacket p, FlowState flow, HostEvent sender, FlowOutput out) {
        boolean request = fp.request();
        out.observation(observation(p, flow, new Observation(request ? "http request" : "http response", request,
                Observation.STEP_HTTP, fp.labelKey(), fp.labelValue(), "lang", fp.lang(), "params", fp.params(),
                "raw_sig", fp.rawSig())));
        sender.httpKind = request ? HostEvent.REQUEST : HostEvent.RESPONSE;
        sender.httpSignatureLine = fp.match() == null ? -1 : fp.match().line();
        sender.httpDishonest = fp.dishonest();
        sender.httpSoftware = fp.software();
        sender.httpLanguage = fp.language();
        sender.httpVia = fp.hasVia();
        sender.httpDate = fp.date();
    }

    private void emitTimestampOnly(FlowState flow, TcpPacket p, FlowOutput out) {
        HostEvent e = hostEvent(p, flow, isFromClient(flow, p));
        if (addTimestampSample(e, flow, p)) {
            out.hostEvent(e);
        }
    }

    /** Uptime needs the host's memory, so the sample goes to the host (spec §6: ts1 set, not a probe flow). */
    private static boolean addTimestampSample(HostEvent e, FlowState flow, TcpPacket p) {
        if (p.ts1 == 0 || flow.sendsyn) {
            return false;
        }
        e.timestampSample = true;
        e.pureSyn = p.isPureSyn();
        e.ts1 = p.ts1;
        return true;
    }

    private static void addFingerprint(HostEvent e, int kind, TcpFingerprint fp, TcpPacket p) {
        e.tcpKind = kind;
        e.tcpSignatureLine = fp.match().matched() ? fp.match().signature().line() : -1;
        e.tcpApplication = fp.match().application();
        e.tcpFuzzy = fp.match().fuzzy();
        e.tcpDistance = fp.match().distance();
        e.quirks = p.quirks;
        e.layout = Arrays.copyOf(p.layout, p.layoutLength);
        e.ttl = p.ttl;
        e.mss = p.mss;
        e.ts1 = p.ts1;
    }

    private static FlowState newFlow(TcpPacket p) {
        FlowState f = new FlowState();
        f.capture = p.capture;
        f.clientAddress = Arrays.copyOf(p.src, p.addressLength());
        f.clientPort = p.srcPort;
        f.serverPort = p.dstPort;
        f.createdSeconds = p.tsSeconds;
        f.lastExpiryRun = p.expiryRun;
        f.sendsyn = p.win == P0fConfig.SPECIAL_WIN && p.mss == P0fConfig.SPECIAL_MSS;
        f.nextClientSeq = (p.seq + 1) & 0xFFFFFFFFL;
        f.flowId = p.captureId * 0x9E3779B97F4A7C15L + p.ordinal;
        return f;
    }

    private void emitMtu(TcpPacket p, boolean subjectIsClient, SignatureDatabase db, FlowState flow, FlowOutput out) {
        if (p.mss == 0) {
            return;
        }
        int rawMtu = MtuMatcher.rawMtu(p);
        out.observation(observation(p, flow, new Observation("mtu", subjectIsClient, Observation.STEP_MTU,
                "link", MtuMatcher.link(db, rawMtu), "raw_mtu", Integer.toString(rawMtu))));
    }

    private static Observation fingerprintObservation(String module, boolean subjectIsClient, TcpFingerprint fp,
            TcpPacket p, FlowState flow) {
        return observation(p, flow, new Observation(module, subjectIsClient, Observation.STEP_FINGERPRINT,
                fp.labelKey(), fp.labelValue(), "dist", fp.dist(), "params", fp.params(), "raw_sig", fp.rawSig()));
    }

    /** Fills in where and about whom: the packet's position and the flow's client and server. */
    static <T extends PacketContext> T withContext(TcpPacket p, FlowState flow, boolean subjectIsClient, T target) {
        target.tsMicros = p.tsMicros;
        target.tsSeconds = p.tsSeconds;
        target.orderMicros = p.orderMicros;
        target.captureId = p.captureId;
        target.capture = flow.capture;
        target.ordinal = p.ordinal;
        target.ipVersion = p.ipVersion;
        boolean fromClient = isFromClient(flow, p);
        target.client = Arrays.copyOf(fromClient ? p.src : p.dst, p.addressLength());
        target.server = Arrays.copyOf(fromClient ? p.dst : p.src, p.addressLength());
        target.clientPort = flow.clientPort;
        target.serverPort = flow.serverPort;
        target.subjectIsClient = subjectIsClient;
        return target;
    }

    private static Observation observation(TcpPacket p, FlowState flow, Observation o) {
        return withContext(p, flow, o.subjectIsClient, o);
    }

    private static HostEvent hostEvent(TcpPacket p, FlowState flow, boolean subjectIsClient) {
        HostEvent e = withContext(p, flow, subjectIsClient, new HostEvent());
        e.expiryRun = p.expiryRun;
        e.expirySeconds = p.expirySeconds;
        e.flowId = flow.flowId;
        return e;
    }

    static boolean isFromClient(FlowState flow, TcpPacket p) {
        return p.srcPort == flow.clientPort
                && Arrays.equals(flow.clientAddress, 0, flow.clientAddress.length, p.src, 0, p.addressLength());
    }
}
