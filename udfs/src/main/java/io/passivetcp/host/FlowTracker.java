package io.passivetcp.host;

import java.util.Arrays;

import io.passivetcp.Observation;
import io.passivetcp.PacketContext;
import io.passivetcp.P0fConfig;
import io.passivetcp.http.HttpFingerprint;
import io.passivetcp.http.HttpTracker;
import io.passivetcp.http.UserAgentOs;
import io.passivetcp.mtu.MtuMatcher;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.tcp.Quirk;
import io.passivetcp.tcp.TcpFingerprint;
import io.passivetcp.tcp.TcpMatch;

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
        if (flow != null && expiredAt(flow, p.captureId, p.expiryRun, p.expirySeconds)) {
            endConnection(flow, "expired", out);
            flow = null;
        }
        return dispatch(flow, p, db, out);
    }

    /**
     * Processes one packet against a flow that p0f's cache expiry has left alive: for a caller that runs the
     * expiry itself ({@link #olderThanMaxAge}).
     *
     * @return the flow after the packet, or null when there is none
     */
    public FlowState dispatch(FlowState flow, TcpPacket p, SignatureDatabase db, FlowOutput out) {
        if (flow != null) {
            flow.lastExpiryRun = p.expiryRun;
            flow.lastCaptureId = p.captureId;
            if (!p.isPureSyn()) {
                countPacket(flow, p);
            }
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
            endConnection(flow, "fin_rst", out);
            return null;
        }
        return onAck(flow, p, db, out);
    }

    /** Ends a flow that p0f's cache expiry destroyed and no packet came to end: emits its connection summary. */
    public void expire(FlowState flow, FlowOutput out) {
        endConnection(flow, "expired", out);
    }

    private static void countPacket(FlowState flow, TcpPacket p) {
        flow.packets++;
        flow.lastMicros = Math.max(flow.lastMicros, p.tsMicros);
    }

    /**
     * Ends a flow that no packet ended (the input ended, or a stream is drained): emits its connection summary.
     */
    public void endOfInput(FlowState flow, FlowOutput out) {
        if (flow != null) {
            endConnection(flow, "end_of_input", out);
        }
    }

    /**
     * Whether p0f's expiry run {@code expiryRun}, at second {@code expirySeconds}, destroyed the flow: p0f destroys
     * flows older than {@code conn_max_age} at its periodic cache expiry (spec §8.4). Packets carry their capture's
     * latest run; if one ran since the flow's previous packet, it saw the flow at that run's second. (Runs in between
     * have earlier seconds, unless the capture's clock steps back.) Where it steps back this judges the flow on its
     * own, while p0f's run stops at the first younger flow (spec §8.4), which only a walk over all flows sees. A run
     * of another capture than the flow's latest packet ({@code --state-scope global}) is another clock: a flow
     * created after it is young, not "in the future".
     */
    public boolean expiredAt(FlowState flow, long captureId, long expiryRun, long expirySeconds) {
        return ExpiryClock.expiredAt(flow.lastExpiryRun, flow.lastCaptureId, flow.createdSeconds, connMaxAgeSeconds,
                captureId, expiryRun, expirySeconds);
    }

    /**
     * p0f's test {@code now - created > conn_max_age} in unsigned 32-bit seconds (spec §8.4): a flow created "in the
     * future", after the capture's clock stepped back, counts as older than any age.
     */
    public boolean olderThanMaxAge(FlowState flow, long nowSeconds) {
        return ExpiryClock.secondsSince(flow.createdSeconds, nowSeconds) > connMaxAgeSeconds;
    }

    private FlowState onSyn(FlowState flow, TcpPacket p, SignatureDatabase db, FlowOutput out) {
        if (flow != null && isFromClient(flow, p) && p.seq == ((flow.nextClientSeq - 1) & 0xFFFFFFFFL)) {
            countPacket(flow, p);
            return flow; // a retransmitted SYN (spec §8.2, synthetic T36)
        }
        if (flow != null) {
            endConnection(flow, "new_syn", out);
        }
        FlowState created = newFlow(p);
        HostEvent client = hostEvent(p, created, true);
        client.touch = true;
        HostEvent server = hostEvent(p, created, false);
        server.touch = true;
        out.hostEvent(server);

        TcpFingerprint fp = TcpFingerprint.of(db, p, 0, created.sendsyn);
        Observation syn = fingerprintObservation(created.sendsyn ? "sendsyn probe" : "syn", true, fp, p, created, db);
        out.observation(syn);
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
        created.summary = ConnectionSummary.ofSyn((Observation.Tcp) syn.data, fp.rawSig(), fp.params());
        emitMtu(p, true, db, created, out);
        addTimestampSample(client, created, p);
        out.hostEvent(client);
        created.synMss = p.mss;
        return created;
    }

    private FlowState onSynAck(FlowState flow, TcpPacket p, SignatureDatabase db, FlowOutput out) {
        if (flow.sendsyn) {
            TcpFingerprint fp = TcpFingerprint.of(db, p, flow.synMss, true);
            out.observation(fingerprintObservation("sendsyn response", false, fp, p, flow, db));
            return null;
        }
        if (isFromClient(flow, p) || flow.acked) {
            return flow;
        }
        flow.acked = true;
        TcpFingerprint fp = TcpFingerprint.of(db, p, flow.synMss, false);
        Observation synAck = fingerprintObservation("syn+ack", false, fp, p, flow, db);
        out.observation(synAck);
        if (flow.summary != null) {
            flow.summary.synAck((Observation.Tcp) synAck.data, fp.rawSig(), fp.params());
        }
        HostEvent server = hostEvent(p, flow, false);
        addFingerprint(server, HostEvent.SYN_ACK, fp, p);
        if (fp.match().application()) {
            out.hostEvent(server);
            endConnection(flow, "application", out);
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
            endConnection(flow, "no_syn_ack", out);
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
                p.tsSeconds, db, fp -> addHttp(fp, p, flow, sender, db, out));
        if (sample || sender.httpKind != HostEvent.NONE) {
            out.hostEvent(sender);
        }
        if (done) {
            endConnection(flow, "http_done", out);
            return null;
        }
        return flow;
    }

    /** Prints the HTTP fingerprint and hands it to its subject, the segment's sender. */
    private static void addHttp(HttpFingerprint fp, TcpPacket p, FlowState flow, HostEvent sender,
            SignatureDatabase db, FlowOutput out) {
        boolean request = fp.request();
        Observation o = observation(p, flow, new Observation(request ? "http request" : "http response", request,
                Observation.STEP_HTTP, fp.labelKey(), fp.labelValue(), "lang", fp.lang(), "params", fp.params(),
                "raw_sig", fp.rawSig()));
        Observation.Http http = new Observation.Http(fp.httpVersion(), fp.headerNames(), fp.headerValues(),
                fp.software(), request ? fp.acceptLanguage() : null, fp.dishonest(), Observation.Label.of(db, fp),
                request ? UserAgentOs.name(db, fp.software()) : null);
        o.data = http;
        out.observation(o);
        if (flow.summary != null) {
            flow.summary.http(request, http, fp.rawSig(), fp.lang(), fp.params());
        }
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
        f.lastCaptureId = p.captureId;
        f.sendsyn = p.win == P0fConfig.SPECIAL_WIN && p.mss == P0fConfig.SPECIAL_MSS;
        f.nextClientSeq = (p.seq + 1) & 0xFFFFFFFFL;
        f.flowId = p.captureId * 0x9E3779B97F4A7C15L + p.ordinal;
        f.serverAddress = Arrays.copyOf(p.dst, p.addressLength());
        f.startMicros = p.tsMicros;
        f.lastMicros = p.tsMicros;
        f.packets = 1;
        return f;
    }

    private void emitMtu(TcpPacket p, boolean subjectIsClient, SignatureDatabase db, FlowState flow, FlowOutput out) {
        if (p.mss == 0) {
            return;
        }
        int rawMtu = MtuMatcher.rawMtu(p);
        String link = MtuMatcher.link(db, rawMtu);
        out.observation(observation(p, flow, new Observation("mtu", subjectIsClient, Observation.STEP_MTU,
                "link", link, "raw_mtu", Integer.toString(rawMtu))));
        if (flow.summary != null) {
            flow.summary.mtu(subjectIsClient, rawMtu, link);
        }
    }

    private static Observation fingerprintObservation(String module, boolean subjectIsClient, TcpFingerprint fp,
            TcpPacket p, FlowState flow, SignatureDatabase db) {
        Observation o = observation(p, flow, new Observation(module, subjectIsClient, Observation.STEP_FINGERPRINT,
                fp.labelKey(), fp.labelValue(), "dist", fp.dist(), "params", fp.params(), "raw_sig", fp.rawSig()));
        o.data = tcpData(fp, p, flow.sendsyn, db);
        return o;
    }

    /** The raw observables of a SYN or SYN+ACK and its label, for the tables. */
    static Observation.Tcp tcpData(TcpFingerprint fp, TcpPacket p, boolean sendsyn, SignatureDatabase db) {
        TcpMatch m = fp.match();
        return new Observation.Tcp(p.ttl, TcpFingerprint.initialTtl(p), m.distance(), m.badTtl(), p.olen, p.mss,
                p.win, p.wscale, TcpFingerprint.optionLayout(p), Quirk.render(p.quirks), TcpFingerprint.payloadClass(p),
                p.tos, sendsyn, Observation.Label.of(db, m));
    }

    // ---- connection summaries (the connections table) ----

    /**
     * Records the first TLS ClientHello fingerprint of a tracked connection, when its client sent it; flows without
     * a summary (none, or a sendsyn probe) are left alone.
     */
    public static void addTls(FlowState flow, Observation tls) {
        if (flow == null || flow.summary == null || tls.clientPort != flow.clientPort
                || !Arrays.equals(tls.client, flow.clientAddress)) {
            return;
        }
        flow.summary.tls((Observation.Tls) tls.data);
    }

    /** Emits the flow's connection summary, once; the flow is over. */
    private static void endConnection(FlowState flow, String reason, FlowOutput out) {
        if (flow.summary == null) {
            return;
        }
        Observation o = new Observation(Observation.CONNECTION, true, Observation.STEP_CONNECTION);
        o.tsMicros = flow.startMicros;
        o.tsSeconds = Math.floorDiv(flow.startMicros, 1_000_000L);
        o.orderMicros = flow.startMicros;
        o.capture = flow.capture;
        o.ipVersion = flow.clientAddress.length == 4 ? 4 : 6;
        o.client = flow.clientAddress;
        o.server = flow.serverAddress;
        o.clientPort = flow.clientPort;
        o.serverPort = flow.serverPort;
        o.data = flow.summary.toRecord(flow.startMicros, flow.lastMicros, reason, flow.packets);
        flow.summary = null;
        out.connection(o);
    }

    /** Fills in where and about whom: the packet's position and the flow's client and server. */
    static <T extends PacketContext> T withContext(TcpPacket p, FlowState flow, boolean subjectIsClient, T target) {
        target.positionAt(p);
        target.capture = flow.capture;
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
