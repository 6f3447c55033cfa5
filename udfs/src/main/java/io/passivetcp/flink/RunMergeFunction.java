package io.passivetcp.flink;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import io.passivetcp.output.OrderedRun;
import io.passivetcp.output.OrderedRunMerge;
import io.passivetcp.output.OutputOrdered;

/**
 * Puts the records of all parallel subtasks back into p0f's output order in BATCH, on one key
 * ({@link OutputOrderFunction.OneKey}) and so one subtask: Flink hands the key's {@link OrderedRun}s sorted by the
 * time stamped on them ({@link FirstMillis}), and {@link OrderedRunMerge} merges them. The last are released by a
 * timer at the end of time, which BATCH fires after the key's last record.
 */
public final class RunMergeFunction<T extends OutputOrdered> extends KeyedProcessFunction<Byte, OrderedRun<T>, T> {
    private static final long serialVersionUID = 1L;

    private transient OrderedRunMerge<T> merge;
    private transient boolean endOfInputArmed;

    @Override
    public void open(OpenContext openContext) {
        merge = new OrderedRunMerge<>();
    }

    @Override
    public void processElement(OrderedRun<T> run, Context ctx, Collector<T> out) {
        merge.add(run, out::collect);
        if (!endOfInputArmed) {
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            endOfInputArmed = true;
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<T> out) {
        merge.finish(out::collect);
    }

    /** The event time of a run: its first record's packet millisecond. */
    public static final class FirstMillis<T extends OutputOrdered> implements SerializableTimestampAssigner<OrderedRun<T>> {
        private static final long serialVersionUID = 1L;

        @Override
        public long extractTimestamp(OrderedRun<T> run, long recordTimestamp) {
            return run.firstMillis();
        }
    }
}
