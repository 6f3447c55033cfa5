package io.passivetcp.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.passivetcp.Observation;
import io.passivetcp.job.output.P0fFormat;
import io.passivetcp.testutils.SharedData;

/**
 * Parity with p0f 3.09b: every capture of the third-party corpus and of the spec's golden examples, analysed on
 * its own as {@code p0f -r} does, must reproduce p0f's own log lines for the event types we produce, compared as
 * multisets of whole lines. The figures are written to {@code target/parity-report.txt} and quoted in the README.
 */
class P0fParityITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    /** The p0f event types this job produces so far. */
    static final Set<String> MODULES = Set.of("syn", "syn+ack", "mtu", "sendsyn probe", "sendsyn response");

    @Test
    void reproducesEveryP0fLineOfTheCorpusAndTheGoldenExamples() throws Exception {
        Path corpus = SharedData.resolve("corpus/dev");
        Path examples = SharedData.resolve("spec/p0f-examples");
        List<Observation> observations = JobRunner.run(List.of(corpus.toString(), examples.toString()),
                SharedData.stockDatabase(), true, true, 2);

        Map<String, List<String>> ours = new HashMap<>();
        for (Observation o : observations) {
            ours.computeIfAbsent(new org.apache.flink.core.fs.Path(o.capture).toUri().getPath(), k -> new ArrayList<>())
                    .add(P0fFormat.logLine(o));
        }
        Parity parity = new Parity();
        for (Path capture : captures(corpus, examples)) {
            Path log = expectedLog(capture);
            if (log.getFileName().toString().startsWith("customdb")) {
                continue; // made with another database: see CustomDatabaseITCase
            }
            parity.compare(capture, p0fLines(log), ours.getOrDefault(capture.toString(), List.of()));
        }
        String report = parity.report();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/parity-report.txt"), report, StandardCharsets.UTF_8);
        System.out.println(report);
        assertTrue(parity.capturesCompared > 900, "corpus found: " + parity.capturesCompared);
        assertEquals(0, parity.missingTotal(), "p0f lines we do not reproduce; see target/parity-report.txt");
    }

    /** Captures with a p0f log beside them. */
    static List<Path> captures(Path... roots) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).filter(p -> expectedLog(p) != null).sorted()
                        .forEach(out::add);
            }
        }
        return out;
    }

    /** p0f's log of a capture: {@code X.p0f.log} in the corpus, {@code X.log} for an example {@code X.pcap}; or null. */
    static Path expectedLog(Path capture) {
        String name = capture.getFileName().toString();
        Path log;
        if (capture.toString().contains("/corpus/")) {
            log = capture.resolveSibling(name + ".p0f.log");
        } else if (name.endsWith(".pcap")) {
            log = capture.resolveSibling(name.substring(0, name.length() - ".pcap".length()) + ".log");
        } else {
            return null;
        }
        return Files.isRegularFile(log) ? log : null;
    }

    static List<String> p0fLines(Path log) throws IOException {
        return Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
                .filter(l -> MODULES.contains(module(l)))
                .map(l -> new String(l.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8))
                .collect(Collectors.toList());
    }

    static String module(String logLine) {
        int start = logLine.indexOf("] mod=");
        int end = logLine.indexOf('|', start);
        return start < 0 || end < 0 ? "" : logLine.substring(start + 6, end);
    }

    /** Multiset comparison per capture, summed per event type. */
    static final class Parity {
        final Map<String, int[]> perModule = new TreeMap<>(); // p0f, reproduced, extra
        final StringBuilder details = new StringBuilder();
        int capturesCompared;

        void compare(Path capture, List<String> expected, List<String> actual) {
            capturesCompared++;
            Map<String, Integer> remaining = new HashMap<>();
            actual.stream().filter(l -> MODULES.contains(module(l))).forEach(l -> remaining.merge(l, 1, Integer::sum));
            List<String> missing = new ArrayList<>();
            for (String line : expected) {
                int[] m = perModule.computeIfAbsent(module(line), k -> new int[3]);
                m[0]++;
                Integer left = remaining.get(line);
                if (left != null && left > 0) {
                    remaining.put(line, left - 1);
                    m[1]++;
                } else {
                    missing.add(line);
                }
            }
            List<String> extra = new ArrayList<>();
            remaining.forEach((line, n) -> {
                for (int i = 0; i < n; i++) {
                    extra.add(line);
                    perModule.computeIfAbsent(module(line), k -> new int[3])[2]++;
                }
            });
            if (!missing.isEmpty() || !extra.isEmpty()) {
                details.append("\n== ").append(capture).append(": ").append(missing.size()).append(" missing, ")
                        .append(extra.size()).append(" extra\n");
                missing.stream().limit(5).forEach(l -> details.append("  - ").append(l).append('\n'));
                extra.stream().sorted().limit(5).forEach(l -> details.append("  + ").append(l).append('\n'));
            }
        }

        int missingTotal() {
            return perModule.values().stream().mapToInt(m -> m[0] - m[1]).sum();
        }

        String report() {
            StringBuilder sb = new StringBuilder("p0f parity over " + capturesCompared + " captures\n");
            sb.append(String.format("%-18s %8s %10s %8s %8s%n", "event", "p0f", "reproduced", "percent", "extra"));
            perModule.forEach((module, m) -> sb.append(String.format("%-18s %8d %10d %7.2f%% %8d%n", module, m[0],
                    m[1], m[0] == 0 ? 100.0 : 100.0 * m[1] / m[0], m[2])));
            return sb.append(details).toString();
        }
    }
}
