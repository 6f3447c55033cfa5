package io.passivetcp.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passivetcp.Observation;
import io.passivetcp.SequentialAnalyzer;
import io.passivetcp.testutils.SharedData;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * How much of the dev corpus ({@code ../shared/corpus/dev}, each capture on its own, as p0f -r) the default
 * database labels specifically, against p0f's stock database: the share of SYN and SYN+ACK fingerprints with a
 * specific label (matched, not generic; fuzzy counts), overall and per OS family. The README's table is this
 * test's report, written to {@code udfs/target/corpus-coverage.md}:
 *
 * <pre>mvn -B -q -pl udfs verify -Dtest=CorpusCoverageTest -Dsurefire.failIfNoSpecifiedTests=false -DskipITs</pre>
 *
 * It also holds the promise of the additions: where stock gives a fingerprint a specific label, the default gives
 * the same one.
 */
class CorpusCoverageTest {
    private static final String[] KINDS = {"syn", "syn+ack"};

    @Test
    void theDefaultLabelsMoreAndKeepsEveryStockSpecificLabel() throws IOException {
        SignatureDatabase stock = TestDatabases.stock();
        SignatureDatabase ours = BundledDatabases.load(BundledDatabases.DEFAULT);
        Tally[] stockTally = {new Tally(), new Tally()};
        Tally[] ourTally = {new Tally(), new Tally()};
        List<String> lost = new ArrayList<>();
        for (Path capture : captures()) {
            List<Observation> before = fingerprints(stock, capture);
            List<Observation> after = fingerprints(ours, capture);
            assertEquals(before.size(), after.size(), capture.toString());
            for (int i = 0; i < before.size(); i++) {
                Observation b = before.get(i);
                Observation a = after.get(i);
                int kind = b.module.equals("syn") ? 0 : 1;
                stockTally[kind].add(b);
                ourTally[kind].add(a);
                if (Tally.specific(b) && !Tally.labelText(b).equals(Tally.labelText(a))) {
                    lost.add(capture.getFileName() + ": " + Tally.labelText(b) + " -> " + Tally.labelText(a) + " "
                            + b.get("raw_sig"));
                }
            }
        }
        String report = report(stockTally, ourTally);
        Files.writeString(Paths.get("target/corpus-coverage.md"), report, StandardCharsets.UTF_8);
        System.out.print(report);
        assertEquals(List.of(), lost, "stock's specific labels the default changed");
        for (int kind = 0; kind < KINDS.length; kind++) {
            assertTrue(stockTally[kind].total > 500, KINDS[kind] + " fingerprints: " + stockTally[kind].total);
            assertTrue(ourTally[kind].specific > stockTally[kind].specific, KINDS[kind]);
        }
    }

    private static List<Path> captures() throws IOException {
        try (Stream<Path> files = Files.list(SharedData.resolve("corpus/dev"))) {
            return files.filter(p -> Files.isRegularFile(Paths.get(p + ".p0f.log"))).sorted().toList();
        }
    }

    private static List<Observation> fingerprints(SignatureDatabase db, Path capture) throws IOException {
        try (InputStream in = Files.newInputStream(capture)) {
            return new SequentialAnalyzer(db).analyze(in, capture.toString()).stream()
                    .filter(o -> o.module.equals("syn") || o.module.equals("syn+ack")).toList();
        } catch (IOException e) {
            return List.of(); // a damaged capture keeps no events here; the parity tests cover its partial ones
        }
    }

    private static String report(Tally[] stock, Tally[] ours) {
        StringBuilder sb = new StringBuilder();
        sb.append("| fingerprints | count | specific, stock | specific, default | unknown (???), stock | "
                + "unknown (???), default |\n|---|---:|---:|---:|---:|---:|\n");
        for (int kind = 0; kind < KINDS.length; kind++) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", KINDS[kind], stock[kind].total,
                    share(stock[kind].specific, stock[kind].total), share(ours[kind].specific, ours[kind].total),
                    share(stock[kind].unknown, stock[kind].total), share(ours[kind].unknown, ours[kind].total)));
        }
        sb.append("\n| OS family | SYN specific, stock | SYN specific, default | SYN generic, stock | "
                + "SYN generic, default | SYN+ACK specific, stock | SYN+ACK specific, default |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        TreeMap<String, int[]> families = new TreeMap<>();
        for (int kind = 0; kind < KINDS.length; kind++) {
            merge(families, stock[kind].specificByFamily, kind == 0 ? 0 : 4);
            merge(families, ours[kind].specificByFamily, kind == 0 ? 1 : 5);
            merge(families, stock[kind].genericByFamily, kind == 0 ? 2 : 6);
            merge(families, ours[kind].genericByFamily, kind == 0 ? 3 : 7);
        }
        families.forEach((family, n) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d |%n",
                family, n[0], n[1], n[2], n[3], n[4], n[5])));
        return sb.toString();
    }

    private static void merge(Map<String, int[]> families, Map<String, Integer> counts, int column) {
        counts.forEach((family, n) -> families.computeIfAbsent(family, f -> new int[8])[column] += n);
    }

    private static String share(int part, int total) {
        return String.format(Locale.ROOT, "%d (%.1f%%)", part, 100.0 * part / total);
    }

    /** Counts of one kind of fingerprint under one database. */
    private static final class Tally {
        int total;
        int specific;
        int unknown;
        final Map<String, Integer> specificByFamily = new TreeMap<>();
        final Map<String, Integer> genericByFamily = new TreeMap<>();

        static Observation.Label label(Observation o) {
            return ((Observation.Tcp) o.data).label();
        }

        static boolean specific(Observation o) {
            return label(o).name() != null && !label(o).type().equals("generic");
        }

        /** What the event says: {@code os=} or, for tools and p0f-sendsyn flows, {@code app=}. */
        static String labelText(Observation o) {
            return o.get("os") != null ? o.get("os") : o.get("app");
        }

        void add(Observation o) {
            total++;
            Observation.Label label = label(o);
            if (label.name() == null) {
                unknown++;
            } else if (specific(o)) {
                specific++;
                specificByFamily.merge(family(label.name()), 1, Integer::sum);
            } else {
                genericByFamily.merge(family(label.name()), 1, Integer::sum);
            }
        }

        /** Label names grouped by vendor: p0f spells Apple's three ways. */
        static String family(String name) {
            return switch (name) {
                case "Mac OS X", "MacOS X", "iOS" -> "Apple (macOS, iOS)";
                default -> name;
            };
        }
    }
}
