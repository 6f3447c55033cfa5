package io.passivetcp.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.passivetcp.P0fConfig;
import io.passivetcp.job.tables.Table;
import io.passivetcp.job.topology.JobOptions;
import io.passivetcp.testutils.SharedData;

/**
 * The {@code hosts} table: the same rows in BATCH and STREAMING, at parallelism 1 and 2, and every fact of a row
 * equal to the same fact computed by DuckDB from the event tables of the run (rows per host and day, events, the
 * SYN and SYN+ACK fingerprints with their labels, MTUs, User-Agents, Server strings, JA4s, NAT events, first and
 * last seen).
 */
class HostsTableITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    /** Dev-corpus captures with HTTP both ways, TLS, uptime and NAT events; one from 2009 for an old date. */
    static final List<String> CAPTURES = List.of("zeek__wikipedia.pcap", "ndpi__android.pcap", "ndpi__iphone.pcap",
            "tcpreplay__test.pcap", "csanders__http_espn.pcapng", "ndpi__alexa-app.pcapng",
            "zeek__workshop_2011_browse.pcap", "foxio__tls3.pcapng", "arkime__wireshark-retrans.pcap");

    static List<String> inputs;

    @BeforeAll
    static void inputs() throws Exception {
        Path dev = SharedData.resolve("corpus/dev");
        inputs = new ArrayList<>(List.of(Paths.get("../datasets/sample.pcap").toAbsolutePath().normalize()
                .toString()));
        CAPTURES.forEach(c -> inputs.add(dev.resolve(c).toString()));
    }

    static JobOptions options(boolean perCapture, boolean batch) throws Exception {
        Path db = SharedData.stockDatabase();
        return new JobOptions(inputs, db.toString(), JobRunner.read(db), perCapture, batch, P0fConfig.CONN_MAX_AGE,
                P0fConfig.HOST_IDLE_LIMIT);
    }

    static Path run(Path tmp, String name, boolean perCapture, boolean batch, int parallelism) throws Exception {
        Path out = tmp.resolve(name);
        TablesITCase.run(options(perCapture, batch), tmp.resolve(name + ".log"), out, parallelism);
        return out;
    }

    @Test
    void oneRowPerHostAndDayWhateverTheModeAndParallelismAgreeingWithTheEventTables(@TempDir Path tmp)
            throws Exception {
        Path batch1 = run(tmp, "batch1", false, true, 1);
        List<Path> others = List.of(run(tmp, "batch2", false, true, 2), run(tmp, "streaming1", false, false, 1),
                run(tmp, "streaming2", false, false, 2));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Path other : others) {
                assertSameRows(db, batch1, other);
            }
            String hosts = TablesITCase.glob(batch1, Table.HOSTS);
            String events = events(batch1);
            long rows = single(db, "SELECT count(*) FROM " + hosts);
            System.out.println("hosts figures: " + rows + " rows, " + single(db, "SELECT count(DISTINCT "
                    + "subject_address) FROM " + hosts) + " hosts, " + single(db, "SELECT count(*) FROM " + hosts
                    + " WHERE len(client_tcp) > 0 AND len(user_agents) > 0 AND len(ja4) > 0")
                    + " with a SYN label, a User-Agent and a JA4");
            assertTrue(rows > 50, "hosts of the sample and captures: " + rows);
            assertSameMultiset(db, "host rows against the event tables' hosts and days",
                    "SELECT subject_address, date, first_seen, last_seen, events FROM " + hosts,
                    "SELECT subject_address, CAST(event_time AS DATE), min(event_time), max(event_time), count(*) "
                            + "FROM " + events + " GROUP BY ALL");
            assertSameMultiset(db, "hosts are dated by their first event",
                    "SELECT subject_address, date FROM " + hosts,
                    "SELECT subject_address, CAST(first_seen AS DATE) FROM " + hosts);
            assertTcp(db, batch1, "client_tcp", Table.SYN);
            assertTcp(db, batch1, "server_tcp", Table.SYN_ACK);
            assertTally(db, batch1, "mtus", "x.mtu, x.link", Table.MTU, "raw_mtu, link", "true");
            assertTally(db, batch1, "user_agents", "x.user_agent", Table.HTTP_REQUEST, "user_agent",
                    "user_agent IS NOT NULL");
            assertTally(db, batch1, "servers", "x.server", Table.HTTP_RESPONSE, "server", "server IS NOT NULL");
            assertTally(db, batch1, "ja4", "x.ja4", Table.TLS, "ja4", "true");
            assertNatEvents(db, batch1, "host_change", "host_changes", Table.HOST_CHANGE);
            assertNatEvents(db, batch1, "ip_sharing", "ip_sharing_events", Table.IP_SHARING);
            String uptime = TablesITCase.glob(batch1, Table.UPTIME);
            assertSameMultiset(db, "hosts with an uptime estimate",
                    "SELECT subject_address, date FROM " + hosts + " WHERE uptime_time IS NOT NULL",
                    "SELECT DISTINCT subject_address, CAST(event_time AS DATE) FROM " + uptime);
            assertEquals(0, single(db, "SELECT count(*) FROM " + hosts + " h WHERE uptime_time IS NOT NULL AND NOT "
                    + "EXISTS (SELECT 1 FROM " + uptime + " u WHERE u.subject_address = h.subject_address AND "
                    + "u.event_time = h.uptime_time AND u.uptime_minutes = h.uptime_minutes)"),
                    "the latest uptime estimate is one of the host's uptime events");
        }
    }

    /** Under {@code --state-scope capture}, one row per host and capture, the same in BATCH and STREAMING. */
    @Test
    void oneRowPerHostAndCaptureUnderCaptureScope(@TempDir Path tmp) throws Exception {
        Path batch = run(tmp, "batch", true, true, 2);
        Path streaming = run(tmp, "streaming", true, false, 2);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            assertSameRows(db, batch, streaming);
            assertSameMultiset(db, "host rows against the event tables' hosts and captures",
                    "SELECT subject_address, capture, events FROM " + TablesITCase.glob(batch, Table.HOSTS),
                    "SELECT subject_address, capture, count(*) FROM " + events(batch) + " GROUP BY ALL");
        }
    }

    private static void assertSameRows(Connection db, Path expected, Path actual) throws Exception {
        assertEquals(TablesITCase.count(db, expected, Table.HOSTS), TablesITCase.count(db, actual, Table.HOSTS),
                "hosts rows of " + actual.getFileName());
        assertEquals(0, TableComparison.rowsOnlyIn(db, expected, actual, Table.HOSTS),
                "hosts rows of " + expected.getFileName() + " missing from " + actual.getFileName());
    }

    /** A side's fingerprints, with TTL, distance and label, against the SYN or SYN+ACK rows (probes aside). */
    private static void assertTcp(Connection db, Path out, String column, Table table) throws Exception {
        String fields = "raw_sig, \"window\", ttl, initial_ttl, distance, label, label_class, label_name, "
                + "label_flavor, match_kind, signature_line";
        assertSameMultiset(db, column + " against " + table.folder(),
                "SELECT subject_address, date, " + prefixed(fields) + ", x.count FROM (SELECT subject_address, date, "
                        + "unnest(" + column + ") AS x FROM " + TablesITCase.glob(out, Table.HOSTS) + ")",
                "SELECT subject_address, CAST(event_time AS DATE), " + fields + ", count(*) FROM "
                        + TablesITCase.glob(out, table) + " WHERE NOT sendsyn GROUP BY ALL");
    }

    private static void assertTally(Connection db, Path out, String column, String hostFields, Table table,
            String tableFields, String where) throws Exception {
        assertSameMultiset(db, column + " against " + table.folder(),
                "SELECT subject_address, date, " + hostFields + ", x.count FROM (SELECT subject_address, date, "
                        + "unnest(" + column + ") AS x FROM " + TablesITCase.glob(out, Table.HOSTS) + ")",
                "SELECT subject_address, CAST(event_time AS DATE), " + tableFields + ", count(*) FROM "
                        + TablesITCase.glob(out, table) + " WHERE " + where + " GROUP BY ALL");
    }

    private static void assertNatEvents(Connection db, Path out, String flag, String count, Table table)
            throws Exception {
        String hosts = TablesITCase.glob(out, Table.HOSTS);
        assertSameMultiset(db, count + " against " + table.folder(),
                "SELECT subject_address, date, " + count + " FROM " + hosts + " WHERE " + count + " > 0",
                "SELECT subject_address, CAST(event_time AS DATE), count(*) FROM " + TablesITCase.glob(out, table)
                        + " GROUP BY ALL");
        assertEquals(0, single(db, "SELECT count(*) FROM " + hosts + " WHERE " + flag + " <> (" + count + " > 0)"));
    }

    private static String prefixed(String fields) {
        return List.of(fields.split(", ")).stream().map(f -> "x." + f).collect(Collectors.joining(", "));
    }

    /** Every event row of every event table: subject, capture and time. */
    private static String events(Path out) {
        return "(" + List.of(Table.values()).stream()
                .filter(t -> t.eventTable() && Files.isDirectory(out.resolve(t.folder())))
                .map(t -> "SELECT subject_address, capture, event_time FROM " + TablesITCase.glob(out, t))
                .collect(Collectors.joining(" UNION ALL ")) + ")";
    }

    /** Two queries give the same rows, as multisets, and some. */
    private static void assertSameMultiset(Connection db, String what, String a, String b) throws Exception {
        long rows = single(db, "SELECT count(*) FROM (" + a + ")");
        assertTrue(rows > 0, what + ": no rows");
        assertEquals(rows, single(db, "SELECT count(*) FROM (" + b + ")"), what + ": rows");
        assertEquals(0, single(db, "SELECT count(*) FROM (" + a + " EXCEPT ALL " + b + ")"), what);
    }

    private static long single(Connection db, String sql) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
