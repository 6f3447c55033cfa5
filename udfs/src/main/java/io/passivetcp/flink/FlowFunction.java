package io.passivetcp.flink;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import io.passivetcp.Observation;
import io.passivetcp.host.FlowOutput;
import io.passivetcp.host.FlowState;
import io.passivetcp.host.FlowTracker;
import io.passivetcp.host.HostEvent;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.tls.ClientHello;
import io.passivetcp.tls.TlsReject;
import io.passivetcp.tls.TlsState;
import io.passivetcp.tls.TlsTracker;

/**
 * Connection state, TCP, HTTP and TLS fingerprinting: one key per connection, the signature database from broadcast
 * state.
 *
 * <p>A thin shell over {@link FlowTracker} and {@link TlsTracker}: it restores the packets' order
 * ({@link EventTimeBuffer}), keeps the {@link FlowState} and the {@link TlsState} in keyed state, side by side (TLS
 * never creates or ends p0f's flows), and counts what it sees. Observations are its main output; what concerns a
 * host's memory leaves on the {@link #HOST_EVENTS} side output, for {@link HostFunction}.
 */
public final class FlowFunction
        extends KeyedBroadcastProcessFunction<FlowKey, TcpPacket, Tuple2<String, String>, Observation> {
    private static final long serialVersionUID = 1L;

    /** Facts for the hosts' state, keyed by host downstream. */
    public static final OutputTag<HostEvent> HOST_EVENTS = new OutputTag<>("host-events", RecordTypeInfo.HOST_EVENT);

    /** Connection summaries ({@link Observation#CONNECTION}), at each flow's end; not p0f events. */
    public static final OutputTag<Observation> CONNECTIONS = new OutputTag<>("connections", RecordTypeInfo.OBSERVATION);

    /** How often a flow past {@code conn_max_age} is checked again while no expiry run has proven it gone. */
    static final long EXPIRY_RECHECK_MILLIS = 60_000;

    /** Fires at the end of the input, to summarise the flows no packet ended (STREAMING). */
    private static final long END_OF_INPUT = Long.MAX_VALUE;

    /** Packet order: {@link TcpPacket#orderMicros}, then capture, then position in the capture. */
    static final Comparator<TcpPacket> PACKET_ORDER = Comparator.<TcpPacket>comparingLong(p -> p.orderMicros)
            .thenComparingLong(p -> p.captureId)
            .thenComparingLong(p -> p.ordinal);

    private final boolean batch;
    private final boolean expiresState;
    private final long connMaxAgeSeconds;

    private transient ValueState<FlowState> flow;
    private transient ValueState<TlsState> tls;
    private transient EventTimeBuffer<TcpPacket> buffer;
    private transient FlowTracker tracker;
    private transient TlsTracker tlsTracker;
    private transient BroadcastDatabase database;
    private transient Counter packetsForwarded;
    private transient AnalysisCounters counters;
    private transient Map<TlsReject, Counter> tlsRejected;
    private transient StateCount flowsInState;
    private transient ExpiryEvidence expiryRuns;

    /**
     * @param expiresState drop expired flows from state (endless inputs: {@code --follow}, live capture); bounded runs
     *     keep them to the end, which also keeps captures read out of time order exact
     */
    public FlowFunction(boolean batch, long connMaxAgeSeconds, boolean expiresState) {
        this.batch = batch;
        this.expiresState = expiresState;
        this.connMaxAgeSeconds = connMaxAgeSeconds;
    }

    @Override
    public void open(OpenContext openContext) {
        flow = getRuntimeContext().getState(
                new ValueStateDescriptor<>("flow", TypeInformation.of(FlowState.class)));
        buffer = new EventTimeBuffer<>(getRuntimeContext(), "packets", RecordTypeInfo.TCP_PACKET, PACKET_ORDER,
                p -> Math.floorDiv(p.orderMicros, 1000), batch, true);
        tls = getRuntimeContext().getState(new ValueStateDescriptor<>("tls", TypeInformation.of(TlsState.class)));
        tracker = new FlowTracker(connMaxAgeSeconds);
        tlsTracker = new TlsTracker(connMaxAgeSeconds);
        database = new BroadcastDatabase();
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        packetsForwarded = metrics.counter("packetsForwarded");
        counters = new AnalysisCounters(metrics);
        tlsRejected = new EnumMap<>(TlsReject.class);
        MetricGroup rejected = metrics.addGroup("tlsRejected");
        for (TlsReject reason : TlsReject.values()) {
            tlsRejected.put(reason, rejected.counter(reason.metricName()));
        }
        CaptureStatistics.registerGauges(metrics);
        flowsInState = new StateCount(metrics, "flowsInState");
        expiryRuns = new ExpiryEvidence();
    }

    @Override
    public void processElement(TcpPacket packet, ReadOnlyContext ctx, Collector<Observation> out) throws Exception {
        packetsForwarded.inc();
        buffer.add(packet, ctx.timerService(), p -> dispatch(p, ctx, out));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Observation> out) throws Exception {
        buffer.onTimer(timestamp, ctx.timerService(), p -> dispatch(p, ctx, out));
        TlsState hello = tls.value();
        if (expiresState && hello != null && timestamp >= tlsExpiry(hello)) {
            tls.clear(); // TlsTracker would drop it at the connection's next packet: no packet came
        }
        FlowState open = flow.value();
        if (open == null) {
            return;
        }
        // BATCH fires timers only at the end of the key, after its last packet (and does not fire timers
        // registered meanwhile): any timer is the end of input there.
        if (timestamp == END_OF_INPUT || batch) {
            tracker.endOfInput(open, output(ctx, out, database.current(ctx)));
            flow.update(open);
        } else if (expiresState && isExpiryCheck(open, timestamp)) {
            long now = Math.max(timestamp, ctx.timerService().currentWatermark());
            long[] run = expiryRuns.latestRunBefore(open.lastCaptureId, timestamp);
            if (run != null && tracker.expiredAt(open, open.lastCaptureId, run[0], run[1])) {
                tracker.expire(open, output(ctx, out, database.current(ctx)));
                flow.clear();
                flowsInState.decrement();
                ctx.timerService().deleteEventTimeTimer(END_OF_INPUT);
            } else if (now != Long.MAX_VALUE) { // at the end of input END_OF_INPUT sums up
                ctx.timerService().registerEventTimeTimer(nextExpiryCheck(open, now));
            }
        }
    }

    /**
     * STREAMING: a flow that no packet ends leaves the state once p0f's cache expiry has destroyed it, checked from
     * when it is older than {@code conn_max_age}, then every {@link #EXPIRY_RECHECK_MILLIS} until a run proves it.
     */
    private long firstExpiryCheck(FlowState f) {
        return (f.createdSeconds + connMaxAgeSeconds + 1) * 1000;
    }

    private boolean isExpiryCheck(FlowState f, long timestamp) {
        long first = firstExpiryCheck(f);
        return timestamp >= first && (timestamp - first) % EXPIRY_RECHECK_MILLIS == 0;
    }

    /** The first check time after {@code now}: event time may have jumped (an archive of several years). */
    private long nextExpiryCheck(FlowState f, long now) {
        long first = firstExpiryCheck(f);
        return first + ((now - first) / EXPIRY_RECHECK_MILLIS + 1) * EXPIRY_RECHECK_MILLIS;
    }

    /** STREAMING: TLS state older than {@code conn_max_age}, which TlsTracker drops at the next packet. */
    private long tlsExpiry(TlsState t) {
        return (t.startSeconds + connMaxAgeSeconds + 1) * 1000;
    }

    @Override
    public void processBroadcastElement(Tuple2<String, String> text, Context ctx, Collector<Observation> out)
            throws Exception {
        database.accept(text, ctx);
    }

    private void dispatch(TcpPacket p, ReadOnlyContext ctx, Collector<Observation> out) {
        try {
            SignatureDatabase db = database.current(ctx);
            if (expiresState) {
                expiryRuns.observe(p.captureId, Math.floorDiv(p.orderMicros, 1000), p.expiryRun, p.expirySeconds,
                        ctx.timerService().currentWatermark());
            }
            FlowState before = flow.value();
            TlsState tlsBefore = tls.value();
            TlsState tlsNext = tlsTracker.process(tlsBefore, p, tlsOutput(before, out, db));
            if (tlsNext == null) {
                tls.clear();
            } else {
                tls.update(tlsNext);
                if (expiresState && tlsNext != tlsBefore) {
                    ctx.timerService().registerEventTimeTimer(tlsExpiry(tlsNext));
                }
            }
            FlowState next = tracker.process(before, p, db, output(ctx, out, db));
            if (next == null) {
                flow.clear();
                if (before != null) {
                    flowsInState.decrement();
                    ctx.timerService().deleteEventTimeTimer(END_OF_INPUT); // nothing left to summarise
                }
            } else {
                flow.update(next);
                if (before == null) {
                    flowsInState.increment();
                }
                if (next.summary != null) {
                    ctx.timerService().registerEventTimeTimer(END_OF_INPUT);
                }
                if (expiresState && (before == null || before.flowId != next.flowId)) {
                    ctx.timerService().registerEventTimeTimer(firstExpiryCheck(next));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("flow processing failed at " + p.capture + " packet " + p.ordinal, e);
        }
    }

    /** TLS fingerprints go out with the flow's events and into the summary of the p0f flow they belong to. */
    private TlsTracker.Output tlsOutput(FlowState flowBefore, Collector<Observation> out, SignatureDatabase db) {
        return new TlsTracker.Output() {
            @Override
            public void clientHello(Observation o, ClientHello hello) {
                counters.count(o);
                FlowTracker.addTls(flowBefore, o);
                o.databaseVersion = db.version();
                out.collect(o);
            }

            @Override
            public void rejected(TlsReject reason) {
                tlsRejected.get(reason).inc();
            }
        };
    }

    /** Where the tracker's results go; observations carry the version of the database they were made with. */
    private FlowOutput output(ReadOnlyContext ctx, Collector<Observation> out, SignatureDatabase db) {
        return new FlowOutput() {
            @Override
            public void observation(Observation o) {
                o.databaseVersion = db.version();
                emit(o, out);
            }

            @Override
            public void hostEvent(HostEvent e) {
                ctx.output(HOST_EVENTS, e);
            }

            @Override
            public void connection(Observation o) {
                o.databaseVersion = db.version();
                ctx.output(CONNECTIONS, o);
            }
        };
    }

    private void emit(Observation o, Collector<Observation> out) {
        counters.count(o);
        out.collect(o);
    }
}
