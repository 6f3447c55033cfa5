package io.passivetcp.job.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import org.apache.flink.core.fs.FileStatus;

import io.passivetcp.flink.CaptureStatistics;

/**
 * The progress line on stderr during archive runs: files and bytes done out of the total, packets/s and an ETA,
 * refreshed about once a second. It reads the readers' counters, so it moves in embedded runs; a cluster run
 * reports the same counts as Flink metrics instead.
 */
final class Progress implements Runnable {
    private static final long REFRESH_MILLIS = 1000;

    private final PrintStream err = System.err;
    private final long totalFiles;
    private final long totalBytes;
    private final long startNanos = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;

    private Progress(long totalFiles, long totalBytes) {
        this.totalFiles = totalFiles;
        this.totalBytes = totalBytes;
        this.thread = new Thread(this, "passivetcp-progress");
        this.thread.setDaemon(true);
    }

    /** Counts the captures the run's FileSource will find, as listed before the run. */
    static Progress start(List<FileStatus> captures) {
        long bytes = 0;
        for (FileStatus capture : captures) {
            bytes += capture.getLen();
        }
        Progress progress = new Progress(captures.size(), bytes);
        progress.thread.start();
        return progress;
    }

    @Override
    public void run() {
        while (running) {
            try {
                Thread.sleep(REFRESH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                err.print("\r" + line());
                err.flush();
            }
        }
    }

    /** A message of its own line under the progress line, which the next refresh continues below it. */
    static void say(Progress progress, String message) {
        if (progress != null) {
            progress.err.println();
        }
        System.err.println(message);
    }

    void stop() {
        running = false;
        thread.interrupt();
        err.println("\r" + line());
        err.println(timing());
    }

    /**
     * Where the run's time went: start-up (JVM start to the first capture opened: Flink, the job, and for a global
     * scope the captures' hosts) and the steady-state packet rate from there to the last capture finished.
     */
    String timing() {
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        long reading = CaptureStatistics.readingNanos();
        OptionalLong firstOpened = CaptureStatistics.firstOpenedNanos();
        double sinceJvmStart = (System.currentTimeMillis() - jvmStartMillis) / 1e3;
        double startup = firstOpened.isEmpty() ? sinceJvmStart // no capture opened: all of it was start-up
                : sinceJvmStart - (System.nanoTime() - firstOpened.getAsLong()) / 1e9;
        long packets = CaptureStatistics.PACKETS_READ.sum();
        return String.format(Locale.ROOT, "start-up %.2f s | reading %.2f s | %d packets, %.0f/s steady", startup,
                reading / 1e9, packets, reading == 0 ? 0.0 : packets / (reading / 1e9));
    }

    String line() {
        double seconds = Math.max((System.nanoTime() - startNanos) / 1e9, 1e-3);
        long files = CaptureStatistics.CAPTURES_DONE.sum() + CaptureStatistics.CAPTURES_SKIPPED.sum()
                + CaptureStatistics.CAPTURES_FAILED.sum();
        long bytes = CaptureStatistics.BYTES_READ.sum();
        long packets = CaptureStatistics.PACKETS_READ.sum();
        double rate = bytes / seconds;
        String eta = bytes == 0 || bytes >= totalBytes ? "-" : duration((totalBytes - bytes) / rate);
        return String.format(Locale.ROOT,
                "files %d/%d (%d not captures, %d failed, %d other entries skipped) | %.1f/%.1f MB | %d packets, %.0f/s | %d TCP packets"
                        + " p0f would lose | ETA %s   ",
                files, totalFiles, CaptureStatistics.CAPTURES_SKIPPED.sum(), CaptureStatistics.CAPTURES_FAILED.sum(),
                CaptureStatistics.ENTRIES_SKIPPED.sum(), bytes / 1e6, totalBytes / 1e6, packets, packets / seconds, CaptureStatistics.PACKETS_BEYOND_P0F.sum(),
                eta);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
