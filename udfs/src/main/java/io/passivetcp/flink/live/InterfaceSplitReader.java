package io.passivetcp.flink.live;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;

import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.apache.flink.connector.file.src.util.Pool;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.passivetcp.capture.CaptureRecord;
import io.passivetcp.flink.CapturePackets;
import io.passivetcp.live.CaptureSettings;
import io.passivetcp.live.CaptureStats;
import io.passivetcp.live.LiveCapture;
import io.passivetcp.packet.TcpPacket;

/**
 * Captures the interfaces assigned to one reader, on the reader's fetcher thread: each fetch reads up to a batch
 * of packets from one interface (taking turns), waiting at most libpcap's read timeout for the first.
 *
 * <p>Frames are decoded here by the same decoder as capture files, into pooled records; everything p0f would not
 * process is dropped and only counted. libpcap's counters (received, dropped because the reader fell behind,
 * dropped by the interface) are Flink gauges under {@code interface.<name>} of the source's metric group, and a log
 * line every {@link #STATS_LOG_MILLIS} and at the end of each capture.
 */
final class InterfaceSplitReader implements SplitReader<TcpPacket, InterfaceSplit> {
    private static final Logger LOG = LoggerFactory.getLogger(InterfaceSplitReader.class);

    static final long STATS_LOG_MILLIS = 60_000;
    /** The last wait for packets when a capture ends: longer than libpcap's buffer timeout. */
    static final int DRAIN_MILLIS = 3 * LiveCapture.READ_TIMEOUT_MILLIS;
    /** How often libpcap's counters are read for the gauges. */
    static final long STATS_POLL_MILLIS = 1_000;

    private final LiveCaptureSource source;
    private final CaptureSettings settings;
    private final long packetLimit;
    private final long secondsLimit;
    private final MetricGroup metrics;
    /** Batches in flight: the fetcher's queue holds two, one is being emitted, one filled. */
    private final Pool<TcpPacket[]> pool = CapturePackets.batchPool();
    private final Queue<String> toOpen = new ArrayDeque<>();
    private final List<Interface> open = new ArrayList<>();
    private int turn;
    private volatile boolean wokenUp;

    InterfaceSplitReader(LiveCaptureSource source, CaptureSettings settings, long packetLimit, long secondsLimit,
            MetricGroup metrics) {
        this.source = source;
        this.settings = settings;
        this.packetLimit = packetLimit;
        this.secondsLimit = secondsLimit;
        this.metrics = metrics;
    }

    @Override
    public void handleSplitsChanges(SplitsChange<InterfaceSplit> change) {
        change.splits().forEach(s -> toOpen.add(s.name())); // opened by fetch(), which may throw
    }

    @Override
    public RecordsWithSplitIds<TcpPacket> fetch() throws IOException {
        wokenUp = false;
        while (!toOpen.isEmpty()) {
            open.add(new Interface(toOpen.peek()));
            toOpen.remove();
        }
        if (open.isEmpty()) {
            return new PacketBatch(null, null, 0, Set.of(), null);
        }
        Interface in = open.get(Math.floorMod(turn++, open.size()));
        long now = System.currentTimeMillis();
        boolean ending = in.ended(now);
        TcpPacket[] batch = CapturePackets.take(pool);
        // at the end, one last wait lets the kernel hand over the packets of its current, partly filled block
        int n = in.fill(batch, ending ? DRAIN_MILLIS : LiveCapture.READ_TIMEOUT_MILLIS);
        in.pollStats(now);
        Set<String> finished = Set.of();
        if (ending) {
            open.remove(in);
            in.close("ended");
            finished = Set.of(in.name);
        }
        if (n == 0) {
            pool.recycler().recycle(batch);
            return new PacketBatch(null, null, 0, finished, null);
        }
        return new PacketBatch(in.name, batch, n, finished, pool.recycler());
    }

    @Override
    public void wakeUp() {
        wokenUp = true;
    }

    @Override
    public void close() {
        for (Interface in : open) {
            in.close("closed");
        }
        open.clear();
    }

    /** One open interface: its capture, decoder and counters. */
    private final class Interface {
        final String name;
        final LiveCapture capture;
        final CapturePackets packets;
        final CaptureRecord record = new CaptureRecord();
        final long openedAt = System.currentTimeMillis();
        long captured;
        long forwarded;
        volatile CaptureStats stats = CaptureStats.NONE;
        long statsPolledAt = openedAt;
        long reportedAt = openedAt;

        Interface(String name) throws IOException {
            this.name = name;
            this.capture = LiveCapture.open(name, settings);
            this.packets = new CapturePackets(name);
            MetricGroup g = metrics.addGroup("interface", name);
            g.gauge("pcapReceived", (Gauge<Long>) () -> stats.received());
            g.gauge("pcapDropped", (Gauge<Long>) () -> stats.dropped());
            g.gauge("pcapInterfaceDropped", (Gauge<Long>) () -> stats.interfaceDropped());
            LOG.info("Capturing on {}: link type {}, snapshot length {}, filter {}", name, capture.linkTypeName(),
                    settings.snaplen(), settings.bpf() == null ? "none" : "'" + settings.bpf() + "'");
        }

        boolean ended(long now) {
            return source.stopRequested() || (packetLimit > 0 && captured >= packetLimit)
                    || (secondsLimit > 0 && now - openedAt >= secondsLimit * 1000);
        }

        /** Reads until the batch is full, no packet came within {@code waitMillis}, or the packet limit is hit. */
        int fill(TcpPacket[] batch, int waitMillis) throws IOException {
            int n = 0;
            while (n < batch.length && !wokenUp && (packetLimit == 0 || captured < packetLimit)
                    && capture.next(record, waitMillis)) {
                captured++;
                if (packets.decode(record, batch[n])) {
                    n++;
                }
            }
            forwarded += n;
            packets.addCounts();
            return n;
        }

        void pollStats(long now) throws IOException {
            if (now - statsPolledAt >= STATS_POLL_MILLIS) {
                statsPolledAt = now;
                stats = capture.stats();
            }
            if (now - reportedAt >= STATS_LOG_MILLIS) {
                reportedAt = now;
                report("so far");
            }
        }

        void close(String how) {
            try {
                stats = capture.stats();
            } catch (IOException e) {
                LOG.warn("{}", e.getMessage());
            }
            report(how);
            capture.close();
        }

        private void report(String when) {
            LOG.info("Capture on {} {}: {} packets captured, {} forwarded; libpcap: {} received, {} dropped, "
                    + "{} dropped by the interface", name, when, captured, forwarded, stats.received(),
                    stats.dropped(), stats.interfaceDropped());
        }
    }
}
