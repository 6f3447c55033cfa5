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
import java.util.Map;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.passivetcp.P0fConfig;
import io.passivetcp.flink.sql.P0fHttpLabel;
import io.passivetcp.flink.sql.P0fMtuLink;
import io.passivetcp.flink.sql.P0fTcpLabel;
import io.passivetcp.job.cli.PassiveTcpCommand;
import io.passivetcp.job.relabel.RelabelJob;
import io.passivetcp.job.relabel.TablesFolder;
import io.passivetcp.job.tables.Table;
import io.passivetcp.job.topology.JobOptions;
import io.passivetcp.signature.BundledDatabases;
import io.passivetcp.testutils.SharedData;

/**
 * {@code passivetcp relabel} and the SQL functions against the job itself: the sample and a fixed handful of dev
 * captures are fingerprinted once with each bundled database; relabelling one run's tables with a database must
 * give the tables of a fresh run with that database, row for row, and the SQL functions must give the labels the
 * job wrote, on every row.
 */
class RelabelITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4)
                    .build());

    /** HTTP-rich, Android, iPhone, synthetic and IPv6 captures on which the two databases disagree. */
    static final List<String> DEV_CAPTURES = List.of("markofu__Forensic_challenge_4.pcap",
            "csanders__http_espn.pcapng", "ndpi__alexa-app.pcapng", "ndpi__android.pcap", "ndpi__iphone.pcap",
            "arkime__arkime_synthetic.pcap", "csanders__http_ip4and6.pcapng", "ndpi__weibo.pcap");

    private static final String P0F = "p0f";
    private static final String DEFAULT = BundledDatabases.DEFAULT;

    @TempDir
    static Path tmp;
    static Path p0fRun;
    static Path defaultRun;

    @BeforeAll
    static void runWithBothDatabases() throws Exception {
        Path dev = SharedData.resolve("corpus/dev");
        List<String> inputs = new ArrayList<>();
        inputs.add(Paths.get("../datasets/sample.pcap").toAbsolutePath().normalize().toString());
        DEV_CAPTURES.forEach(name -> inputs.add(dev.resolve(name).toString()));
        p0fRun = run(inputs, P0F);
        defaultRun = run(inputs, DEFAULT);
    }

    private static Path run(List<String> inputs, String db) throws Exception {
        JobOptions options = new JobOptions(inputs, db, BundledDatabases.text(db), false, true,
                P0fConfig.CONN_MAX_AGE, P0fConfig.HOST_IDLE_LIMIT);
        Path out = tmp.resolve("run-" + db);
        var env = PassiveTcpCommand.environment(true, 2);
        JobRunner.attachOutputs(env, options, tmp.resolve(db + ".log"), out);
        env.execute("relabel test: run with " + db);
        return out;
    }

    private static Path relabel(Path tables, String db) throws Exception {
        Path out = tmp.resolve("relabelled-" + tables.getFileName() + "-with-" + db);
        List<String> files = TablesFolder.partFiles(tables.toString());
        RelabelJob.Result result = RelabelJob.run(PassiveTcpCommand.environment(true, 2), tables.toString(), files,
                out.toString(), db, BundledDatabases.text(db));
        assertEquals(List.of(), result.unread());
        Map<String, Long> rows = result.rows();
        System.out.println("relabel figures: " + tables.getFileName() + " with " + db + ": " + files.size()
                + " part files, rows " + rows);
        return out;
    }

    @Test
    void relabellingWithTheSameDatabaseKeepsEveryRow() throws Exception {
        Path relabelled = relabel(p0fRun, P0F);
        report("p0f run relabelled with p0f vs p0f run", p0fRun, relabelled);
        TableComparison.assertSameTables(p0fRun, relabelled);
    }

    @Test
    void relabellingWithAnotherDatabaseGivesAFreshRunsTables() throws Exception {
        StringBuilder differing = new StringBuilder("relabel figures: rows of the passivetcp run that differ from "
                + "the p0f run's beyond db_version:");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Table table : Table.values()) {
                long rows = differBeyondDatabaseVersion(db, table);
                differing.append(' ').append(table.folder()).append(' ').append(rows);
                if (List.of(Table.SYN, Table.SYN_ACK, Table.HTTP_REQUEST, Table.CONNECTIONS).contains(table)) {
                    assertTrue(rows > 0, "the databases label " + table.folder() + " alike: nothing to relabel");
                }
            }
        }
        System.out.println(differing);
        Path toDefault = relabel(p0fRun, DEFAULT);
        report("p0f run relabelled with passivetcp vs passivetcp run", defaultRun, toDefault);
        TableComparison.assertSameTables(defaultRun, toDefault);
        Path toP0f = relabel(defaultRun, P0F);
        report("passivetcp run relabelled with p0f vs p0f run", p0fRun, toP0f);
        TableComparison.assertSameTables(p0fRun, toP0f);
    }

    /** The functions' eval on every row of both runs, each with its run's database. */
    @Test
    void sqlFunctionsGiveTheJobsLabelsOnEveryRow() throws Exception {
        for (String dbName : List.of(P0F, DEFAULT)) {
            Path run = dbName.equals(P0F) ? p0fRun : defaultRun;
            FunctionContext context = new FunctionContext(null) {
                @Override
                public String getJobParameter(String key, String defaultValue) {
                    return key.equals("passivetcp.db") ? dbName : defaultValue;
                }
            };
            P0fTcpLabel tcp = new P0fTcpLabel();
            tcp.open(context);
            P0fHttpLabel http = new P0fHttpLabel();
            http.open(context);
            P0fMtuLink mtu = new P0fMtuLink();
            mtu.open(context);
            try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
                assertEveryRow(db, run, Table.SYN, "label", "raw_sig, \"window\"",
                        rs -> tcp.eval(rs.getString(2), false, rs.getInt(3)));
                assertEveryRow(db, run, Table.SYN_ACK, "label", "raw_sig, \"window\"",
                        rs -> tcp.eval(rs.getString(2), true, rs.getInt(3)));
                assertEveryRow(db, run, Table.MTU, "link", "raw_mtu", rs -> mtu.eval(rs.getInt(2)));
                assertEveryRow(db, run, Table.HTTP_REQUEST, "label", "raw_sig",
                        rs -> http.eval(rs.getString(2), false));
                assertEveryRow(db, run, Table.HTTP_RESPONSE, "label", "raw_sig",
                        rs -> http.eval(rs.getString(2), true));
            }
        }
    }

    /** The functions registered and called through Flink SQL, over the syn and http_request tables. */
    @Test
    void sqlFunctionsRunInFlinkSql() throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GLOBAL_JOB_PARAMETERS, Map.of("passivetcp.db", P0F));
        TableEnvironment sql = TableEnvironment.create(EnvironmentSettings.newInstance().inBatchMode()
                .withConfiguration(conf).build());
        sql.executeSql("CREATE TEMPORARY FUNCTION P0F_TCP_LABEL AS '" + P0fTcpLabel.class.getName() + "'");
        sql.executeSql("CREATE TEMPORARY FUNCTION P0F_HTTP_LABEL AS '" + P0fHttpLabel.class.getName() + "'");
        sql.executeSql("CREATE TABLE syn (raw_sig STRING, `window` INT, label STRING, `date` STRING) "
                + "PARTITIONED BY (`date`) WITH ('connector' = 'filesystem', 'format' = 'parquet', 'path' = '"
                + p0fRun.resolve("syn").toUri() + "')");
        sql.executeSql("CREATE TABLE http_request (raw_sig STRING, label STRING, `date` STRING) "
                + "PARTITIONED BY (`date`) WITH ('connector' = 'filesystem', 'format' = 'parquet', 'path' = '"
                + p0fRun.resolve("http_request").toUri() + "')");
        Row syn = only(sql, "SELECT count(*), count(*) FILTER (WHERE P0F_TCP_LABEL(raw_sig, FALSE, `window`) = label) "
                + "FROM syn");
        Row requests = only(sql, "SELECT count(*), count(*) FILTER (WHERE P0F_HTTP_LABEL(raw_sig, FALSE) = label) "
                + "FROM http_request");
        System.out.println("relabel figures: Flink SQL over the p0f run: syn " + syn + ", http_request " + requests);
        assertTrue((Long) syn.getField(0) > 0 && (Long) requests.getField(0) > 0);
        assertEquals(syn.getField(0), syn.getField(1));
        assertEquals(requests.getField(0), requests.getField(1));
    }

    private static Row only(TableEnvironment sql, String query) throws Exception {
        try (CloseableIterator<Row> rows = sql.executeSql(query).collect()) {
            return rows.next();
        }
    }

    @FunctionalInterface
    private interface RowFunction {
        String apply(ResultSet rs) throws Exception;
    }

    /** Every row's {@code column} equals what {@code function} computes from the listed columns. */
    private static void assertEveryRow(Connection db, Path run, Table table, String column, String inputs,
            RowFunction function) throws Exception {
        long rows = 0;
        long equal = 0;
        List<String> differing = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT " + column + ", " + inputs
                + " FROM " + TablesITCase.glob(run, table))) {
            while (rs.next()) {
                rows++;
                String computed = function.apply(rs);
                if (rs.getString(1).equals(computed)) {
                    equal++;
                } else if (differing.size() < 5) {
                    differing.add(rs.getString(2) + ": " + rs.getString(1) + " vs " + computed);
                }
            }
        }
        System.out.println("relabel figures: SQL function on " + run.getFileName() + "/" + table.folder() + ": "
                + equal + " of " + rows + " rows equal");
        assertTrue(rows > 0, "no rows in " + table.folder());
        assertEquals(rows, equal, table.folder() + " differs: " + differing);
    }

    private static long differBeyondDatabaseVersion(Connection db, Table table) throws Exception {
        String columns = "SELECT * EXCLUDE (db_version) FROM ";
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM (" + columns
                + TablesITCase.glob(defaultRun, table) + " EXCEPT ALL " + columns + TablesITCase.glob(p0fRun, table)
                + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Row counts per table of two folders and the rows they share (as multisets), printed for the issue note. */
    private static void report(String what, Path expected, Path actual) throws Exception {
        StringBuilder sb = new StringBuilder("relabel figures: " + what + ":");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Table table : Table.values()) {
                if (!Files.isDirectory(expected.resolve(table.folder()))) {
                    continue;
                }
                long rows = TablesITCase.count(db, expected, table);
                long equal = rows - TableComparison.rowsOnlyIn(db, expected, actual, table);
                sb.append(' ').append(table.folder()).append(' ').append(equal).append('/').append(rows);
            }
        }
        System.out.println(sb);
    }
}
