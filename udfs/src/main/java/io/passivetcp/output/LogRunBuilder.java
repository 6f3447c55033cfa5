package io.passivetcp.output;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Groups a subtask's log entries, in the order they arise, into {@link LogRun}s. A run ends before an entry that
 * would make it span more than {@link #SPAN_MILLIS} of packet time, or at {@link #MAX_ENTRIES} entries or
 * {@link #MAX_BYTES} bytes of text: {@link LogRunMerge} holds a run from its first entry's time until it has
 * released its last, so these bound what it holds to the entries of about two seconds of packet time, whatever the
 * archive's size.
 */
public final class LogRunBuilder {
    /** Packet time one run may span. */
    public static final long SPAN_MILLIS = 1_000;
    public static final int MAX_ENTRIES = 1_024;
    /** Text bytes (log lines and console blocks) of one run. */
    public static final int MAX_BYTES = 64 * 1024;

    private final Consumer<LogRun> out;
    private final LogEntry[] entries = new LogEntry[MAX_ENTRIES];
    private int size;
    private int bytes;
    private long minMillis;
    private long maxMillis;

    public LogRunBuilder(Consumer<LogRun> out) {
        this.out = out;
    }

    public void add(LogEntry e) {
        long ms = LogRun.millis(e);
        int length = length(e.line) + length(e.block);
        if (size > 0 && (Math.max(maxMillis, ms) - Math.min(minMillis, ms) > SPAN_MILLIS
                || size == MAX_ENTRIES || bytes + length > MAX_BYTES)) {
            flush();
        }
        if (size == 0) {
            minMillis = ms;
            maxMillis = ms;
        } else {
            minMillis = Math.min(minMillis, ms);
            maxMillis = Math.max(maxMillis, ms);
        }
        entries[size++] = e;
        bytes += length;
    }

    /** Sends the entries held as a run, if there are any. */
    public void flush() {
        if (size == 0) {
            return;
        }
        out.accept(new LogRun(entries, size));
        Arrays.fill(entries, 0, size, null);
        size = 0;
        bytes = 0;
    }

    private static int length(byte[] text) {
        return text == null ? 0 : text.length;
    }
}
