package io.passivetcp.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import io.passivetcp.capture.CaptureReader;

/**
 * The captures the JMH benchmarks read, in memory so that the file system is not measured: the bench capture of
 * {@code ../shared/corpus/bench} (the bundled sample where it is missing) as pcap, the same records as pcapng, and
 * the pcap gzipped.
 */
final class BenchInputs {
    private BenchInputs() {}

    static final String NAME = "bench.pcap";

    /** The bench capture's bytes, or the bundled sample's. */
    static byte[] pcap() {
        for (String candidate : new String[] {"../../shared/corpus/bench/bench-dev-stitched.pcap",
                "../shared/corpus/bench/bench-dev-stitched.pcap", "../datasets/sample.pcap",
                "datasets/sample.pcap"}) {
            Path p = Paths.get(candidate);
            if (Files.isRegularFile(p)) {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no capture to benchmark: run from the repository or udfs/");
    }

    static CaptureReader open(byte[] capture) throws IOException {
        return CaptureReader.open(new ByteArrayInputStream(capture), NAME);
    }

    /**
     * The records of a little-endian microsecond pcap as pcapng: a section header, one interface description of
     * the pcap's link type and snap length, and one enhanced packet block per record.
     */
    static byte[] toPcapng(byte[] pcap) {
        ByteBuffer in = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        int snapLength = in.getInt(16);
        int linkType = in.getInt(20);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pcap.length + pcap.length / 4);
        block(out, 0x0A0D0D0A, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L).array());
        block(out, 1, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) linkType).putShort((short) 0).putInt(snapLength).array());
        for (int at = 24; at + 16 <= pcap.length; ) {
            long micros = (in.getInt(at) & 0xFFFFFFFFL) * 1_000_000L + (in.getInt(at + 4) & 0xFFFFFFFFL);
            int captured = in.getInt(at + 8);
            int original = in.getInt(at + 12);
            int padded = (captured + 3) & ~3;
            ByteBuffer body = ByteBuffer.allocate(20 + padded).order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(0).putInt((int) (micros >>> 32)).putInt((int) micros).putInt(captured).putInt(original);
            body.put(pcap, at + 16, captured);
            block(out, 6, body.array());
            at += 16 + captured;
        }
        return out.toByteArray();
    }

    private static void block(ByteArrayOutputStream out, int type, byte[] body) {
        int length = 12 + body.length;
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type).putInt(length).put(body).putInt(length);
        out.writeBytes(b.array());
    }
}
