package io.passivetcp.flink;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import io.passivetcp.output.LogEntry;
import io.passivetcp.output.LogRun;
import io.passivetcp.output.LogRunBuilder;

/**
 * Groups a subtask's log entries into {@link LogRun}s where they arise (BATCH), for {@link LogRunMergeFunction}. The
 * last run is sent at the end of the input.
 */
public final class LogRunOperator extends AbstractStreamOperator<LogRun>
        implements OneInputStreamOperator<LogEntry, LogRun>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private transient LogRunBuilder runs;

    @Override
    public void open() throws Exception {
        super.open();
        runs = new LogRunBuilder(run -> output.collect(new StreamRecord<>(run)));
    }

    @Override
    public void processElement(StreamRecord<LogEntry> entry) {
        runs.add(entry.getValue());
    }

    @Override
    public void endInput() {
        runs.flush();
    }
}
