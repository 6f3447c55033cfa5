package io.passivetcp.flink;

import java.util.Comparator;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

import io.passivetcp.Observation;
import io.passivetcp.host.HostEvent;
import io.passivetcp.host.HostState;
import io.passivetcp.host.HostTracker;
import io.passivetcp.signature.SignatureDatabase;

/**
 * Host state: one key per host address, fed by the flow functions' {@link HostEvent}s, with the signature database
 * from broadcast state. A thin shell over {@link HostTracker}, which produces uptime, host change and ip sharing.
 *
 * <p>Events reach a host from many flows, and so from many parallel flow functions; they are applied strictly in
 * packet order ({@link EventTimeBuffer}), so that a SYN of one connection never overtakes an earlier packet of
 * another.
 */
public final class HostFunction
        extends KeyedBroadcastProcessFunction<HostKey, HostEvent, Tuple2<String, String>, Observation> {
    private static final long serialVersionUID = 1L;

    /**
     * Event order: packet order, capture, position; within one packet the server's event before the client's
     * (they only share a key when a host talks to itself).
     */
    static final Comparator<HostEvent> EVENT_ORDER = Comparator.<HostEvent>comparingLong(e -> e.orderMicros)
            .thenComparingLong(e -> e.captureId)
            .thenComparingLong(e -> e.ordinal)
            .thenComparing(e -> e.subjectIsClient);

    private final boolean batch;
    private final boolean expiresState;
    private final long hostIdleLimitMinutes;
    private final long connMaxAgeSeconds;

    private transient ValueState<HostState> host;
    private transient EventTimeBuffer<HostEvent> buffer;
    private transient HostTracker tracker;
    private transient BroadcastDatabase database;
    private transient ValueState<Long> expiryCheck;
    private transient StateCount hostsInState;
    private transient ExpiryEvidence expiryRuns;

    /** @param expiresState drop expired hosts from state, as {@link FlowFunction} does flows */
    public HostFunction(boolean batch, long hostIdleLimitMinutes, long connMaxAgeSeconds, boolean expiresState) {
        this.batch = batch;
        this.expiresState = expiresState;
        this.hostIdleLimitMinutes = hostIdleLimitMinutes;
        this.connMaxAgeSeconds = connMaxAgeSeconds;
    }

    @Override
    public void open(OpenContext openContext) {
        host = getRuntimeContext().getState(new ValueStateDescriptor<>("host", TypeInformation.of(HostState.class)));
        // Host events carry the Flink timestamp of the packet that released them, not their own: no early release.
        buffer = new EventTimeBuffer<>(getRuntimeContext(), "host-events", RecordTypeInfo.HOST_EVENT, EVENT_ORDER,
                e -> Math.floorDiv(e.orderMicros, 1000), batch, false);
        tracker = new HostTracker(hostIdleLimitMinutes, connMaxAgeSeconds);
        database = new BroadcastDatabase();
        expiryCheck = getRuntimeContext().getState(new ValueStateDescriptor<>("host-expiry-check", Types.LONG));
        hostsInState = new StateCount(getRuntimeContext().getMetricGroup(), "hostsInState");
        expiryRuns = new ExpiryEvidence();
    }

    @Override
    public void processElement(HostEvent e, ReadOnlyContext ctx, Collector<Observation> out) throws Exception {
        buffer.add(e, ctx.timerService(), x -> apply(x, ctx, out));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Observation> out) throws Exception {
        buffer.onTimer(timestamp, ctx.timerService(), x -> apply(x, ctx, out));
        Long armed = expiryCheck.value();
        if (armed == null || timestamp < armed) {
            return;
        }
        expiryCheck.clear();
        HostState h = host.value();
        if (h == null) {
            return;
        }
        long now = Math.max(timestamp, ctx.timerService().currentWatermark());
        long[] run = expiryRuns.latestRunBefore(h.lastCaptureId, timestamp);
        if (run != null && tracker.expiredAt(h, h.lastCaptureId, run[0], run[1])) {
            host.clear();
            hostsInState.decrement();
        } else if (now != Long.MAX_VALUE) { // no more checks at the end of input
            arm(Math.max(firstExpiryCheck(h), now + FlowFunction.EXPIRY_RECHECK_MILLIS), ctx);
        }
    }

    /**
     * STREAMING: a host leaves the state once p0f's cache expiry has destroyed it, checked from when it has been idle
     * for {@code host_idle_limit}, then every minute until a run proves it ({@link ExpiryEvidence}). One check is
     * armed per host at a time.
     */
    private long firstExpiryCheck(HostState h) {
        return (h.lastSeen + hostIdleLimitMinutes * 60 + 1) * 1000;
    }

    private void arm(long due, ReadOnlyContext ctx) throws Exception {
        ctx.timerService().registerEventTimeTimer(due);
        expiryCheck.update(due);
    }

    @Override
    public void processBroadcastElement(Tuple2<String, String> text, Context ctx, Collector<Observation> out)
            throws Exception {
        database.accept(text, ctx);
    }

    private void apply(HostEvent e, ReadOnlyContext ctx, Collector<Observation> out) {
        try {
            SignatureDatabase db = database.current(ctx);
            if (expiresState) {
                expiryRuns.observe(e.captureId, Math.floorDiv(e.orderMicros, 1000), e.expiryRun, e.expirySeconds,
                        ctx.timerService().currentWatermark());
            }
            HostState before = host.value();
            HostState next = tracker.process(before, e, db, o -> {
                o.databaseVersion = db.version();
                out.collect(o);
            });
            host.update(next); // the tracker never forgets a host it was given an event for
            if (before == null) {
                hostsInState.increment();
            }
            if (expiresState && expiryCheck.value() == null) {
                arm(firstExpiryCheck(next), ctx);
            }
        } catch (Exception x) {
            throw new IllegalStateException("host processing failed at " + e.capture + " packet " + e.ordinal, x);
        }
    }
}
