package io.passivetcp.flink;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import io.passivetcp.output.OutputOrdered;

/**
 * Puts the records of all parallel subtasks back into p0f's output order ({@link OutputOrdered#OUTPUT_ORDER}).
 * Runs on one key ({@link OneKey}, and so one subtask) in front of the text outputs, which must be written in order.
 */
public final class OutputOrderFunction<T extends OutputOrdered> extends KeyedProcessFunction<Byte, T, T> {
    private static final long serialVersionUID = 1L;

    private final boolean batch;
    private final RecordTypeInfo<T> type;
    /** STREAMING: records wait in keyed state until the watermark has passed them. */
    private transient EventTimeBuffer<T> buffer;
    /**
     * BATCH: Flink hands the one key's records sorted by their packet time, which the topology stamped on them
     * ({@link PacketTime}), in no fixed order within a millisecond; so only the current millisecond's records wait
     * here, on the heap, and no per-record state or timer is needed.
     */
    private transient List<T> sameMillisecond;
    private transient long millisecond;
    private transient boolean endOfInputArmed;

    public OutputOrderFunction(boolean batch, RecordTypeInfo<T> type) {
        this.batch = batch;
        this.type = type;
    }

    @Override
    public void open(OpenContext openContext) {
        if (batch) {
            sameMillisecond = new ArrayList<>();
        } else {
            buffer = new EventTimeBuffer<>(getRuntimeContext(), "observations", type, OutputOrdered.OUTPUT_ORDER,
                    OutputOrderFunction::packetMillis, false, false);
        }
    }

    @Override
    public void processElement(T o, Context ctx, Collector<T> out) throws Exception {
        if (!batch) {
            buffer.add(o, ctx.timerService(), out::collect);
            return;
        }
        long ms = packetMillis(o);
        if (ms != millisecond) {
            release(out);
            millisecond = ms;
        }
        sameMillisecond.add(o);
        if (!endOfInputArmed) {
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE); // BATCH fires it after the key's last record
            endOfInputArmed = true;
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<T> out) throws Exception {
        if (batch) {
            release(out);
        } else {
            buffer.onTimer(timestamp, ctx.timerService(), out::collect);
        }
    }

    private void release(Collector<T> out) {
        sameMillisecond.sort(OutputOrdered.OUTPUT_ORDER);
        sameMillisecond.forEach(out::collect);
        sameMillisecond.clear();
    }

    private static long packetMillis(OutputOrdered o) {
        return Math.floorDiv(o.orderMicros(), 1000);
    }

    /** The event time of a record: its packet's time in milliseconds. */
    public static final class PacketTime<T extends OutputOrdered> implements SerializableTimestampAssigner<T> {
        private static final long serialVersionUID = 1L;

        @Override
        public long extractTimestamp(T o, long recordTimestamp) {
            return packetMillis(o);
        }
    }

    /** The one key every record has. */
    public static final class OneKey<T> implements KeySelector<T, Byte> {
        private static final long serialVersionUID = 1L;

        @Override
        public Byte getKey(T o) {
            return 0;
        }
    }
}
