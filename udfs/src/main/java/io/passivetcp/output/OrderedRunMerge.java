package io.passivetcp.output;

import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Merges {@link OrderedRun}s, given in the order of their first record's packet millisecond, into one stream of
 * records in p0f's output order. When a run starting at millisecond M arrives, no run still to come holds a record
 * before M (each run's first record is its earliest), so every held record before M can be released, smallest
 * first.
 */
public final class OrderedRunMerge<T extends OutputOrdered> {
    /** The runs with records still to release, by their next record. */
    private final PriorityQueue<Cursor<T>> held = new PriorityQueue<>(
            (a, b) -> OutputOrdered.OUTPUT_ORDER.compare(a.next(), b.next()));
    private long lastFirstMillis = Long.MIN_VALUE;

    /**
     * Takes the next run and releases to {@code out} the records that now come before everything to come.
     *
     * @throws IllegalArgumentException when the run starts before one given earlier
     */
    public void add(OrderedRun<T> run, Consumer<T> out) {
        long first = run.firstMillis();
        if (first < lastFirstMillis) {
            throw new IllegalArgumentException("run at " + first + " ms after one at " + lastFirstMillis + " ms");
        }
        lastFirstMillis = first;
        release(first, out);
        held.add(new Cursor<>(run.records));
    }

    /** Releases everything held: no run comes after. */
    public void finish(Consumer<T> out) {
        release(Long.MAX_VALUE, out);
    }

    /** Runs held, for tests of the bound. */
    int held() {
        return held.size();
    }

    private void release(long beforeMillis, Consumer<T> out) {
        while (!held.isEmpty() && OrderedRun.millis(held.peek().next()) < beforeMillis) {
            Cursor<T> c = held.poll();
            Cursor<T> other = held.peek();
            do { // the run's own records while they stay ahead of every other run's
                out.accept(c.next());
            } while (++c.position < c.records.size() && OrderedRun.millis(c.next()) < beforeMillis
                    && (other == null || OutputOrdered.OUTPUT_ORDER.compare(c.next(), other.next()) <= 0));
            if (c.position < c.records.size()) {
                held.add(c);
            }
        }
    }

    private static final class Cursor<T> {
        final List<T> records;
        int position;

        Cursor(List<T> records) {
            this.records = records;
        }

        T next() {
            return records.get(position);
        }
    }
}
