package io.passivetcp.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.passivetcp.Observation;
import io.passivetcp.P0fConfig;
import io.passivetcp.job.cli.PassiveTcpCommand;
import io.passivetcp.job.tables.Table;
import io.passivetcp.job.topology.JobOptions;
import io.passivetcp.testutils.SharedData;

/**
 * {@code --out} tables against the {@code -o} log of the same run: the job runs once over the project's sample and
 * the whole dev corpus with both outputs, then DuckDB (JDBC) reads the Parquet tables back. Every row of every
 * event table, printed as a log line, must be a line of the log and the other way round; partitions must be the
 * events' own dates; typed columns must hold the observables.
 */
class TablesITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** Captures from 2009 and 2019 in the dev corpus: their rows must land in their own years. */
    static final List<String> OLD_CAPTURES = List.of("arkime__wireshark-retrans.pcap", "ndpi__ftp.pcap");

    /** The sample and every capture of the dev corpus: the row-for-row comparison. */
    static List<String> corpus;
    /** The sample and every fourth corpus capture: enough for the STREAMING runs, which run twice. */
    static List<String> inputs;
    static JobOptions batchOptions;

    @BeforeAll
    static void inputs() throws Exception {
        Path dev = SharedData.resolve("corpus/dev");
        List<Path> files = P0fParityITCase.captures(dev);
        String sample = Paths.get("../datasets/sample.pcap").toAbsolutePath().normalize().toString();
        corpus = new ArrayList<>(List.of(sample));
        files.forEach(f -> corpus.add(f.toString()));
        List<String> list = new ArrayList<>(List.of(sample));
        for (int i = 0; i < files.size(); i += 4) {
            list.add(files.get(i).toString());
        }
        for (String name : OLD_CAPTURES) {
            String path = dev.resolve(name).toString();
            if (!list.contains(path)) {
                list.add(path);
            }
        }
        inputs = list;
        batchOptions = options(true);
    }

    static JobOptions options(boolean batch) throws Exception {
        return options(inputs, batch);
    }

    static JobOptions options(List<String> captures, boolean batch) throws Exception {
        Path db = SharedData.stockDatabase();
        return new JobOptions(captures, db.toString(), JobRunner.read(db), true, batch, P0fConfig.CONN_MAX_AGE,
                P0fConfig.HOST_IDLE_LIMIT);
    }

    /** Runs the job with a {@code -o} log and {@code --out} tables, as the CLI wires them. */
    static void run(JobOptions options, Path log, Path out, int parallelism) throws Exception {
        StreamExecutionEnvironment env = PassiveTcpCommand.environment(options.batch(), parallelism);
        if (!options.batch()) {
            env.enableCheckpointing(200);
        }
        JobRunner.attachOutputs(env, options, log, out);
        env.execute("tables test");
    }

    @Test
    void tablesHoldExactlyTheLoggedEventsPartitionedByEventDate(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("events.log");
        Path out = tmp.resolve("tables");
        run(options(corpus, true), log, out, 2);

        Map<Table, List<String>> logged = loggedLinesByTable(log);
        assertTrue(logged.get(Table.SYN).size() > 4000, "the whole dev corpus: " + logged.get(Table.SYN).size());
        assertFalse(logged.get(Table.HOST_CHANGE).isEmpty());
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Table table : Table.values()) {
                if (!table.eventTable()) {
                    continue;
                }
                List<String> expected = new ArrayList<>(logged.getOrDefault(table, List.of()));
                List<String> actual = tableAsLogLines(db, out, table);
                assertEquals(expected.size(), actual.size(), "rows of " + table.folder());
                Collections.sort(expected);
                Collections.sort(actual);
                DeterminismITCase.assertSameLines(expected, actual, "table " + table.folder() + " against the log");
                assertPartitionsAreEventDates(db, out, table);
            }
            assertOldCapturesInTheirOwnYears(db, out);
            assertSampleSynIsTyped(db, out);
            assertConnectionsJoinBothSides(db, out, logged);
            assertSampleTlsIsTyped(db, out);
        }
    }

    /**
     * One capture is one unit, fewer than the sink's two subtasks: its rows are spread over both by table and date,
     * each table's date into one part file, not one per subtask.
     */
    @Test
    void oneCaptureOnTwoSubtasksWritesOnePartFilePerTableAndDate(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("tables");
        run(options(List.of(corpus.get(0)), true), tmp.resolve("events.log"), out, 2);
        Map<Path, Long> partFiles;
        try (Stream<Path> files = Files.walk(out)) {
            partFiles = files.filter(f -> f.getFileName().toString().endsWith(".parquet"))
                    .collect(Collectors.groupingBy(Path::getParent, TreeMap::new, Collectors.counting()));
        }
        assertTrue(partFiles.size() >= Table.values().length - 1, "partitions: " + partFiles.keySet());
        partFiles.forEach((partition, files) -> assertEquals(1L, files, "part files in " + partition));
    }

    /** STREAMING commits on checkpoints: the same rows as BATCH, and nothing left in progress. */
    @Test
    void streamingCommitsTheSameRowsOnCheckpoints(@TempDir Path tmp) throws Exception {
        run(batchOptions, tmp.resolve("batch.log"), tmp.resolve("batch"), 2);
        run(options(false), tmp.resolve("streaming.log"), tmp.resolve("streaming"), 2);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Table table : Table.values()) {
                assertEquals(count(db, tmp.resolve("batch"), table), count(db, tmp.resolve("streaming"), table),
                        "rows of " + table.folder() + ", streaming against batch");
            }
        }
        try (Stream<Path> files = Files.walk(tmp.resolve("streaming"))) {
            List<Path> pending = files.filter(p -> p.getFileName().toString().contains(".inprogress"))
                    .collect(Collectors.toList());
            assertTrue(pending.isEmpty(), "uncommitted files: " + pending);
        }
    }

    // ---- the log side ----

    static Map<Table, List<String>> loggedLinesByTable(Path log) throws Exception {
        Map<Table, List<String>> byTable = new HashMap<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String module = line.substring(line.indexOf("mod=") + 4, line.indexOf('|'));
            Table t = Table.of(module);
            byTable.computeIfAbsent(t, k -> new ArrayList<>()).add(line);
        }
        return byTable;
    }

    // ---- the table side ----

    static String glob(Path out, Table table) {
        return "read_parquet('" + out.resolve(table.folder()) + "/**/*.parquet', hive_partitioning = true)";
    }

    static long count(Connection db, Path out, Table table) throws Exception {
        if (!Files.isDirectory(out.resolve(table.folder()))) {
            return 0;
        }
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM "
                + glob(out, table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Each row printed as p0f's log line of the event. */
    static List<String> tableAsLogLines(Connection db, Path out, Table table) throws Exception {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(out.resolve(table.folder()))) {
            return lines;
        }
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT *, epoch_us(event_time) AS micros FROM " + glob(out, table))) {
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                sb.append('[').append(LOG_TIME.format(Instant.ofEpochSecond(Math.floorDiv(rs.getLong("micros"),
                        1_000_000L)))).append("] mod=").append(module(table, rs));
                sb.append("|cli=").append(rs.getString("client_address")).append('/').append(rs.getInt("client_port"));
                sb.append("|srv=").append(rs.getString("server_address")).append('/').append(rs.getInt("server_port"));
                sb.append("|subj=").append(rs.getString("subject"));
                switch (table) {
                    case SYN, SYN_ACK -> {
                        int d = rs.getInt("distance");
                        sb.append('|').append(rs.getString("label_key")).append('=').append(rs.getString("label"))
                                .append("|dist=").append(rs.getBoolean("distance_is_bound") ? "<= " + d : d)
                                .append("|params=").append(rs.getString("params"))
                                .append("|raw_sig=").append(rs.getString("raw_sig"));
                    }
                    case MTU -> sb.append("|link=").append(rs.getString("link")).append("|raw_mtu=")
                            .append(rs.getInt("raw_mtu"));
                    case UPTIME -> sb.append("|uptime=").append(rs.getString("uptime")).append("|raw_freq=")
                            .append(String.format(Locale.ROOT, "%.2f Hz", rs.getDouble("raw_freq_hz")));
                    case HTTP_REQUEST, HTTP_RESPONSE -> sb.append('|').append(rs.getString("label_key")).append('=')
                            .append(rs.getString("label"))
                            .append("|lang=").append(table == Table.HTTP_REQUEST ? rs.getString("lang") : "none")
                            .append("|params=").append(rs.getString("params"))
                            .append("|raw_sig=").append(rs.getString("raw_sig"));
                    case HOST_CHANGE, IP_SHARING -> sb.append("|reason=").append(rs.getString("reason"))
                            .append("|raw_hits=").append(rs.getString("raw_hits"));
                    case TLS -> {
                        String sni = rs.getString("sni");
                        String alpn = joined(rs, "alpn");
                        sb.append("|ja4=").append(rs.getString("ja4")).append("|ja4_r=").append(rs.getString("ja4_r"))
                                .append("|ja4_o=").append(rs.getString("ja4_o")).append("|ja3=")
                                .append(rs.getString("ja3")).append("|sni=").append(sni == null ? "none" : sni)
                                .append("|alpn=").append(alpn.isEmpty() ? "none" : alpn)
                                .append("|versions=").append(joined(rs, "versions"));
                    }
                    default -> throw new IllegalStateException(table.name());
                }
                lines.add(sb.toString());
            }
        }
        return lines;
    }

    /** A list column's items joined by commas. */
    private static String joined(ResultSet rs, String column) throws Exception {
        Object[] items = (Object[]) rs.getArray(column).getArray();
        return java.util.Arrays.stream(items).map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String module(Table table, ResultSet rs) throws Exception {
        return switch (table) {
            case TLS -> "tls client";
            case SYN -> rs.getBoolean("sendsyn") ? "sendsyn probe" : "syn";
            case SYN_ACK -> rs.getBoolean("sendsyn") ? "sendsyn response" : "syn+ack";
            case HTTP_REQUEST -> "http request";
            case HTTP_RESPONSE -> "http response";
            case HOST_CHANGE -> "host change";
            case IP_SHARING -> "ip sharing";
            default -> table.folder();
        };
    }

    /** Every row sits in the partition of its own event date (UTC). */
    static void assertPartitionsAreEventDates(Connection db, Path out, Table table) throws Exception {
        if (!Files.isDirectory(out.resolve(table.folder()))) {
            return;
        }
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT CAST(date AS VARCHAR) AS d, epoch_us(event_time) AS micros FROM " + glob(out, table))) {
            while (rs.next()) {
                LocalDate eventDate = LocalDate.ofEpochDay(Math.floorDiv(rs.getLong("micros"), 86_400_000_000L));
                assertEquals(eventDate.toString(), rs.getString("d"), "partition of a " + table.folder() + " row");
            }
        }
    }

    static void assertOldCapturesInTheirOwnYears(Connection db, Path out) throws Exception {
        Map<String, String> years = new TreeMap<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT DISTINCT regexp_extract(capture, '[^/]+$') AS name, CAST(year(date) AS VARCHAR) AS y FROM "
                        + glob(out, Table.SYN))) {
            while (rs.next()) {
                years.merge(rs.getString("name"), rs.getString("y"), (a, b) -> a + "," + b);
            }
        }
        assertEquals("2009", years.get("arkime__wireshark-retrans.pcap"));
        assertEquals("2019", years.get("ndpi__ftp.pcap"));
        assertEquals("2024", years.get("sample.pcap"));
        try (Stream<Path> dirs = Files.list(out.resolve("syn"))) {
            List<String> names = dirs.map(p -> p.getFileName().toString()).collect(Collectors.toList());
            assertTrue(names.contains("date=2009-11-24"), names.toString());
            assertTrue(names.contains("date=2024-05-14"), names.toString());
        }
    }

    /**
     * The sample's first SYN: {@code 4:61+3:0:1452:mss*20,7:mss,sok,ts,nop,ws:df,id+:0}, labelled Linux 3.11 and newer.
     */
    static void assertSampleSynIsTyped(Connection db, Path out) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM "
                + glob(out, Table.SYN) + " WHERE client_address = '192.0.2.10' AND client_port = 39324")) {
            assertTrue(rs.next());
            assertEquals(4, rs.getInt("ip_version"));
            assertEquals("198.51.100.10", rs.getString("server_address"));
            assertEquals(80, rs.getInt("server_port"));
            assertEquals("cli", rs.getString("subject"));
            assertEquals("192.0.2.10", rs.getString("subject_address"));
            assertEquals(61, rs.getInt("ttl"));
            assertEquals(64, rs.getInt("initial_ttl"));
            assertEquals(3, rs.getInt("distance"));
            assertEquals(0, rs.getInt("ip_option_length"));
            assertEquals(1452, rs.getInt("mss"));
            assertEquals(1452 * 20, rs.getInt("window"));
            assertEquals(7, rs.getInt("window_scale"));
            assertEquals("mss,sok,ts,nop,ws", rs.getString("option_layout"));
            assertEquals("df,id+", rs.getString("quirks"));
            assertEquals("0", rs.getString("payload_class"));
            assertEquals("os", rs.getString("label_key"));
            assertEquals("Linux 3.11 and newer", rs.getString("label"));
            assertEquals("unix", rs.getString("label_class"));
            assertEquals("Linux", rs.getString("label_name"));
            assertEquals("3.11 and newer", rs.getString("label_flavor"));
            assertEquals("specific", rs.getString("label_type"));
            assertEquals("exact", rs.getString("match_kind"));
            assertTrue(rs.getInt("signature_line") > 0);
            assertEquals("none", rs.getString("params"));
            assertEquals(batchOptions.databaseVersion(), rs.getString("db_version"));
            assertTrue(rs.getString("capture").endsWith("sample.pcap"));
            assertFalse(rs.getBoolean("sendsyn"));
            assertFalse(rs.next());
        }
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT user_agent, header_names[1] AS first_header, len(header_names) AS n, label_key, match_kind "
                        + "FROM " + glob(out, Table.HTTP_REQUEST)
                        + " WHERE client_address = '192.0.2.10' AND client_port = 39324")) {
            assertTrue(rs.next());
            assertTrue(rs.getInt("n") > 1);
            assertEquals("Host", rs.getString("first_header"));
        }
    }

    /**
     * The sample's TLS connections: the IPv4 one from 192.0.2.10 (www.example.org, port 443) in the tls table and in
     * its connection row, with the same fingerprints.
     */
    static void assertSampleTlsIsTyped(Connection db, Path out) throws Exception {
        String ja4;
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT *, len(alpn) AS alpns FROM "
                + glob(out, Table.TLS) + " WHERE client_address = '192.0.2.10' AND client_port = 39334")) {
            assertTrue(rs.next());
            assertEquals("198.51.100.30", rs.getString("server_address"));
            assertEquals(443, rs.getInt("server_port"));
            assertEquals("www.example.org", rs.getString("sni"));
            ja4 = rs.getString("ja4");
            assertTrue(ja4.matches("t1[0-3]d\\d{4}[0-9a-z]{2}_[0-9a-f]{12}_[0-9a-f]{12}"), ja4);
            assertTrue(rs.getString("ja4_r").startsWith(ja4.substring(0, 10) + "_"));
            assertTrue(rs.getString("ja3").matches("[0-9a-f]{32}"));
            assertTrue(rs.getString("ja3_string").startsWith("77"));
            assertTrue(rs.getInt("segments") >= 1);
            assertFalse(rs.next());
        }
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT ja4, sni FROM "
                + glob(out, Table.CONNECTIONS) + " WHERE client_address = '192.0.2.10' AND client_port = 39334")) {
            assertTrue(rs.next());
            assertEquals(ja4, rs.getString("ja4"));
            assertEquals("www.example.org", rs.getString("sni"));
        }
    }

    /** One row per connection; the sample's first joins its SYN, SYN+ACK, MTUs and HTTP. */
    static void assertConnectionsJoinBothSides(Connection db, Path out, Map<Table, List<String>> logged)
            throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM "
                + glob(out, Table.CONNECTIONS) + " WHERE client_address = '192.0.2.10' AND client_port = 39324")) {
            assertTrue(rs.next());
            assertEquals("Linux 3.11 and newer", rs.getString("syn_label"));
            assertEquals("4:61+3:0:1452:mss*20,7:mss,sok,ts,nop,ws:df,id+:0", rs.getString("syn_raw_sig"));
            assertEquals("Linux 3.x", rs.getString("syn_ack_label"));
            assertEquals(1492, rs.getInt("client_mtu"));
            assertEquals("DSL", rs.getString("client_link"));
            assertEquals(1500, rs.getInt("server_mtu"));
            assertTrue(rs.getString("http_request_raw_sig") != null);
            assertTrue(rs.getString("http_response_raw_sig") != null);
            assertTrue(rs.getLong("packets") >= 3);
            assertFalse(rs.next());
        }
        // every non-probe SYN of the log opens a connection, except those matching an application signature
        long syns = logged.get(Table.SYN).stream().filter(l -> l.contains("mod=syn|") && !l.contains("|app=")).count();
        assertEquals(syns, count(db, out, Table.CONNECTIONS), "connections against SYN events");
    }
}
