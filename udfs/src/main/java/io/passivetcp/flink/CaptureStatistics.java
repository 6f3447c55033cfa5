package io.passivetcp.flink;

import java.util.EnumMap;
import java.util.Map;
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
    public static final LongAdder CAPTURES_SKIPPED = new LongAdder();
    public static final LongAdder CAPTURES_FAILED = new LongAdder();
    /** Bytes of capture files consumed, as stored (compressed where the file is). */
    public static final LongAdder BYTES_READ = new LongAdder();
    public static final LongAdder PACKETS_READ = new LongAdder();
    public static final LongAdder PACKETS_FORWARDED = new LongAdder();
    /** Forwarded packets that p0f 3.09b would have lost (VLAN, PPPoE, loop, IPv6 extension headers...). */
    public static final LongAdder PACKETS_BEYOND_P0F = new LongAdder();

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
        g.gauge("bytesRead", (Gauge<Long>) BYTES_READ::sum);
        g.gauge("packetsRead", (Gauge<Long>) PACKETS_READ::sum);
        g.gauge("packetsForwarded", (Gauge<Long>) PACKETS_FORWARDED::sum);
        g.gauge("packetsBeyondP0f", (Gauge<Long>) PACKETS_BEYOND_P0F::sum);
    }

    public static void reset() {
        for (LongAdder a : new LongAdder[] {SPLITS_OPENED, CAPTURES_DONE, CAPTURES_SKIPPED, CAPTURES_FAILED,
                BYTES_READ, PACKETS_READ, PACKETS_FORWARDED, PACKETS_BEYOND_P0F}) {
            a.reset();
        }
        TLS_REJECTED.values().forEach(LongAdder::reset);
    }
}
