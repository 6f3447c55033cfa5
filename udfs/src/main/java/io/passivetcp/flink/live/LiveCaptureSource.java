package io.passivetcp.flink.live;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import io.passivetcp.flink.CaptureWatermarks;
import io.passivetcp.flink.RecordTypeInfo;
import io.passivetcp.live.CaptureSettings;
import io.passivetcp.packet.TcpPacket;

/**
 * Live capture of network interfaces as a Flink source: one split per interface, read through libpcap, and
 * decoded in the reader like capture files, so only the packets p0f would process leave it.
 *
 * <p><b>Delivery.</b> A live link cannot be replayed: after a failure the restored reader captures from the moment
 * it reopens the interface, and the packets in between are lost. Exactly-once therefore starts at the source
 * boundary: what the source has emitted before a checkpoint is processed and written exactly once.
 *
 * <p><b>End.</b> Without limits the source never ends: a stop-with-savepoint drains it (Ctrl-C of an embedded run).
 * With a packet limit (per interface, like {@code tcpdump -c}) or a time limit, or after {@link #stop()} (Ctrl-C of
 * an embedded run with limits), each split ends, the source finishes, and the job flushes and ends normally.
 */
public final class LiveCaptureSource implements Source<TcpPacket, InterfaceSplit, List<String>>,
        ResultTypeQueryable<TcpPacket> {
    private static final long serialVersionUID = 1L;

    /** Runs of this JVM whose capture was asked to stop (see {@link #stop()}). */
    private static final Set<String> STOPPED = ConcurrentHashMap.newKeySet();

    private final List<String> interfaces;
    private final CaptureSettings settings;
    private final long packetLimit;
    private final long secondsLimit;
    private final String runId = UUID.randomUUID().toString();

    /**
     * @param interfaces interface names, at least one
     * @param packetLimit stop after this many captured packets per interface; 0 for no limit
     * @param secondsLimit stop after this many seconds of capture; 0 for no limit
     */
    public LiveCaptureSource(List<String> interfaces, CaptureSettings settings, long packetLimit, long secondsLimit) {
        if (interfaces.isEmpty()) {
            throw new IllegalArgumentException("no interface to capture");
        }
        this.interfaces = List.copyOf(interfaces);
        this.settings = settings;
        this.packetLimit = packetLimit;
        this.secondsLimit = secondsLimit;
    }

    public List<String> interfaces() {
        return interfaces;
    }

    /**
     * Ends the capture of this source's readers in this JVM (an embedded run): the job then drains and ends like a
     * bounded one. A job on a cluster is stopped with {@code flink stop} or cancelled instead.
     */
    public void stop() {
        STOPPED.add(runId);
    }

    /** Whether {@link #stop()} was called for this run, in this JVM. */
    public boolean stopRequested() {
        return STOPPED.contains(runId);
    }

    /**
     * Event time for live packets: each interface's packet times (libpcap's), with {@code disorder} allowed; and
     * while a link is quiet, the wall clock, so that buffered events are released although no packet comes.
     */
    public static WatermarkStrategy<TcpPacket> watermarks(Duration disorder) {
        return WatermarkStrategy.forGenerator(new LiveWatermarks.Generators(disorder.toMillis()))
                .withTimestampAssigner(new CaptureWatermarks.PacketTime());
    }

    @Override
    public Boundedness getBoundedness() {
        return packetLimit > 0 || secondsLimit > 0 ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<TcpPacket, InterfaceSplit> createReader(SourceReaderContext context) {
        return new LiveCaptureReader(
                () -> new InterfaceSplitReader(this, settings, packetLimit, secondsLimit, context.metricGroup()),
                context);
    }

    @Override
    public SplitEnumerator<InterfaceSplit, List<String>> createEnumerator(
            SplitEnumeratorContext<InterfaceSplit> context) {
        return new InterfaceEnumerator(context, interfaces, interfaces);
    }

    @Override
    public SplitEnumerator<InterfaceSplit, List<String>> restoreEnumerator(
            SplitEnumeratorContext<InterfaceSplit> context, List<String> unassigned) {
        return new InterfaceEnumerator(context, interfaces, unassigned);
    }

    @Override
    public SimpleVersionedSerializer<InterfaceSplit> getSplitSerializer() {
        return InterfaceSplit.Serializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<List<String>> getEnumeratorCheckpointSerializer() {
        return InterfaceEnumerator.CheckpointSerializer.INSTANCE;
    }

    @Override
    public TypeInformation<TcpPacket> getProducedType() {
        return RecordTypeInfo.TCP_PACKET;
    }
}
