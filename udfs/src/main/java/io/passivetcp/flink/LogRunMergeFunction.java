package io.passivetcp.flink;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import io.passivetcp.output.LogEntry;
import io.passivetcp.output.LogRun;
import io.passivetcp.output.LogRunMerge;

/**
 * Puts the log entries of all parallel subtasks back into p0f's output order in BATCH, on one key
 * ({@link OutputOrderFunction.OneKey}) and so one subtask: Flink hands the key's {@link LogRun}s sorted by the
 * time stamped on them ({@link FirstMillis}), and {@link LogRunMerge} merges them. The last are released by a timer
 * at the end of time, which BATCH fires after the key's last record.
 */
public final class LogRunMergeFunction extends KeyedProcessFunction<Byte, LogRun, LogEntry> {
    private static final long serialVersionUID = 1L;

    private transient LogRunMerge merge;
    private transient boolean endOfInputArmed;

    @Override
    public void open(OpenContext openContext) {
        merge = new LogRunMerge();
    }

    @Override
    public void processElement(LogRun run, Context ctx, Collector<LogEntry> out) {
        merge.add(run, out::collect);
        if (!endOfInputArmed) {
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            endOfInputArmed = true;
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LogEntry> out) {
        merge.finish(out::collect);
    }

    /** The event time of a run: its first entry's packet millisecond. */
    public static final class FirstMillis implements SerializableTimestampAssigner<LogRun> {
        private static final long serialVersionUID = 1L;

        @Override
        public long extractTimestamp(LogRun run, long recordTimestamp) {
            return run.firstMillis();
        }
    }
}
