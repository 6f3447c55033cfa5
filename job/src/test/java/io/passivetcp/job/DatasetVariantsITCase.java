package io.passivetcp.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.passivetcp.Observation;
import io.passivetcp.output.P0fFormat;
import io.passivetcp.testutils.SharedData;
import io.passivetcp.tls.TlsTracker;

/**
 * Captures p0f cannot read get correct events from us: every variant in {@code datasets/variants/} carries the
 * traffic of {@code datasets/sample.pcap} in another link layer or format (VLAN, QinQ, PPPoE, loop, null, SLL,
 * SLL2, raw, PPP-in-HDLC, Cisco HDLC, nanosecond, big-endian, gzip, gzip under a misleading name, pcapng with two
 * link types, IPv6 extension headers) and must give exactly p0f's log of the plain original. Damaged captures in
 * {@code datasets/bad/} run through, and keep the events of the packets before the damage.
 */
class DatasetVariantsITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    static final Path DATASETS = datasets();
    static final Path STOCK_DATABASE = SharedData.stockDatabase();

    @Test
    void everyVariantGivesP0fsLogOfThePlainSample() throws Exception {
        List<String> expected = Files.readAllLines(DATASETS.resolve("expected/sample.log"),
                StandardCharsets.ISO_8859_1);
        List<Path> variants;
        try (Stream<Path> files = Files.list(DATASETS.resolve("variants"))) {
            variants = files.sorted().collect(Collectors.toList());
        }
        assertTrue(variants.size() >= 17, "variants: " + variants);
        Map<String, List<String>> ours = byCapture(JobRunner.run(
                variants.stream().map(Path::toString).collect(Collectors.toList()), STOCK_DATABASE, true, true, 2));
        List<String> firstTls = null;
        for (Path variant : variants) {
            List<String> lines = ours.getOrDefault(variant.toString(), List.of());
            assertEquals(expected, p0fEvents(lines), variant.getFileName() + " against p0f's log of sample.pcap");
            List<String> tls = lines.stream().filter(l -> l.contains("] mod=" + TlsTracker.MODULE + "|")).toList();
            firstTls = firstTls == null ? tls : firstTls;
            assertFalse(tls.isEmpty(), variant.getFileName() + ": the sample's TLS client fingerprints");
            assertEquals(firstTls, tls, variant.getFileName() + ": the same TLS client fingerprints in every variant");
        }
    }

    /** The lines of events p0f prints (our own extensions, such as TLS fingerprints, left out). */
    static List<String> p0fEvents(List<String> lines) {
        return lines.stream().filter(l -> P0fParityITCase.MODULES.contains(P0fParityITCase.module(l))).toList();
    }

    @Test
    void damagedCapturesKeepWhatCameBeforeTheDamage() throws Exception {
        List<String> sample = Files.readAllLines(DATASETS.resolve("expected/sample.log"),
                StandardCharsets.ISO_8859_1);
        Map<String, List<String>> ours = byCapture(JobRunner.run(
                List.of(DATASETS.resolve("bad").toString()), STOCK_DATABASE, true, true, 2));
        for (String damaged : List.of("truncated-record.pcap", "bogus-caplen.pcap", "bad-pcapng-block.pcapng")) {
            List<String> lines = p0fEvents(ours.getOrDefault(DATASETS.resolve("bad/" + damaged).toString(),
                    List.of()));
            assertFalse(lines.isEmpty(), damaged + ": the packets before the damage give events");
            assertEquals(sample.subList(0, lines.size()), lines,
                    damaged + ": the same events as the intact capture, up to the damage");
        }
        for (String nothing : List.of("garbage.pcap", "empty.pcap", "header-only.pcap")) {
            assertFalse(ours.containsKey(DATASETS.resolve("bad/" + nothing).toString()), nothing);
        }
    }

    static Map<String, List<String>> byCapture(List<Observation> observations) {
        Map<String, List<String>> out = new HashMap<>();
        for (Observation o : observations) {
            out.computeIfAbsent(new org.apache.flink.core.fs.Path(o.capture).toUri().getPath(),
                    k -> new ArrayList<>()).add(P0fFormat.logLine(o));
        }
        return out;
    }

    /** The repository's {@code datasets/} folder, found from the module's working directory. */
    static Path datasets() {
        for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("datasets/sample.pcap"))) {
                return d.resolve("datasets");
            }
        }
        throw new IllegalStateException("datasets/sample.pcap not found above " + Paths.get("").toAbsolutePath());
    }
}
