package io.passivetcp.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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
import io.passivetcp.P0fConfig;
import io.passivetcp.capture.CaptureReader;
import io.passivetcp.capture.CaptureRecord;
import io.passivetcp.capture.testutils.CaptureFiles;
import io.passivetcp.packet.DropReason;
import io.passivetcp.packet.PacketDecoder;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.signature.SignatureDatabase;

/**
 * One pass over the bench capture, at each layer of the engine: reading records (pcap, pcapng, gzipped pcap),
 * reading and decoding them into p0f's packet records, and the whole analysis ({@link CaptureAnalysis}). A score
 * is passes per second; times the capture's records it is records per second (the setup prints the count).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CaptureReadingBenchmark {
    private byte[] pcap;
    private byte[] pcapng;
    private byte[] gzip;
    private SignatureDatabase database;

    @Setup
    public void load() throws Exception {
        pcap = BenchInputs.pcap();
        pcapng = BenchInputs.toPcapng(pcap);
        gzip = CaptureFiles.gzip(pcap);
        database = BenchDatabase.load();
        System.out.printf("%n%d records, %d packets p0f would process%n", readPcap(), decode());
    }

    @Benchmark
    public long readPcap() throws IOException {
        return records(pcap);
    }

    @Benchmark
    public long readPcapng() throws IOException {
        return records(pcapng);
    }

    @Benchmark
    public long readGzippedPcap() throws IOException {
        return records(gzip);
    }

    @Benchmark
    public long decode() throws IOException {
        long[] packets = {0};
        forEachPacket(p -> packets[0]++);
        return packets[0];
    }

    @Benchmark
    public long analyse() throws IOException {
        long[] observations = {0};
        CaptureAnalysis analysis = new CaptureAnalysis(database, P0fConfig.CONN_MAX_AGE, P0fConfig.HOST_IDLE_LIMIT,
                true, o -> observations[0]++, reason -> { });
        forEachPacket(p -> {
            p.capture = BenchInputs.NAME;
            analysis.packet(p);
        });
        analysis.finish();
        return observations[0];
    }

    /** Reads and decodes the pcap, handing on each packet p0f would process. */
    private void forEachPacket(Consumer<TcpPacket> next) throws IOException {
        try (CaptureReader reader = BenchInputs.open(pcap)) {
            CaptureRecord record = new CaptureRecord();
            PacketDecoder decoder = new PacketDecoder();
            TcpPacket packet = new TcpPacket();
            while (reader.next(record)) {
                if (decoder.decode(record, packet) == DropReason.NONE) {
                    next.accept(packet);
                }
            }
        }
    }

    private static long records(byte[] capture) throws IOException {
        long n = 0;
        try (CaptureReader reader = BenchInputs.open(capture)) {
            CaptureRecord record = new CaptureRecord();
            while (reader.next(record)) {
                n++;
            }
        }
        return n;
    }
}
