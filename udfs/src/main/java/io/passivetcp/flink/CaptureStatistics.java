package io.passivetcp.flink;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

import io.passivetcp.tls.TlsReject;

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

    /**
     * When this JVM's readers opened their first capture and last finished one ({@link System#nanoTime}): the
     * steady-state span of a run, without its start-up.
     */
    private static final AtomicLong FIRST_OPENED_NANOS = new AtomicLong(Long.MAX_VALUE);
    private static final AtomicLong LAST_FINISHED_NANOS = new AtomicLong(Long.MIN_VALUE);

    static void captureOpened() {
        SPLITS_OPENED.increment();
        FIRST_OPENED_NANOS.accumulateAndGet(System.nanoTime(), Math::min);
    }

    static void captureFinished(LongAdder outcome) {
        outcome.increment();
        LAST_FINISHED_NANOS.accumulateAndGet(System.nanoTime(), Math::max);
    }

    /** How many paths of inputs not read in full {@link #firstUnread()} keeps. */
    public static final int UNREAD_PATHS_KEPT = 5;
    private static final ConcurrentLinkedQueue<String> FIRST_UNREAD = new ConcurrentLinkedQueue<>();
    private static final Set<String> SKIPPED_ENTRIES = ConcurrentHashMap.newKeySet();

    /** A capture that was not read in full, counted as {@code outcome}: not a capture, or failed. */
    static void captureNotReadInFull(LongAdder outcome, String path) {
        captureFinished(outcome);
        keepUnreadPath(path);
    }

    /**
     * An entry that discovery skipped; false when it was counted before (a {@code --follow} scan finds it again,
     * and a BATCH run may list its inputs twice).
     */
    static boolean entrySkipped(String path) {
        if (!SKIPPED_ENTRIES.add(path)) {
            return false;
        }
        ENTRIES_SKIPPED.increment();
        keepUnreadPath(path);
        return true;
    }

    /** Keeps the path (a local one without its {@code file:} scheme) if it is among the first not read in full. */
    private static void keepUnreadPath(String path) {
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

    /** {@link System#nanoTime} of the first capture opened, or empty when none was. */
    public static OptionalLong firstOpenedNanos() {
        long t = FIRST_OPENED_NANOS.get();
        return t == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(t);
    }

    /** Nanoseconds from the first capture opened to the last one finished (0 before both). */
    public static long readingNanos() {
        long first = FIRST_OPENED_NANOS.get(), last = LAST_FINISHED_NANOS.get();
        return first == Long.MAX_VALUE || last < first ? 0 : last - first;
    }

    /** ClientHellos that gave no fingerprint, by reason, where captures are analysed in the reader. */
    private static final Map<TlsReject, LongAdder> TLS_REJECTED = new EnumMap<>(TlsReject.class);

    static {
        for (TlsReject reason : TlsReject.values()) {
            TLS_REJECTED.put(reason, new LongAdder());
        }
    }

    static void tlsRejected(TlsReject reason) {
        TLS_REJECTED.get(reason).increment();
    }

    /** The {@link #TLS_REJECTED} counts as gauges {@code tlsRejected.<reason>}, the flow function's counter names. */
    static void registerTlsRejectedGauges(MetricGroup group) {
        MetricGroup rejected = group.addGroup("tlsRejected");
        TLS_REJECTED.forEach((reason, count) -> rejected.gauge(reason.metricName(), (Gauge<Long>) count::sum));
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
        SKIPPED_ENTRIES.clear();
        TLS_REJECTED.values().forEach(LongAdder::reset);
        FIRST_OPENED_NANOS.set(Long.MAX_VALUE);
        LAST_FINISHED_NANOS.set(Long.MIN_VALUE);
    }
}
