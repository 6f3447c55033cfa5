package io.passivetcp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.passivetcp.host.ConnectionKey;
import io.passivetcp.host.FlowOutput;
import io.passivetcp.host.FlowState;
import io.passivetcp.host.FlowTracker;
import io.passivetcp.host.HostEvent;
import io.passivetcp.host.HostState;
import io.passivetcp.host.HostTracker;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.tls.ClientHello;
import io.passivetcp.tls.TlsReject;
import io.passivetcp.tls.TlsState;
import io.passivetcp.tls.TlsTracker;

/**
 * The whole engine over the packets of one analysis unit, in one thread and in packet order — what {@code p0f -r}
 * does: flow dispatch, TLS client fingerprints and host state, with flows and hosts in plain maps.
 *
 * <p>The unit is one capture, or any set of captures no flow or host of which reaches another (then nothing can
 * tell them from one capture). The Flink job partitions the same trackers by connection and by host; where the
 * unit is known to be self-contained it runs this instead, where the capture is read, without a shuffle.
 *
 * <p>Over one capture, p0f's cache expiry (spec §8.4) is replayed as p0f runs it: at each run, flows are walked in
 * creation order and hosts in the order they were last touched, each walk stopping at the first survivor, with ages
 * in unsigned 32-bit seconds. Where the capture's clock steps back this decides which flows and hosts p0f forgets.
 * Over several captures, each keeps its own clock, and a flow or host is judged at its next packet by the latest run
 * of its capture, as the partitioned job judges it: the same whenever a clock never steps back.
 *
 * <p>Observations leave packet by packet, in p0f's print order within a packet, each carrying the database
 * version; {@link #finish} adds the summaries of the connections no packet ended, as the partitioned job does at
 * the end of its input.
 */
public final class CaptureAnalysis implements CaptureMerge.Analysis, FlowOutput, TlsTracker.Output {
    private static final Comparator<Observation> PRINT_ORDER = Comparator.comparingInt(o -> o.step);

    /** What the analysis tells besides observations. */
    public interface Listener {
        /** A ClientHello gave no fingerprint. */
        void tlsRejected(TlsReject reason);
    }

    private final SignatureDatabase db;
    private final FlowTracker flowTracker;
    private final HostTracker hostTracker;
    private final TlsTracker tlsTracker;
    private final Consumer<Observation> out;
    private final Listener listener;

    /** Replay p0f's expiry runs (one capture, one clock), rather than judge each flow and host at its next event. */
    private final boolean replaysExpiry;
    /** Live flows in creation order: p0f's {@code flow_by_age} list. */
    private final LinkedHashMap<ConnectionKey, FlowState> flows = new LinkedHashMap<>();
    /** Flows an expiry run destroyed: their summaries end at the connection's next packet, as the partitioned job's. */
    private final Map<ConnectionKey, FlowState> expiredFlows = new HashMap<>();
    private final Map<ConnectionKey, TlsState> tlsStates = new HashMap<>();
    /** Hosts in the order they were last touched: p0f's {@code host_by_age} list. */
    private final LinkedHashMap<ConnectionKey, Host> hosts = new LinkedHashMap<>();
    /** The capture's latest expiry run replayed so far. */
    private long expiryRun;
    /** Reused lookup keys: a packet makes no garbage unless it creates state. */
    private final ConnectionKey connectionProbe = new ConnectionKey();
    private final ConnectionKey hostProbe = new ConnectionKey();
    /** The p0f flow of the packet being processed, before it: a ClientHello's fingerprint joins its summary. */
    private FlowState current;
    private final List<Observation> packetObservations = new ArrayList<>();

    /**
     * @param oneCapture the packets are those of one capture, so p0f's expiry runs are replayed exactly; false for a
     *     unit of several captures
     */
    public CaptureAnalysis(SignatureDatabase db, long connMaxAgeSeconds, long hostIdleLimitMinutes,
            boolean oneCapture, Consumer<Observation> out, Listener listener) {
        this.db = db;
        this.replaysExpiry = oneCapture;
        this.flowTracker = new FlowTracker(connMaxAgeSeconds);
        this.hostTracker = new HostTracker(hostIdleLimitMinutes, connMaxAgeSeconds);
        this.tlsTracker = new TlsTracker(connMaxAgeSeconds);
        this.out = out;
        this.listener = listener;
    }

    /** Processes the next packet; its capture and position must be set. */
    @Override
    public void packet(TcpPacket p) {
        if (replaysExpiry && p.expiryRun != expiryRun) {
            expiryRun = p.expiryRun;
            expireCache(p.expirySeconds);
        }
        connectionProbe.setConnection(p);
        FlowState live = flows.get(connectionProbe);
        FlowState expired = live == null && !expiredFlows.isEmpty() ? expiredFlows.remove(connectionProbe) : null;
        current = expired != null ? expired : live;
        TlsState tlsBefore = tlsStates.get(connectionProbe);
        update(tlsStates, tlsBefore, tlsTracker.process(tlsBefore, p, this));
        FlowState next;
        if (replaysExpiry) {
            if (expired != null) {
                flowTracker.expire(expired, this);
            }
            next = flowTracker.dispatch(live, p, db, this);
        } else {
            next = flowTracker.process(live, p, db, this);
        }
        replaceFlow(live, next);
        if (!packetObservations.isEmpty()) {
            packetObservations.sort(PRINT_ORDER);
            for (Observation o : packetObservations) {
                o.databaseVersion = db.version();
                out.accept(o);
            }
            packetObservations.clear();
        }
    }

    /** The end of the unit's packets: summarises the connections no packet ended. */
    @Override
    public void finish() {
        for (FlowState open : flows.values()) {
            flowTracker.endOfInput(open, this);
        }
        for (FlowState open : expiredFlows.values()) {
            flowTracker.endOfInput(open, this); // p0f forgot it, and no packet came to tell: as the partitioned job
        }
        flows.clear();
        expiredFlows.clear();
        tlsStates.clear();
        hosts.clear();
    }

    /**
     * p0f's {@code expire_cache} at second {@code nowSeconds} (spec §8.4): destroys flows from the oldest while
     * older than {@code conn_max_age}, then walks hosts from the least recently touched while idle for longer than
     * {@code host_idle_limit}, destroying those no live flow refers to. Both walks stop at the first survivor.
     */
    private void expireCache(long nowSeconds) {
        for (Iterator<Map.Entry<ConnectionKey, FlowState>> it = flows.entrySet().iterator(); it.hasNext();) {
            Map.Entry<ConnectionKey, FlowState> oldest = it.next();
            if (!flowTracker.olderThanMaxAge(oldest.getValue(), nowSeconds)) {
                break;
            }
            it.remove();
            referHosts(oldest.getValue(), -1);
            expiredFlows.put(oldest.getKey(), oldest.getValue());
        }
        for (Iterator<Host> it = hosts.values().iterator(); it.hasNext();) {
            Host host = it.next();
            if (!hostTracker.idleLongerThanLimit(host.state, nowSeconds)) {
                break;
            }
            if (host.flows == 0) {
                it.remove();
            }
        }
    }

    /** The flow of the probed connection is now {@code next}: a new flow goes to the newest end of the age list. */
    private void replaceFlow(FlowState before, FlowState next) {
        if (next == before) {
            return;
        }
        if (before != null) {
            flows.remove(connectionProbe);
            referHosts(before, -1);
        }
        if (next != null) {
            flows.put(connectionProbe.copy(), next);
            referHosts(next, 1);
        }
    }

    /**
     * p0f's {@code use_cnt}: a host that a live flow refers to outlives any expiry run. A flow's end also ends its
     * uptime locks, which its hosts keep.
     */
    private void referHosts(FlowState flow, int change) {
        int version = flow.clientAddress.length == 4 ? 4 : 6;
        for (byte[] address : new byte[][] {flow.clientAddress, flow.serverAddress}) {
            Host host = hosts.get(hostProbe.setHost(version, address));
            if (host != null) {
                host.flows += change;
                if (change < 0 && replaysExpiry) {
                    HostTracker.flowEnded(host.state, flow.flowId);
                }
            }
        }
    }

    /** Replaces the state of the probed connection; a key is copied only when its state is created. */
    private <V> void update(Map<ConnectionKey, V> states, V before, V next) {
        if (next == before) {
            return; // changed in place, or still none
        }
        if (next == null) {
            states.remove(connectionProbe);
        } else {
            states.put(before == null ? connectionProbe.copy() : connectionProbe, next); // put keeps a present key
        }
    }

    @Override
    public void observation(Observation o) {
        packetObservations.add(o);
    }

    @Override
    public void connection(Observation o) {
        o.databaseVersion = db.version();
        out.accept(o);
    }

    @Override
    public void clientHello(Observation tls, ClientHello hello) {
        packetObservations.add(tls);
        FlowTracker.addTls(current, tls);
    }

    @Override
    public void rejected(TlsReject reason) {
        listener.tlsRejected(reason);
    }

    @Override
    public void hostEvent(HostEvent e) {
        hostProbe.setHost(e.ipVersion, e.subjectIsClient ? e.client : e.server);
        // a touched host moves to the newest end of the age list
        Host host = e.touch ? hosts.remove(hostProbe) : hosts.get(hostProbe);
        HostState before = host == null ? null : host.state;
        HostState next = replaysExpiry ? hostTracker.apply(before, e, db, packetObservations::add)
                : hostTracker.process(before, e, db, packetObservations::add);
        if (host == null || e.touch) {
            host = host == null ? new Host() : host;
            hosts.put(hostProbe.copy(), host);
        }
        host.state = next; // the tracker never forgets a host it was given an event for
    }

    /** A host's state and how many live flows refer to it ({@code host_data.use_cnt}). */
    private static final class Host {
        HostState state;
        int flows;
    }
}
