package io.passivetcp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

    private final Map<ConnectionKey, FlowState> flows = new HashMap<>();
    private final Map<ConnectionKey, TlsState> tlsStates = new HashMap<>();
    private final Map<ConnectionKey, HostState> hosts = new HashMap<>();
    /** Reused lookup keys: a packet makes no garbage unless it creates state. */
    private final ConnectionKey connectionProbe = new ConnectionKey();
    private final ConnectionKey hostProbe = new ConnectionKey();
    /** The p0f flow of the packet being processed, before it: a ClientHello's fingerprint joins its summary. */
    private FlowState current;
    private final List<Observation> packetObservations = new ArrayList<>();

    public CaptureAnalysis(SignatureDatabase db, long connMaxAgeSeconds, long hostIdleLimitMinutes,
            Consumer<Observation> out, Listener listener) {
        this.db = db;
        this.flowTracker = new FlowTracker(connMaxAgeSeconds);
        this.hostTracker = new HostTracker(hostIdleLimitMinutes, connMaxAgeSeconds);
        this.tlsTracker = new TlsTracker(connMaxAgeSeconds);
        this.out = out;
        this.listener = listener;
    }

    /** Processes the next packet; its capture and position must be set. */
    @Override
    public void packet(TcpPacket p) {
        connectionProbe.setConnection(p);
        current = flows.get(connectionProbe);
        TlsState tlsBefore = tlsStates.get(connectionProbe);
        update(tlsStates, tlsBefore, tlsTracker.process(tlsBefore, p, this));
        update(flows, current, flowTracker.process(current, p, db, this));
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
        flows.clear();
        tlsStates.clear();
        hosts.clear();
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
        HostState before = hosts.get(hostProbe);
        HostState next = hostTracker.process(before, e, db, packetObservations::add);
        if (next != before) { // the tracker never forgets a host it was given an event for
            hosts.put(before == null ? hostProbe.copy() : hostProbe, next);
        }
    }
}
