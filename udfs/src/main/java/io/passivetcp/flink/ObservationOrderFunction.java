package io.passivetcp.flink;

import java.util.Comparator;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import io.passivetcp.Observation;

/**
 * Puts observations from all parallel flow functions back into p0f's output order: packet order (see
 * {@link io.passivetcp.packet.TcpPacket#orderMicros}), capture, position in the capture, then p0f's print order
 * within the packet. Runs on one key (and so one subtask) in front of the
 * text outputs, which must be written in order.
 */
public final class ObservationOrderFunction extends KeyedProcessFunction<Byte, Observation, Observation> {
    private static final long serialVersionUID = 1L;

    public static final Comparator<Observation> OUTPUT_ORDER = Comparator.<Observation>comparingLong(o -> o.orderMicros)
            .thenComparingLong(o -> o.captureId)
            .thenComparingLong(o -> o.ordinal)
            .thenComparingInt(o -> o.step)
            .thenComparing(o -> o.module);

    private final boolean batch;
    private transient EventTimeBuffer<Observation> buffer;

    public ObservationOrderFunction(boolean batch) {
        this.batch = batch;
    }

    @Override
    public void open(OpenContext openContext) {
        // in BATCH the topology stamps each event with its own packet time (FingerprintTopology#ordered)
        buffer = new EventTimeBuffer<>(getRuntimeContext(), "observations", RecordTypeInfo.OBSERVATION,
                OUTPUT_ORDER, o -> Math.floorDiv(o.orderMicros, 1000), batch, true);
    }

    @Override
    public void processElement(Observation o, Context ctx, Collector<Observation> out) throws Exception {
        buffer.add(o, ctx.timerService(), out::collect);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Observation> out) throws Exception {
        buffer.onTimer(timestamp, ctx.timerService(), out::collect);
    }
}
