package io.passivetcp.output;

import java.util.Arrays;

/**
 * Log entries that travel together to the one subtask that restores p0f's output order: consecutive entries of one
 * parallel subtask, sorted in output order ({@link OutputOrdered#OUTPUT_ORDER}). A BATCH run's text outputs sort
 * these runs by their first entry's packet millisecond and merge them ({@link LogRunMerge}), where they sorted every
 * entry: far fewer records through the sort, for the same order.
 */
public final class LogRun {
    /** The entries in output order. */
    public LogEntry[] entries;

    public LogRun() {}

    /** The first {@code size} of {@code entries}, put in output order. */
    public LogRun(LogEntry[] entries, int size) {
        this.entries = Arrays.copyOf(entries, size);
        Arrays.sort(this.entries, OutputOrdered.OUTPUT_ORDER);
    }

    /** The packet millisecond of the first entry, the earliest of the run. */
    public long firstMillis() {
        return millis(entries[0]);
    }

    /** The packet millisecond of an entry, by which runs are sorted and released. */
    static long millis(OutputOrdered e) {
        return Math.floorDiv(e.orderMicros(), 1000);
    }
}
