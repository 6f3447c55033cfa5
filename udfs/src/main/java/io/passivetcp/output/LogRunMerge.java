package io.passivetcp.output;

import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Merges {@link LogRun}s, given in the order of their first entry's packet millisecond, into one stream of entries
 * in p0f's output order. When a run starting at millisecond M arrives, no run still to come holds an entry before
 * M (each run's first entry is its earliest), so every held entry before M can be released, smallest first.
 */
public final class LogRunMerge {
    /** The runs with entries still to release, by their next entry. */
    private final PriorityQueue<Cursor> held = new PriorityQueue<>(
            (a, b) -> OutputOrdered.OUTPUT_ORDER.compare(a.next(), b.next()));
    private long lastFirstMillis = Long.MIN_VALUE;

    /**
     * Takes the next run and releases to {@code out} the entries that now come before everything to come.
     *
     * @throws IllegalArgumentException when the run starts before one given earlier
     */
    public void add(LogRun run, Consumer<LogEntry> out) {
        long first = run.firstMillis();
        if (first < lastFirstMillis) {
            throw new IllegalArgumentException("log run at " + first + " ms after one at " + lastFirstMillis + " ms");
        }
        lastFirstMillis = first;
        release(first, out);
        held.add(new Cursor(run.entries));
    }

    /** Releases everything held: no run comes after. */
    public void finish(Consumer<LogEntry> out) {
        release(Long.MAX_VALUE, out);
    }

    /** Runs held, for tests of the bound. */
    int held() {
        return held.size();
    }

    private void release(long beforeMillis, Consumer<LogEntry> out) {
        while (!held.isEmpty() && LogRun.millis(held.peek().next()) < beforeMillis) {
            Cursor c = held.poll();
            Cursor other = held.peek();
            do { // the run's own entries while they stay ahead of every other run's
                out.accept(c.next());
            } while (++c.position < c.entries.length && LogRun.millis(c.next()) < beforeMillis
                    && (other == null || OutputOrdered.OUTPUT_ORDER.compare(c.next(), other.next()) <= 0));
            if (c.position < c.entries.length) {
                held.add(c);
            }
        }
    }

    private static final class Cursor {
        final LogEntry[] entries;
        int position;

        Cursor(LogEntry[] entries) {
            this.entries = entries;
        }

        LogEntry next() {
            return entries[position];
        }
    }
}
