package io.passivetcp.flink;

import java.util.Comparator;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

import io.passivetcp.Observation;
import io.passivetcp.host.FlowState;
import io.passivetcp.host.FlowTracker;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.SignatureSyntaxException;

/**
 * Connection state and TCP fingerprinting: one key per connection, the signature database from broadcast state.
 *
 * <p>A thin shell over {@link FlowTracker}: it restores the packets' event-time order ({@link EventTimeBuffer}),
 * keeps the {@link FlowState} in keyed state and counts what it sees.
 */
public final class FlowFunction
        extends KeyedBroadcastProcessFunction<FlowKey, TcpPacket, Tuple2<String, String>, Observation> {
    private static final long serialVersionUID = 1L;

    /** Packet order: {@link TcpPacket#orderMicros}, then capture, then position in the capture. */
    static final Comparator<TcpPacket> PACKET_ORDER = Comparator.<TcpPacket>comparingLong(p -> p.orderMicros)
            .thenComparingLong(p -> p.captureId)
            .thenComparingLong(p -> p.ordinal);

    private final boolean batch;
    private final long connMaxAgeSeconds;

    private transient ValueState<FlowState> flow;
    private transient EventTimeBuffer<TcpPacket> buffer;
    private transient FlowTracker tracker;
    private transient DatabaseCache databases;
    private transient Counter packetsForwarded;
    private transient Counter signaturesMatched;
    private transient Counter signaturesUnmatched;

    public FlowFunction(boolean batch, long connMaxAgeSeconds) {
        this.batch = batch;
        this.connMaxAgeSeconds = connMaxAgeSeconds;
    }

    @Override
    public void open(OpenContext openContext) {
        flow = getRuntimeContext().getState(
                new ValueStateDescriptor<>("flow", TypeInformation.of(FlowState.class)));
        buffer = new EventTimeBuffer<>(getRuntimeContext(), "packets", RecordTypeInfo.TCP_PACKET, PACKET_ORDER,
                p -> Math.floorDiv(p.orderMicros, 1000), batch, true);
        tracker = new FlowTracker(connMaxAgeSeconds);
        databases = new DatabaseCache();
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        packetsForwarded = metrics.counter("packetsForwarded");
        signaturesMatched = metrics.counter("signaturesMatched");
        signaturesUnmatched = metrics.counter("signaturesUnmatched");
        CaptureStatistics.registerGauges(metrics);
    }

    @Override
    public void processElement(TcpPacket packet, ReadOnlyContext ctx, Collector<Observation> out) throws Exception {
        packetsForwarded.inc();
        buffer.add(packet, ctx.timerService(), p -> dispatch(p, ctx, out));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Observation> out) throws Exception {
        buffer.onTimer(timestamp, ctx.timerService(), p -> dispatch(p, ctx, out));
    }

    @Override
    public void processBroadcastElement(Tuple2<String, String> database, Context ctx, Collector<Observation> out)
            throws Exception {
        databases.get(database); // a database that does not parse never replaces the one in force
        ctx.getBroadcastState(StateDescriptors.DATABASE).put(StateDescriptors.CURRENT_DATABASE, database);
    }

    private void dispatch(TcpPacket p, ReadOnlyContext ctx, Collector<Observation> out) {
        try {
            Tuple2<String, String> text =
                    ctx.getBroadcastState(StateDescriptors.DATABASE).get(StateDescriptors.CURRENT_DATABASE);
            if (text == null) {
                throw new IllegalStateException("no signature database has arrived before packet time "
                        + p.tsMicros);
            }
            SignatureDatabase db = databases.get(text);
            FlowState next = tracker.process(flow.value(), p, db, o -> emit(o, out));
            if (next == null) {
                flow.clear();
            } else {
                flow.update(next);
            }
        } catch (Exception e) {
            throw new IllegalStateException("flow processing failed at " + p.capture + " packet " + p.ordinal, e);
        }
    }

    private void emit(Observation o, Collector<Observation> out) {
        if (o.step == Observation.STEP_FINGERPRINT) {
            ("???".equals(o.value(0)) ? signaturesUnmatched : signaturesMatched).inc();
        }
        out.collect(o);
    }

    /** Parses a broadcast database once per text, not once per packet. */
    static final class DatabaseCache {
        private Tuple2<String, String> text;
        private SignatureDatabase parsed;

        SignatureDatabase get(Tuple2<String, String> t) throws SignatureSyntaxException {
            if (t != text && !t.equals(text)) {
                parsed = SignatureDatabase.parse(t.f0, t.f1);
                text = t;
            }
            return parsed;
        }
    }
}
