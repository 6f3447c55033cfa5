package io.passivetcp.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import io.passivetcp.output.OrderedRun;
import io.passivetcp.output.OutputOrdered;

/**
 * Puts the records of all parallel subtasks back into p0f's output order ({@link OutputOrdered#OUTPUT_ORDER}) in
 * STREAMING: records wait in keyed state until the watermark has passed them. Runs on one key ({@link OneKey}, and
 * so one subtask) in front of the text outputs, which must be written in order. (BATCH merges sorted runs instead,
 * {@link RunMergeFunction}.)
 */
public final class OutputOrderFunction<T extends OutputOrdered> extends KeyedProcessFunction<Byte, T, T> {
    private static final long serialVersionUID = 1L;

    private final RecordTypeInfo<T> type;
    private transient EventTimeBuffer<T> buffer;

    public OutputOrderFunction(RecordTypeInfo<T> type) {
        this.type = type;
    }

    @Override
    public void open(OpenContext openContext) {
        buffer = new EventTimeBuffer<>(getRuntimeContext(), "observations", type, OutputOrdered.OUTPUT_ORDER,
                OrderedRun::millis, false, false);
    }

    @Override
    public void processElement(T o, Context ctx, Collector<T> out) throws Exception {
        buffer.add(o, ctx.timerService(), out::collect);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<T> out) throws Exception {
        buffer.onTimer(timestamp, ctx.timerService(), out::collect);
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
