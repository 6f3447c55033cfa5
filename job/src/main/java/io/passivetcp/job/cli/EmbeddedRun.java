package io.passivetcp.job.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.CheckpointException;
import org.apache.flink.runtime.checkpoint.CheckpointFailureReason;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs the embedded job the way a long-running capture tool is expected to behave at Ctrl-C (SIGINT) or SIGTERM,
 * from the moment it is submitted: a signal during the MiniCluster's start-up stops the job as soon as it exists.
 */
final class EmbeddedRun {
    /** The shell's code for a process ended by SIGINT: 128 + 2. */
    static final int EXIT_INTERRUPTED = 130;
    /** How long a drain waits for the job's tasks to run before it asks again, and how often it asks: a minute. */
    private static final long DRAIN_RETRY_MILLIS = 500;
    private static final int DRAIN_ATTEMPTS = 120;

    private EmbeddedRun() {}

    /**
     * How a streaming run ended: by its input, or by a signal, drained to its final savepoint or (a second signal,
     * or a drain that failed) cancelled without one.
     */
    record StreamingEnd(boolean signalled, String savepoint) {}

    /**
     * A streaming job runs until its input ends, or until a signal drains it: the end of event time is sent
     * through the job, so every buffered packet, open flow and pending event reaches the outputs, the table files are
     * committed, and a final savepoint is written from which {@code --from-savepoint} resumes. A drain asked for
     * while the job's tasks are still starting (or restoring a savepoint) is asked again until they run. A second
     * signal cancels the job.
     */
    static StreamingEnd streaming(Callable<JobClient> submit, String savepointDir, Consumer<String> say)
            throws Exception {
        AtomicReference<CompletableFuture<String>> savepoint = new AtomicReference<>();
        boolean signalled = untilDone(submit, JobClient::cancel, job -> {
            say.accept("passivetcp: draining (press Ctrl-C again to cancel)");
            savepoint.set(drain(job, savepointDir, DRAIN_ATTEMPTS).whenComplete((path, e) -> say.accept(e == null
                    ? "passivetcp: stopped; resume with --from-savepoint " + path
                    : "passivetcp: draining failed: " + e.getMessage() + " (press Ctrl-C again to cancel)")));
        });
        CompletableFuture<String> written = savepoint.get();
        try {
            return new StreamingEnd(signalled, written == null ? null : written.get());
        } catch (ExecutionException | CancellationException e) {
            return new StreamingEnd(signalled, null); // said above
        }
    }

    /** Stop-with-savepoint with drain, asked again while the job's tasks are not all running yet. */
    private static CompletableFuture<String> drain(JobClient job, String savepointDir, int attempts) {
        CompletableFuture<String> stop = job.stopWithSavepoint(true, savepointDir, SavepointFormatType.CANONICAL);
        if (attempts <= 1) {
            return stop;
        }
        return stop.exceptionallyCompose(e -> tasksNotRunningYet(e)
                ? CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(DRAIN_RETRY_MILLIS,
                        TimeUnit.MILLISECONDS)).thenCompose(ignored -> drain(job, savepointDir, attempts - 1))
                : CompletableFuture.failedFuture(e));
    }

    /** Flink's refusal of a checkpoint while some task is still deploying or restoring. */
    private static boolean tasksNotRunningYet(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CheckpointException c
                    && c.getCheckpointFailureReason() == CheckpointFailureReason.NOT_ALL_REQUIRED_TASKS_RUNNING) {
                return true;
            }
        }
        return false;
    }

    /**
     * A batch job runs until its input ends, or until a signal cancels it. It writes its logs and tables at its
     * end, after the order of all events is known, so a cancelled run leaves none: nothing is half written. A second
     * signal quits at once.
     *
     * @return false when a signal cancelled it
     */
    static boolean batch(Callable<JobClient> submit, Consumer<String> say) throws Exception {
        return !untilDone(submit, job -> System.exit(EXIT_INTERRUPTED), job -> {
            say.accept("passivetcp: cancelling (press Ctrl-C again to quit at once); a batch run writes its"
                    + " logs and tables at its end, so this one leaves none");
            job.cancel();
        });
    }

    /**
     * Submits the job and waits for its end; the first signal calls {@code stop} with the job once it is submitted,
     * a later one {@code again}, or quits when the job is not submitted yet.
     *
     * @return whether a signal stopped the job
     */
    private static boolean untilDone(Callable<JobClient> submit, Consumer<JobClient> again, Consumer<JobClient> stop)
            throws Exception {
        CompletableFuture<JobClient> submitted = new CompletableFuture<>();
        AtomicBoolean stopping = new AtomicBoolean();
        SignalHandler handler = signal -> {
            if (stopping.compareAndSet(false, true)) {
                submitted.thenAccept(stop);
            } else if (submitted.isDone()) {
                again.accept(submitted.join());
            } else {
                System.exit(EXIT_INTERRUPTED); // twice before the job exists: nothing to stop yet
            }
        };
        Signal.handle(new Signal("INT"), handler);
        Signal.handle(new Signal("TERM"), handler);
        JobClient job = submit.call();
        submitted.complete(job);
        try {
            job.getJobExecutionResult().get();
        } catch (ExecutionException e) {
            if (!stopping.get()) {
                throw e;
            }
        }
        return stopping.get();
    }
}
