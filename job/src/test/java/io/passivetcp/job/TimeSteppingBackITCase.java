package io.passivetcp.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.passivetcp.testutils.SharedData;

/**
 * Captures whose clock steps back give p0f's lines: p0f ages flows and hosts in unsigned 32-bit seconds and walks
 * them in creation and touch order (spec §8.4), so what it forgets where time steps back is part of its output.
 *
 * <p>Built here, in a temporary folder, from {@code datasets/sample.pcap} and the 20 classic-pcap captures of the dev
 * corpus with the longest p0f logs: each capture stored twice in one file ({@code mergecap -a}), and each with
 * record times mutated (set to 0, to 2106, a day and 40 s back, a year forward). The real p0f 3.09b reads every one
 * ({@code TZ=UTC setarch -R p0f -r X -o LOG}), and our BATCH job must print its lines, in its order.
 *
 * <p>Needs p0f and setarch: skipped without them, except under {@code CI=true}, where it fails.
 */
class TimeSteppingBackITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    /** Dev-corpus captures taken: the classic pcaps with the most lines in their p0f log. */
    static final int CORPUS_CAPTURES = 20;
    static final int PCAP_HEADER = 24;
    static final int RECORD_HEADER = 16;

    @TempDir
    Path dir;

    @Test
    void doubledAndTimeMutatedCapturesGiveP0fsLines() throws Exception {
        RealP0f.require("the time-stepping-back test");
        List<Path> originals = new ArrayList<>();
        originals.add(DatasetVariantsITCase.datasets().resolve("sample.pcap"));
        originals.addAll(corpusCaptures());
        Map<String, List<Path>> variants = new TreeMap<>();
        for (Path original : originals) {
            List<Record> records = Record.readAll(original);
            byte[] header = header(original);
            ByteOrder order = byteOrder(header);
            List<Record> twice = new ArrayList<>(records);
            twice.addAll(records);
            variants.computeIfAbsent("twice", k -> new ArrayList<>())
                    .add(write(original, "twice", header, order, twice));
            variants.computeIfAbsent("timewarp", k -> new ArrayList<>())
                    .add(write(original, "timewarp", header, order, timeWarped(records)));
        }

        List<Path> all = variants.values().stream().flatMap(List::stream).collect(Collectors.toList());
        Map<String, List<String>> ours = DatasetVariantsITCase.byCapture(JobRunner.run(
                all.stream().map(Path::toString).collect(Collectors.toList()), SharedData.stockDatabase(), true, true,
                2));
        StringBuilder report = new StringBuilder();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<Path>> variant : variants.entrySet()) {
            int reproduced = 0, total = 0, extra = 0, identical = 0;
            for (Path capture : variant.getValue()) {
                List<String> expected = RealP0f.log(capture, null, dir);
                List<String> actual = DatasetVariantsITCase.p0fEvents(
                        ours.getOrDefault(capture.toString(), List.of()));
                List<String> remaining = new ArrayList<>(actual);
                for (String line : expected) {
                    if (remaining.remove(line)) {
                        reproduced++;
                    }
                }
                total += expected.size();
                extra += remaining.size();
                if (expected.equals(actual)) {
                    identical++;
                } else {
                    failures.add(capture.getFileName() + ":\n"
                            + LiveTrafficEndToEndITCase.firstDifferences(expected, actual));
                }
            }
            report.append(String.format("%-9s %6d / %6d p0f lines reproduced, %d extra, %d / %d captures identical%n",
                    variant.getKey(), reproduced, total, extra, identical, variant.getValue().size()));
        }
        System.out.print(report);
        if (!failures.isEmpty()) {
            fail(report + String.join("\n", failures));
        }
    }

    /**
     * Deterministic damage to the record times, by position: the seconds set to a "negative" value (p0f prints
     * 2106), a day back, a year forward, 40 s back (beyond {@code conn_max_age}), or zero.
     */
    static List<Record> timeWarped(List<Record> records) {
        List<Record> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            long seconds = r.seconds;
            if (i % 97 == 13) {
                seconds = 0xFFFF_FFFFL - i;
            } else if (i % 89 == 7) {
                seconds -= 86_400;
            } else if (i % 61 == 5) {
                seconds += 365 * 86_400L;
            } else if (i % 41 == 3) {
                seconds -= 40;
            } else if (i % 43 == 11) {
                seconds = 0;
            }
            out.add(new Record(seconds & 0xFFFF_FFFFL, r.rest));
        }
        return out;
    }

    /** One pcap record: its seconds, and the rest of its header and its bytes as stored. */
    record Record(long seconds, byte[] rest) {
        static List<Record> readAll(Path pcap) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcap));
            b.order(byteOrder(header(pcap)));
            List<Record> out = new ArrayList<>();
            int at = PCAP_HEADER;
            while (at + RECORD_HEADER <= b.limit()) {
                long seconds = Integer.toUnsignedLong(b.getInt(at));
                int captured = b.getInt(at + 8);
                int end = Math.min(b.limit(), at + RECORD_HEADER + captured);
                byte[] rest = new byte[end - at - 4];
                System.arraycopy(b.array(), at + 4, rest, 0, rest.length);
                out.add(new Record(seconds, rest));
                at = end;
            }
            return out;
        }
    }

    private Path write(Path original, String variant, byte[] header, ByteOrder order, List<Record> records)
            throws IOException {
        String name = original.getFileName().toString().replaceFirst("\\.pcap$", "");
        Path out = dir.resolve(name + "." + variant + ".pcap");
        int size = PCAP_HEADER + records.stream().mapToInt(r -> 4 + r.rest.length).sum();
        ByteBuffer b = ByteBuffer.allocate(size).order(order);
        b.put(header);
        for (Record r : records) {
            b.putInt((int) r.seconds);
            b.put(r.rest);
        }
        Files.write(out, b.array());
        return out;
    }

    /** The first {@value #PCAP_HEADER} bytes of a file, fewer if it is shorter. */
    static byte[] header(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(PCAP_HEADER);
        }
    }

    /** The byte order of a classic pcap, from its magic number; null when the bytes are no classic pcap. */
    static ByteOrder byteOrder(byte[] header) {
        if (header.length < PCAP_HEADER) {
            return null;
        }
        int magic = ByteBuffer.wrap(header, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (magic == 0xA1B2C3D4 || magic == 0xA1B23C4D) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        int swapped = Integer.reverseBytes(magic);
        if (swapped == 0xA1B2C3D4 || swapped == 0xA1B23C4D) {
            return ByteOrder.BIG_ENDIAN;
        }
        return null;
    }

    /** The classic-pcap captures of the dev corpus with the longest p0f logs (ties by name). */
    static List<Path> corpusCaptures() throws IOException {
        Map<Path, Long> lines = new HashMap<>();
        try (Stream<Path> files = Files.list(SharedData.resolve("corpus/dev"))) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".pcap")).toList()) {
                Path log = p.resolveSibling(p.getFileName() + ".p0f.log");
                if (Files.isRegularFile(log) && byteOrder(header(p)) != null) {
                    try (Stream<String> l = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                        lines.put(p, l.count());
                    }
                }
            }
        }
        List<Path> chosen = lines.keySet().stream()
                .sorted(Comparator.<Path>comparingLong(lines::get).reversed().thenComparing(Path::toString))
                .limit(CORPUS_CAPTURES).collect(Collectors.toList());
        assertEquals(CORPUS_CAPTURES, chosen.size(), "classic pcaps with a p0f log in the dev corpus");
        return chosen;
    }
}
