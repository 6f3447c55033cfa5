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
import java.util.Arrays;
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
 * the same one; and on connections whose HTTP User-Agent names an OS, the default's specific SYN labels agree with
 * it at least as often as stock's.
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
        Agreement stockAgreement = new Agreement();
        Agreement ourAgreement = new Agreement();
        for (Path capture : captures()) {
            List<Observation> stockEvents = events(stock, capture);
            List<Observation> ourEvents = events(ours, capture);
            stockAgreement.add(stockEvents);
            ourAgreement.add(ourEvents);
            List<Observation> before = fingerprints(stockEvents);
            List<Observation> after = fingerprints(ourEvents);
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
        String report = report(stockTally, ourTally) + "\n" + Agreement.report(stockAgreement, ourAgreement);
        Files.writeString(Paths.get("target/corpus-coverage.md"), report, StandardCharsets.UTF_8);
        System.out.print(report);
        assertEquals(List.of(), lost, "stock's specific labels the default changed");
        // where a User-Agent names the OS, the default labels more connections and contradicts no more of them
        assertTrue(ourAgreement.agree > stockAgreement.agree, report);
        assertTrue(ourAgreement.disagree <= stockAgreement.disagree, report);
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

    private static List<Observation> events(SignatureDatabase db, Path capture) throws IOException {
        try (InputStream in = Files.newInputStream(capture)) {
            return new SequentialAnalyzer(db).analyze(in, capture.toString());
        } catch (IOException e) {
            return List.of(); // a damaged capture keeps no events here; the parity tests cover its partial ones
        }
    }

    private static List<Observation> fingerprints(List<Observation> events) {
        return events.stream().filter(o -> o.module.equals("syn") || o.module.equals("syn+ack")).toList();
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

    /**
     * Connections whose SYN has a specific label and whose first HTTP request's User-Agent names an OS: does the
     * label's OS family agree with the User-Agent's?
     */
    private static final class Agreement {
        int agree;
        int disagree;

        void add(List<Observation> events) {
            Map<String, String> userAgentFamily = new TreeMap<>();
            for (Observation o : events) {
                if (o.module.equals("http request")) {
                    String family = userAgentFamily(((Observation.Http) o.data).software());
                    if (family != null) {
                        userAgentFamily.putIfAbsent(connection(o), family);
                    }
                }
            }
            for (Observation o : events) {
                String claimed = userAgentFamily.get(connection(o));
                if (o.module.equals("syn") && claimed != null && Tally.specific(o)) {
                    if (claimed.equals(Tally.family(Tally.label(o).name()))) {
                        agree++;
                    } else {
                        disagree++;
                    }
                }
            }
        }

        static String connection(Observation o) {
            return Arrays.toString(o.client) + o.clientPort + Arrays.toString(o.server) + o.serverPort;
        }

        /** The OS family a User-Agent names, in the label names' terms (Android runs Linux), or null. */
        static String userAgentFamily(String userAgent) {
            if (userAgent == null) {
                return null;
            } else if (userAgent.contains("Windows")) {
                return "Windows";
            } else if (userAgent.contains("iPhone") || userAgent.contains("iPad") || userAgent.contains("Mac OS X")
                    || userAgent.contains("Macintosh")) {
                return Tally.family("Mac OS X");
            } else if (userAgent.contains("Android") || userAgent.contains("Linux") || userAgent.contains("CrOS")) {
                return "Linux";
            } else if (userAgent.contains("FreeBSD")) {
                return "FreeBSD";
            }
            return null;
        }

        static String report(Agreement stock, Agreement ours) {
            return "| database | SYNs with a specific label and a User-Agent naming an OS | OS families agree "
                    + "| disagree |\n|---|---:|---:|---:|\n" + row("stock", stock) + row("default", ours);
        }

        private static String row(String name, Agreement a) {
            int total = a.agree + a.disagree;
            return String.format(Locale.ROOT, "| %s | %d | %s | %d |%n", name, total, share(a.agree, total),
                    a.disagree);
        }
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
