package io.passivetcp.flink;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import io.passivetcp.output.OrderedRun;
import io.passivetcp.output.OrderedRuns;
import io.passivetcp.output.OutputOrdered;

/**
 * Groups a subtask's records into {@link OrderedRun}s where they arise (BATCH), for {@link RunMergeFunction}. The
 * last run is sent at the end of the input.
 */
public final class RunOperator<T extends OutputOrdered> extends AbstractStreamOperator<OrderedRun<T>>
        implements OneInputStreamOperator<T, OrderedRun<T>>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private transient OrderedRuns<T> runs;

    @Override
    public void open() throws Exception {
        super.open();
        runs = new OrderedRuns<>(run -> output.collect(new StreamRecord<>(run)));
    }

    @Override
    public void processElement(StreamRecord<T> record) {
        runs.add(record.getValue());
    }

    @Override
    public void endInput() {
        runs.flush();
    }
}
