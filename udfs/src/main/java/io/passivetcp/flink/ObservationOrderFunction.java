package io.passivetcp.flink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
    /** STREAMING: events wait in keyed state until the watermark has passed them. */
    private transient EventTimeBuffer<Observation> buffer;
    /**
     * BATCH: Flink hands the one key's events sorted by their packet time, which the topology stamped on them
     * ({@code FingerprintTopology#ordered}), in no fixed order within a millisecond; so only the current
     * millisecond's events wait here, on the heap, and no per-event state or timer is needed.
     */
    private transient List<Observation> sameMillisecond;
    private transient long millisecond;
    private transient boolean endOfInputArmed;

    public ObservationOrderFunction(boolean batch) {
        this.batch = batch;
    }

    @Override
    public void open(OpenContext openContext) {
        if (batch) {
            sameMillisecond = new ArrayList<>();
        } else {
            buffer = new EventTimeBuffer<>(getRuntimeContext(), "observations", RecordTypeInfo.OBSERVATION,
                    OUTPUT_ORDER, o -> Math.floorDiv(o.orderMicros, 1000), false, false);
        }
    }

    @Override
    public void processElement(Observation o, Context ctx, Collector<Observation> out) throws Exception {
        if (!batch) {
            buffer.add(o, ctx.timerService(), out::collect);
            return;
        }
        long ms = Math.floorDiv(o.orderMicros, 1000);
        if (ms != millisecond) {
            release(out);
            millisecond = ms;
        }
        sameMillisecond.add(o);
        if (!endOfInputArmed) {
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE); // BATCH fires it after the key's last event
            endOfInputArmed = true;
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Observation> out) throws Exception {
        if (batch) {
            release(out);
        } else {
            buffer.onTimer(timestamp, ctx.timerService(), out::collect);
        }
    }

    private void release(Collector<Observation> out) {
        sameMillisecond.sort(OUTPUT_ORDER);
        sameMillisecond.forEach(out::collect);
        sameMillisecond.clear();
    }
}
