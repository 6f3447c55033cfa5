package io.passivetcp.job.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.passivetcp.P0fConfig;
import io.passivetcp.job.JobRunner;
import io.passivetcp.job.cli.PassiveTcpCommand;
import io.passivetcp.job.tables.Table;
import io.passivetcp.job.tables.TableFiles;
import io.passivetcp.job.topology.JobOptions;
import io.passivetcp.signature.BundledDatabases;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.testutils.SharedData;
import picocli.CommandLine;

/**
 * {@code passivetcp discover} on tables the job writes from a fixed part of the dev corpus: the captures whose
 * unknown or generic SYNs come with User-Agents of the same host (and one without any). The candidates must carry
 * consistent evidence, load after the database, and, once appended to a copy of it, label their packets.
 */
class DiscoveryITCase {
    /** Forensic challenge 4: one Linux host (Firefox on Ubuntu) whose SYNs the database labels only generically. */
    static final String LINUX_CAPTURE = "markofu__Forensic_challenge_4.pcap";
    static final String LINUX_HOST = "172.25.105.43";
    static final List<String> CAPTURES = List.of(LINUX_CAPTURE, "suricata__suri-crash-104.16.3.34-only.pcap",
            "suricata__http2-range.pcap", "zeek__wstunnel-ssh.pcap", "arkime__bt-tcp.pcap");

    @TempDir
    static Path tmp;
    static Path tables;

    @BeforeAll
    static void tables() throws Exception {
        tables = tmp.resolve("tables");
        run(BundledDatabases.text(BundledDatabases.DEFAULT), tables);
    }

    static void run(String database, Path out) throws Exception {
        List<String> inputs = new ArrayList<>();
        for (String name : CAPTURES) {
            inputs.add(SharedData.resolve("corpus/dev/" + name).toString());
        }
        JobOptions options = new JobOptions(inputs, "discovery test", database, true, true, P0fConfig.CONN_MAX_AGE,
                P0fConfig.HOST_IDLE_LIMIT);
        StreamExecutionEnvironment env = PassiveTcpCommand.environment(true, 2);
        JobRunner.attachOutputs(env, options, out.resolveSibling(out.getFileName() + ".log"), out);
        env.execute("discovery test");
    }

    /** Runs the command line as {@code ./passivetcp discover ARGS}; returns the exit code and stderr. */
    static Map.Entry<Integer, String> discover(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            List<String> all = new ArrayList<>(List.of("discover"));
            all.addAll(List.of(args));
            int code = new CommandLine(new PassiveTcpCommand()).execute(all.toArray(String[]::new));
            return Map.entry(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    static List<Map<String, String>> csv(Path file) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        List<String> header = fields(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            List<String> values = fields(line);
            Map<String, String> row = new TreeMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), values.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** One CSV line's fields (the candidates' fields hold no line breaks). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                f.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(ch);
            }
        }
        out.add(f.toString());
        return out;
    }

    @Test
    void candidatesCarrySaneEvidenceLoadAfterTheDatabaseAndLabelTheirPacketsOnceAccepted() throws Exception {
        Path out = tmp.resolve("candidates");
        Map.Entry<Integer, String> result = discover("--tables", tables.toString(), "--out", out.toString(),
                "--min-support", "1", "--window", "capture");
        assertEquals(0, result.getKey(), result.getValue());

        List<Map<String, String>> rows = csv(out.resolve(DiscoverCommand.CSV_FILE));
        assertFalse(rows.isEmpty(), "no candidates: " + result.getValue());
        for (Map<String, String> r : rows) {
            double purity = Double.parseDouble(r.get("purity"));
            long claims = Long.parseLong(r.get("claims"));
            long osClaims = Long.parseLong(r.get("os_claims"));
            assertTrue(purity >= 0.8 && purity <= 1, r.toString());
            assertEquals((double) osClaims / claims, purity, 1e-4, r.toString());
            assertTrue(Integer.parseInt(r.get("support_hosts")) >= 1, r.toString());
            assertTrue(Integer.parseInt(r.get("support_hosts")) <= Integer.parseInt(r.get("hosts_seen")));
            assertTrue(Long.parseLong(r.get("support_packets")) <= Long.parseLong(r.get("packets_seen")));
            assertTrue(r.get("user_agent_os").contains(r.get("os") + " x" + osClaims), r.toString());
            assertTrue(r.get("label").startsWith("s:") && r.get("label").contains(":" + r.get("os") + ":"));
            assertFalse(r.get("current_labels").contains("(exact)"), "exact specific matches are not candidates");
            String[] sig = r.get("sig").split(":");
            assertTrue(List.of("32", "64", "128", "255").contains(sig[1]), "an initial TTL: " + r.get("sig"));
            assertEquals("*", sig[3], "any MSS: " + r.get("sig"));
        }
        Map<String, String> linux = rows.stream()
                .filter(r -> r.get("direction").equals("syn") && r.get("example_hosts").startsWith(LINUX_HOST))
                .findFirst().orElseThrow(() -> new AssertionError("no candidate for " + LINUX_HOST + ": " + rows));
        assertEquals("Linux", linux.get("os"));
        assertEquals("s:unix:Linux:", linux.get("label"));
        assertTrue(linux.get("user_agents").contains("Linux i686"), linux.toString());
        assertTrue(linux.get("current_labels").contains("(generic)"), linux.toString());

        // the .fp appended to the database loads, adds exactly the listed sigs, and each sig sits on its fp_line
        String fp = Files.readString(out.resolve(DiscoverCommand.FP_FILE));
        String base = BundledDatabases.text(BundledDatabases.DEFAULT);
        SignatureDatabase accepted = SignatureDatabase.parse("accepted", base + fp);
        assertEquals(BundledDatabases.load(BundledDatabases.DEFAULT).signatureCount() + rows.size(),
                accepted.signatureCount());
        List<String> fpLines = fp.lines().toList();
        for (Map<String, String> r : rows) {
            assertEquals("sig   = " + r.get("sig"), fpLines.get(Integer.parseInt(r.get("fp_line")) - 1));
        }

        // accepted, the Linux candidate labels the host's SYNs specifically
        Path relabelled = tmp.resolve("relabelled");
        run(base + fp, relabelled);
        List<String> labels = new ArrayList<>();
        List<TableFiles.Unread> unread = new ArrayList<>();
        TableRows.read(relabelled, Table.SYN, List.of("subject_address", "label", "match_kind", "raw_sig",
                "initial_ttl"), row -> {
                    if (row.get("subject_address").toString().equals(LINUX_HOST) && Evidence.candidateSig(
                            row.get("raw_sig").toString(), (Integer) row.get("initial_ttl")).equals(linux.get("sig"))) {
                        labels.add(row.get("label") + " " + row.get("match_kind"));
                    }
                }, unread);
        assertEquals(List.of(), unread);
        assertEquals(Long.parseLong(linux.get("packets_seen")), labels.size());
        assertTrue(labels.stream().allMatch(l -> l.equals("Linux exact")), labels.toString());
    }

    @Test
    void thresholdsLeaveOutWeakCandidates() throws Exception {
        Path out = tmp.resolve("strict");
        Map.Entry<Integer, String> result = discover("--tables", tables.toString(), "--out", out.toString(),
                "--min-support", "1000");
        assertEquals(0, result.getKey(), result.getValue());
        assertEquals(1, Files.readAllLines(out.resolve(DiscoverCommand.CSV_FILE)).size(), "the header only");
        SignatureDatabase.parse("empty", BundledDatabases.text(BundledDatabases.DEFAULT)
                + Files.readString(out.resolve(DiscoverCommand.FP_FILE)));
    }

    /** Discovery reads and writes local files: an s3:// folder used to be written as a local folder "s3:". */
    @Test
    void foldersOnOtherFileSystemsAreOneLineAndExitTwo() throws Exception {
        Map.Entry<Integer, String> remote = discover("--tables", "s3://bucket/tables", "--out",
                tmp.resolve("o3").toString());
        assertEquals(2, remote.getKey());
        assertEquals("passivetcp discover: --tables s3://bucket/tables: discover reads and writes local folders; "
                + "copy the tables here, or relabel them to a local --out", remote.getValue().strip());
        Map.Entry<Integer, String> remoteOut = discover("--tables", tables.toString(), "--out",
                "s3://bucket/candidates");
        assertEquals(2, remoteOut.getKey());
        assertEquals("passivetcp discover: --out s3://bucket/candidates: discover reads and writes local folders; "
                + "give a local folder", remoteOut.getValue().strip());
        assertTrue(Files.notExists(Path.of("s3:")), "no local folder named s3:");
    }

    /**
     * A damaged table file does not stop discovery: it is named by one line, the other files' evidence still makes
     * candidates, and the run ends with the summary line and exit 3, as the main command's does for a damaged
     * capture. It ended discovery with exit 2.
     */
    @Test
    void aDamagedTableFileIsNamedAndTheOthersStillGiveCandidates() throws Exception {
        Path copy = tmp.resolve("damaged-tables");
        try (var files = Files.walk(tables)) {
            for (Path from : files.toList()) {
                Path to = copy.resolve(tables.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        List<String> mtuFiles = TableRows.files(copy, Table.MTU);
        Path damaged = copy.resolve(mtuFiles.get(mtuFiles.size() - 1));
        Files.writeString(damaged, "not a Parquet file");
        Path out = tmp.resolve("candidates-despite-damage");
        Map.Entry<Integer, String> result = discover("--tables", copy.toString(), "--out", out.toString(),
                "--min-support", "1", "--window", "capture");
        assertEquals(3, result.getKey(), result.getValue());
        List<String> lines = result.getValue().strip().lines().toList();
        assertTrue(lines.contains("[WARN] Skipped " + damaged + ": not a readable mtu table file (RuntimeException: "
                + damaged.getFileName() + " is not a Parquet file. Expected magic number at tail, but found [102, "
                + "105, 108, 101])"), result.getValue());
        assertEquals("passivetcp discover: 1 table file(s) not read in full: " + damaged, lines.get(lines.size() - 1));
        assertTrue(Files.readString(out.resolve(DiscoverCommand.FP_FILE)).contains("sig   = "),
                "the other files still give candidates");
    }

    @Test
    void aMissingOrNonTableFolderIsOneLineAndExitTwo() throws Exception {
        Path missing = tmp.resolve("missing");
        Map.Entry<Integer, String> none = discover("--tables", missing.toString(), "--out", tmp.resolve("o1").toString());
        assertEquals(2, none.getKey());
        assertEquals("passivetcp discover: --tables " + missing + ": no such folder", none.getValue().strip());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Map.Entry<Integer, String> notTables = discover("--tables", empty.toString(), "--out",
                tmp.resolve("o2").toString());
        assertEquals(2, notTables.getKey());
        assertEquals(1, notTables.getValue().strip().lines().count(), notTables.getValue());
        assertTrue(notTables.getValue().contains("not a table folder"), notTables.getValue());

        Map.Entry<Integer, String> badPurity = discover("--tables", tables.toString(), "--out",
                tmp.resolve("o3").toString(), "--min-purity", "1.5");
        assertEquals(2, badPurity.getKey());
        assertEquals(1, badPurity.getValue().strip().lines().count(), badPurity.getValue());
    }
}
