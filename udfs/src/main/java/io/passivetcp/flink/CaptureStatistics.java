package io.passivetcp.flink;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * Counts of the capture readers in this JVM: what the progress line shows in embedded runs, and Flink gauges.
 *
 * <p>A {@code BulkFormat} reader gets no metric group from Flink, so the readers count here and the flow function
 * publishes the counts as gauges of its TaskManager.
 */
public final class CaptureStatistics {
    private CaptureStatistics() {}

    /**
     * Input splits the readers opened. FileSource makes one split per file and a split is read by one reader, so
     * this is the number of files, and no more readers than files can work at once.
     */
    public static final LongAdder SPLITS_OPENED = new LongAdder();
    public static final LongAdder CAPTURES_DONE = new LongAdder();
    /** Files that are not captures. */
    public static final LongAdder CAPTURES_SKIPPED = new LongAdder();
    /** Captures that could not be opened, or that end early on a damaged record. */
    public static final LongAdder CAPTURES_FAILED = new LongAdder();
    /** Entries that input discovery left out: FIFOs, sockets, devices, dangling links, link loops, unreadable. */
    public static final LongAdder ENTRIES_SKIPPED = new LongAdder();
    /** Bytes of capture files consumed, as stored (compressed where the file is). */
    public static final LongAdder BYTES_READ = new LongAdder();
    public static final LongAdder PACKETS_READ = new LongAdder();
    public static final LongAdder PACKETS_FORWARDED = new LongAdder();
    /** Forwarded packets that p0f 3.09b would have lost (VLAN, PPPoE, loop, IPv6 extension headers...). */
    public static final LongAdder PACKETS_BEYOND_P0F = new LongAdder();

    /** How many paths of inputs not read in full {@link #firstUnread()} keeps. */
    public static final int UNREAD_PATHS_KEPT = 5;
    private static final ConcurrentLinkedQueue<String> FIRST_UNREAD = new ConcurrentLinkedQueue<>();

    /**
     * Counts an input that was not read in full in {@code counter}, keeping its path (a local one without its
     * {@code file:} scheme) if it is among the first.
     */
    static void recordUnread(LongAdder counter, String path) {
        counter.increment();
        if (FIRST_UNREAD.size() < UNREAD_PATHS_KEPT) {
            FIRST_UNREAD.add(path.startsWith("file:") ? path.substring("file:".length()) : path);
        }
    }

    /** Inputs not read in full: entries skipped, files that are not captures, captures that failed. */
    public static long unread() {
        return ENTRIES_SKIPPED.sum() + CAPTURES_SKIPPED.sum() + CAPTURES_FAILED.sum();
    }

    /** The paths of the first inputs not read in full, in the order they were found (about; readers race). */
    public static List<String> firstUnread() {
        return List.copyOf(FIRST_UNREAD);
    }

    static void registerGauges(MetricGroup group) {
        MetricGroup g = group.addGroup("captures");
        g.gauge("splitsOpened", (Gauge<Long>) SPLITS_OPENED::sum);
        g.gauge("capturesDone", (Gauge<Long>) CAPTURES_DONE::sum);
        g.gauge("capturesSkipped", (Gauge<Long>) CAPTURES_SKIPPED::sum);
        g.gauge("capturesFailed", (Gauge<Long>) CAPTURES_FAILED::sum);
        g.gauge("entriesSkipped", (Gauge<Long>) ENTRIES_SKIPPED::sum);
        g.gauge("bytesRead", (Gauge<Long>) BYTES_READ::sum);
        g.gauge("packetsRead", (Gauge<Long>) PACKETS_READ::sum);
        g.gauge("packetsForwarded", (Gauge<Long>) PACKETS_FORWARDED::sum);
        g.gauge("packetsBeyondP0f", (Gauge<Long>) PACKETS_BEYOND_P0F::sum);
    }

    public static void reset() {
        for (LongAdder a : new LongAdder[] {SPLITS_OPENED, CAPTURES_DONE, CAPTURES_SKIPPED, CAPTURES_FAILED,
                ENTRIES_SKIPPED, BYTES_READ, PACKETS_READ, PACKETS_FORWARDED, PACKETS_BEYOND_P0F}) {
            a.reset();
        }
        FIRST_UNREAD.clear();
    }
}
