package io.passivetcp.job.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Waits for a streaming job the way a long-running capture tool is expected to behave: the job runs until its input
 * ends, or until Ctrl-C (SIGINT) or SIGTERM, which drain it: the end of event time is sent through the job, so every
 * buffered packet, open flow and pending event reaches the outputs, the table files are committed, and a final
 * savepoint is written from which {@code --from-savepoint} resumes. A second signal cancels at once.
 */
final class StreamingRun {
    private StreamingRun() {}

    static void untilDoneOrInterrupted(JobClient job, String savepointDir) throws Exception {
        AtomicBoolean draining = new AtomicBoolean();
        SignalHandler stop = signal -> {
            if (draining.compareAndSet(false, true)) {
                System.err.println("passivetcp: draining (press Ctrl-C again to cancel)");
                job.stopWithSavepoint(true, savepointDir, SavepointFormatType.CANONICAL).whenComplete((path, e) ->
                        System.err.println(e == null ? "passivetcp: stopped; resume with --from-savepoint " + path
                                : "passivetcp: draining failed: " + e.getMessage()));
            } else {
                job.cancel();
            }
        };
        Signal.handle(new Signal("INT"), stop);
        Signal.handle(new Signal("TERM"), stop);
        try {
            job.getJobExecutionResult().get();
        } catch (ExecutionException e) {
            if (!draining.get()) {
                throw e;
            }
        }
    }
}
