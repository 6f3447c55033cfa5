package io.passivetcp.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.passivetcp.CaptureAnalysis;
import io.passivetcp.Observation;
import io.passivetcp.P0fConfig;
import io.passivetcp.capture.CaptureReader;
import io.passivetcp.capture.CaptureRecord;
import io.passivetcp.flink.ObservationSerializer;
import io.passivetcp.flink.TcpPacketSerializer;
import io.passivetcp.packet.DropReason;
import io.passivetcp.packet.PacketDecoder;
import io.passivetcp.packet.TcpPacket;

/**
 * The wire forms of what crosses operators: packets (the partitioned STREAMING path shuffles every packet) and
 * observations (every run sends each event to the outputs). A score is records serialized and read back per
 * second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SerializerBenchmark {
    private static final int PACKETS = 10_000;

    private final List<TcpPacket> packets = new ArrayList<>();
    private final List<Observation> observations = new ArrayList<>();
    private final TcpPacketSerializer packetSerializer = new TcpPacketSerializer();
    private final ObservationSerializer observationSerializer = new ObservationSerializer();
    private final DataOutputSerializer out = new DataOutputSerializer(4096);
    private final DataInputDeserializer in = new DataInputDeserializer();

    @Setup
    public void load() throws Exception {
        CaptureAnalysis analysis = new CaptureAnalysis(BenchDatabase.load(), P0fConfig.CONN_MAX_AGE,
                P0fConfig.HOST_IDLE_LIMIT, true, observations::add, reason -> { });
        try (CaptureReader reader = BenchInputs.open(BenchInputs.pcap())) {
            CaptureRecord record = new CaptureRecord();
            PacketDecoder decoder = new PacketDecoder();
            TcpPacket packet = new TcpPacket();
            while (reader.next(record)) {
                if (decoder.decode(record, packet) == DropReason.NONE) {
                    packet.capture = BenchInputs.NAME;
                    analysis.packet(packet);
                    if (packets.size() < PACKETS) {
                        packets.add(new TcpPacket().copyFrom(packet));
                    }
                }
            }
        }
        analysis.finish();
        System.out.printf("%n%d packets, %d observations per operation%n", packets.size(), observations.size());
    }

    @Benchmark
    public long packetRoundTrip() throws IOException {
        return roundTrip(packets, packetSerializer);
    }

    @Benchmark
    public long observationRoundTrip() throws IOException {
        return roundTrip(observations, observationSerializer);
    }

    /** Serializes each record and reads it back; returns the bytes written. */
    private <T> long roundTrip(List<T> records, TypeSerializer<T> serializer) throws IOException {
        long bytes = 0;
        for (T r : records) {
            out.clear();
            serializer.serialize(r, out);
            bytes += out.length();
            in.setBuffer(out.getSharedBuffer(), 0, out.length());
            serializer.deserialize(in);
        }
        return bytes;
    }
}
