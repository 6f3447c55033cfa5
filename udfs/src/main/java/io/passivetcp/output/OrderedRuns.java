package io.passivetcp.output;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Groups a subtask's records, in the order they arise, into {@link OrderedRun}s. A run ends before a record that
 * would make it span more than {@link #SPAN_MILLIS} of packet time, or at {@link #MAX_RECORDS} records or
 * {@link #MAX_BYTES} bytes of text ({@link OutputOrdered#textBytes}): {@link OrderedRunMerge} holds a run from its first record's time until it has
 * released its last, so these bound what it holds to the records of about two seconds of packet time, whatever the
 * archive's size.
 */
public final class OrderedRuns<T extends OutputOrdered> {
    /** Packet time one run may span. */
    public static final long SPAN_MILLIS = 1_000;
    public static final int MAX_RECORDS = 1_024;
    /** Text bytes (e.g. log lines and console blocks) of one run. */
    public static final int MAX_BYTES = 64 * 1024;

    private final Consumer<OrderedRun<T>> out;
    private final List<T> records = new ArrayList<>(MAX_RECORDS);
    private int bytes;
    private long minMillis;
    private long maxMillis;

    public OrderedRuns(Consumer<OrderedRun<T>> out) {
        this.out = out;
    }

    public void add(T record) {
        long ms = OrderedRun.millis(record);
        int length = record.textBytes();
        if (!records.isEmpty() && (Math.max(maxMillis, ms) - Math.min(minMillis, ms) > SPAN_MILLIS
                || records.size() == MAX_RECORDS || bytes + length > MAX_BYTES)) {
            flush();
        }
        if (records.isEmpty()) {
            minMillis = ms;
            maxMillis = ms;
        } else {
            minMillis = Math.min(minMillis, ms);
            maxMillis = Math.max(maxMillis, ms);
        }
        records.add(record);
        bytes += length;
    }

    /** Sends the records held as a run, if there are any. */
    public void flush() {
        if (records.isEmpty()) {
            return;
        }
        out.accept(OrderedRun.of(records));
        records.clear();
        bytes = 0;
    }
}
