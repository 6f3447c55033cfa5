package io.passivetcp.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import io.passivetcp.job.tables.Table;

/** Two {@code --out} folders compared with DuckDB: every table holds the same rows, partition column included. */
public final class TableComparison {
    private TableComparison() {}

    public static void assertSameTables(Path expected, Path actual) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Table table : Table.values()) {
                long rows = TablesITCase.count(db, expected, table);
                assertEquals(rows, TablesITCase.count(db, actual, table), "rows of " + table.folder());
                if (rows > 0) {
                    assertEquals(0, rowsOnlyIn(db, expected, actual, table),
                            "rows of " + table.folder() + " in " + expected + " but not in " + actual);
                }
            }
        }
    }

    /** Rows of {@code a}'s table missing from {@code b}'s, as a multiset difference. */
    static long rowsOnlyIn(Connection db, Path a, Path b, Table table) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM (SELECT * FROM "
                + TablesITCase.glob(a, table) + " EXCEPT ALL SELECT * FROM " + TablesITCase.glob(b, table) + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
