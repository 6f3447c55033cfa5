package io.passivetcp.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passivetcp.capture.NotACaptureException;
import io.passivetcp.packet.testutils.DecodedCapture;
import io.passivetcp.packet.testutils.P0fLogLine;
import io.passivetcp.testutils.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every file of the third-party corpus ({@code shared/corpus/dev}, sidecars included) is read and decoded:
 * nothing but {@link NotACaptureException} / {@code CaptureFormatException} may escape, each file finishes in
 * bounded time, and every {@code syn}/{@code syn+ack} line of p0f's log for it comes from a packet we keep.
 */
class CorpusTest {

    @Test
    void everyCorpusFileDecodesCleanlyAndCoversP0fsSyns() throws IOException {
        Path dev = SharedData.resolve("corpus/dev");
        List<Path> files;
        try (Stream<Path> s = Files.list(dev)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        int captures = 0;
        int notCaptures = 0;
        long syns = 0;
        for (Path file : files) {
            DecodedCapture d = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> decode(file),
                    file.toString());
            if (d == null) {
                notCaptures++;
                continue;
            }
            captures++;
            Path log = file.resolveSibling(file.getFileName() + ".p0f.log");
            if (Files.exists(log)) {
                for (P0fLogLine line : P0fLogLine.read(log)) {
                    syns++;
                    if (d.kept.stream().noneMatch(line::matches)) {
                        problems.add(file.getFileName() + ": " + line.line());
                    }
                }
            }
        }
        assertTrue(captures > 900, "captures read: " + captures);
        assertTrue(notCaptures > 900, "sidecars recognised as non-captures: " + notCaptures);
        assertTrue(syns > 6000, "p0f syn lines checked: " + syns);
        assertEquals(List.of(), problems.subList(0, Math.min(problems.size(), 20)), problems.size() + " unmatched");
    }

    /**
     * Record counts agree with the corpus's independent parser (MANIFEST.tsv {@code packets}: records up to the
     * first truncated or bogus one), and the detected format with its {@code format} column.
     */
    @Test
    void recordCountsAndFormatsAgreeWithTheManifest() throws IOException {
        Path corpus = SharedData.resolve("corpus");
        // libpcap (hence p0f) refuses these headers; the manifest's parser read one record from each
        Set<String> refusedHeaders = Set.of("libpcap__pcap-invalid-version-1.pcap",
                "libpcap__pcapng-invalid-vers-2.pcapng");
        // pcap version 2.0 stores the two lengths swapped (as libpcap reads it); the manifest's parser does not
        Set<String> swappedLengths = Set.of("ndpi__fuzz-2021-10-13.pcap");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        List<String> rows = Files.readAllLines(corpus.resolve("MANIFEST.tsv"));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t", -1);
            if (!f[0].equals("dev")) {
                continue;
            }
            String name = f[1];
            DecodedCapture d = DecodedCapture.of(corpus.resolve("dev").resolve(name));
            checked++;
            long expected = refusedHeaders.contains(name) ? 0
                    : swappedLengths.contains(name) ? 1 : Long.parseLong(f[8]);
            if (d.records != expected) {
                problems.add(name + ": " + d.records + " records, manifest " + f[8]);
            }
            String format = f[6];
            String ours = d.format == null ? "" : d.format;
            boolean formatAgrees = d.format == null
                    || (format.startsWith("gzip+") == ours.startsWith("gzip+")
                        && format.contains("pcapng") == ours.contains("pcapng")
                        && format.contains("big-endian") == ours.contains("big-endian")
                        && (format.contains("pcapng") || format.contains("nsec") == ours.contains("nsec")));
            if (!formatAgrees) {
                problems.add(name + ": format " + ours + ", manifest " + format);
            }
        }
        assertTrue(checked > 900, "manifest rows checked: " + checked);
        assertEquals(List.of(), problems);
    }

    /** The decoded capture, or null when the file is no capture. */
    private static DecodedCapture decode(Path file) throws IOException {
        try {
            return DecodedCapture.of(file);
        } catch (NotACaptureException e) {
            return null;
        }
    }
}
