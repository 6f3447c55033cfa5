package io.passivetcp.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
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
import io.passivetcp.capture.CaptureFormatException;
import io.passivetcp.capture.CaptureReader;
import io.passivetcp.capture.CaptureRecord;
import io.passivetcp.packet.DropReason;
import io.passivetcp.packet.PacketDecoder;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.output.P0fFormat;
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

    /** Every event type p0f 3.09b prints. */
    static final Set<String> MODULES = Set.of("syn", "syn+ack", "mtu", "uptime", "http request", "http response",
            "host change", "ip sharing", "sendsyn probe", "sendsyn response");

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
        assertEquals(P0F_NONDETERMINISTIC, parity.missing,
                "p0f lines we do not reproduce, beyond p0f's own nondeterminism; see target/parity-report.txt");
        for (Path capture : parity.capturesWithExtraLines) {
            assertTrue(packetsP0fLoses(capture) > 0,
                    capture + ": extra lines, yet p0f reads every packet of it; see target/parity-report.txt");
        }
    }

    /**
     * p0f lines that p0f itself prints only on some runs. p0f parses a response's Date header into an uninitialised
     * {@code struct tm}; when the stack garbage in {@code tm_isdst} is positive, {@code mktime} moves the date back
     * an hour and the {@code date} NAT reason fires (spec §8.8). Re-running p0f on these captures with address
     * randomisation off ({@code TZ=UTC setarch -R p0f -r X}) never prints them; with it on, some runs do. We give
     * the deterministic answer. (Found while making datasets/: see datasets/README.md.)
     */
    static final List<String> P0F_NONDETERMINISTIC = List.of(
            "csanders__http_espn.pcapng [2010/04/07 17:29:30] mod=host change|cli=172.16.0.122/36000|"
                    + "srv=205.234.218.112/80|subj=srv|reason=date|raw_hits=0,1,1,1",
            "tcpreplay__test.pcap [2010/07/07 03:16:21] mod=host change|cli=172.16.11.12/64583|"
                    + "srv=96.17.211.172/80|subj=srv|reason=date|raw_hits=0,2,2,2",
            "zeek__wikipedia.pcap [2011/03/18 19:06:08] mod=host change|cli=141.142.220.118/49996|"
                    + "srv=208.80.152.3/80|subj=srv|reason=date|raw_hits=0,1,1,1",
            "zeek__wikipedia.pcap [2011/03/18 19:06:09] mod=host change|cli=141.142.220.118/50001|"
                    + "srv=208.80.152.3/80|subj=srv|reason=date|raw_hits=0,2,2,2",
            "zeek__workshop_2011_browse.pcap [2011/11/03 14:15:57] mod=host change|cli=10.0.2.15/49283|"
                    + "srv=192.150.187.43/80|subj=srv|reason=date|raw_hits=0,1,1,1");

    /** TCP packets of the capture that we decode and p0f 3.09b loses (see PacketDecoder#beyondP0f). */
    static long packetsP0fLoses(Path capture) throws IOException {
        long lost = 0;
        try (InputStream in = Files.newInputStream(capture);
                CaptureReader reader = CaptureReader.open(in, capture.toString())) {
            CaptureRecord rec = new CaptureRecord();
            PacketDecoder decoder = new PacketDecoder();
            TcpPacket p = new TcpPacket();
            while (nextOrEnd(reader, rec)) {
                if (decoder.decode(rec, p) == DropReason.NONE && decoder.beyondP0f()) {
                    lost++;
                }
            }
        }
        return lost;
    }

    private static boolean nextOrEnd(CaptureReader reader, CaptureRecord rec) throws IOException {
        try {
            return reader.next(rec);
        } catch (CaptureFormatException e) {
            return false; // the job keeps what came before the damage, and so does this count
        }
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
        final List<String> missing = new ArrayList<>();
        final List<Path> capturesWithExtraLines = new ArrayList<>();
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
            missing.forEach(l -> this.missing.add(capture.getFileName() + " " + l));
            if (!extra.isEmpty()) {
                capturesWithExtraLines.add(capture);
            }
            if (!missing.isEmpty() || !extra.isEmpty()) {
                details.append("\n== ").append(capture).append(": ").append(missing.size()).append(" missing, ")
                        .append(extra.size()).append(" extra\n");
                missing.stream().limit(5).forEach(l -> details.append("  - ").append(l).append('\n'));
                extra.stream().sorted().limit(5).forEach(l -> details.append("  + ").append(l).append('\n'));
            }
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
