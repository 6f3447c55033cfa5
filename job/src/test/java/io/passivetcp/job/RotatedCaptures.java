package io.passivetcp.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.passivetcp.capture.CaptureReader;
import io.passivetcp.capture.CaptureRecord;
import io.passivetcp.capture.testutils.CaptureFiles;
import io.passivetcp.packet.DropReason;
import io.passivetcp.packet.PacketDecoder;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.packet.testutils.Frames;
import io.passivetcp.packet.testutils.Packets;

/**
 * A capture cut into consecutive parts, as tcpdump {@code -G}/{@code -C} rotation writes them. Each part ends with
 * a "clock" segment a few seconds after its last packet (an ACK of a connection nobody opened, which changes
 * nothing), so that the watermark passes all of the part's packets once it is read.
 */
final class RotatedCaptures {
    /** Beyond the job's tolerated capture disorder (FingerprintTopology.CAPTURE_DISORDER, 2 s). */
    static final long CLOCK_AFTER_MICROS = 3_000_000;

    record Frame(long micros, byte[] bytes) {}

    final int linkType;
    final List<List<Frame>> parts = new ArrayList<>();

    private RotatedCaptures(int linkType) {
        this.linkType = linkType;
    }

    /** Cuts {@code capture} into {@code n} parts of about equal packet counts. */
    static RotatedCaptures cut(Path capture, int n) throws IOException {
        List<Frame> frames = new ArrayList<>();
        int linkType;
        try (InputStream in = Files.newInputStream(capture);
                CaptureReader reader = CaptureReader.open(in, capture.toString())) {
            CaptureRecord rec = new CaptureRecord();
            linkType = -1;
            while (reader.next(rec)) {
                linkType = rec.linkType;
                frames.add(new Frame(rec.tsMicros, Arrays.copyOf(rec.data, rec.length)));
            }
        }
        RotatedCaptures parts = new RotatedCaptures(linkType);
        for (int i = 0; i < n; i++) {
            parts.parts.add(frames.subList(i * frames.size() / n, (i + 1) * frames.size() / n));
        }
        return parts;
    }

    long firstMicros(int part) {
        return parts.get(part).get(0).micros();
    }

    long lastMicros(int part) {
        List<Frame> p = parts.get(part);
        return p.get(p.size() - 1).micros();
    }

    /** The pcap bytes of one part, its clock segment last. */
    byte[] pcap(int part) {
        CaptureFiles.Pcap pcap = CaptureFiles.pcap(linkType);
        for (Frame f : parts.get(part)) {
            pcap.add(f.micros() / 1_000_000, f.micros() % 1_000_000, f.bytes());
        }
        long clock = lastMicros(part) + CLOCK_AFTER_MICROS;
        byte[] ack = Packets.ipv4().src(Packets.ip4(203, 0, 113, 1)).dst(Packets.ip4(203, 0, 113, 2)).ports(9, 9)
                .flags(Packets.ACK).build();
        pcap.add(clock / 1_000_000, clock % 1_000_000, Frames.ethernet(ack));
        return pcap.bytes();
    }

    /** Writes all parts into {@code dir} at once (for the batch reference), named as {@link #publish} names them. */
    List<String> writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Path p = dir.resolve(name(i));
            Files.write(p, pcap(i));
            paths.add(p.toString());
        }
        return paths;
    }

    /** Makes part {@code i} appear in {@code dir} whole, as a rename does: written under a hidden name first. */
    void publish(Path dir, int i) throws IOException {
        Path hidden = dir.resolve("." + name(i) + ".tmp");
        Files.write(hidden, pcap(i));
        Files.move(hidden, dir.resolve(name(i)), StandardCopyOption.ATOMIC_MOVE);
    }

    static String name(int i) {
        return String.format("capture-%02d.pcap", i);
    }

    /** Whether some connection has packets in more than one part. */
    boolean aConnectionCrossesAPartBoundary() {
        Set<String> seenBefore = new HashSet<>();
        PacketDecoder decoder = new PacketDecoder();
        TcpPacket p = new TcpPacket();
        CaptureRecord rec = new CaptureRecord();
        for (List<Frame> part : parts) {
            Set<String> here = new HashSet<>();
            for (Frame f : part) {
                rec.data = f.bytes();
                rec.length = f.bytes().length;
                rec.originalLength = rec.length;
                rec.linkType = linkType;
                rec.tsMicros = f.micros();
                rec.tsSeconds = f.micros() / 1_000_000;
                if (decoder.decode(rec, p) == DropReason.NONE) {
                    here.add(connection(p));
                }
            }
            for (String c : here) {
                if (seenBefore.contains(c)) {
                    return true;
                }
            }
            seenBefore.addAll(here);
        }
        return false;
    }

    private static String connection(TcpPacket p) {
        String a = Arrays.toString(Arrays.copyOf(p.src, p.addressLength())) + ":" + p.srcPort;
        String b = Arrays.toString(Arrays.copyOf(p.dst, p.addressLength())) + ":" + p.dstPort;
        return a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
    }
}
