package io.passivetcp.job.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.passivetcp.job.cli.PassiveTcpCommandTest.Result;
import io.passivetcp.job.tables.Table;

/** {@code passivetcp relabel} refuses what it cannot relabel with one line and exit code 2, before Flink starts. */
class RelabelCommandTest {
    @TempDir
    Path dir;

    private void assertRefused(String expected, String... args) {
        Result r = PassiveTcpCommandTest.run(args);
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains(expected), r.stderr());
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
    }

    @Test
    void aMissingTablesFolderIsNamed() {
        assertRefused("no-such: no such folder", "relabel", "--tables", dir.resolve("no-such").toString(),
                "--db", "p0f", "--out", dir.resolve("out").toString());
    }

    /** Tables on a file system Flink has no plugin for used to fail the job (exit 1), not the request. */
    @Test
    void tablesOnAFileSystemWithoutItsPluginAreRefused() throws Exception {
        assertRefused("--tables s3://bucket/tables: UnsupportedFileSystemSchemeException", "relabel", "--tables",
                "s3://bucket/tables", "--db", "p0f", "--out", dir.resolve("out").toString());
        Path tables = Files.createDirectories(dir.resolve("tables/syn"));
        assertRefused("--out s3://bucket/relabelled: UnsupportedFileSystemSchemeException", "relabel", "--tables",
                tables.getParent().toString(), "--db", "p0f", "--out", "s3://bucket/relabelled");
    }

    @Test
    void theTablesFolderAsOutputIsRefused() throws Exception {
        Path tables = Files.createDirectories(dir.resolve("tables/syn"));
        assertRefused("is inside the input folder --tables", "relabel", "--tables", tables.getParent().toString(),
                "--db", "p0f", "--out", tables.getParent().toString() + "/");
        assertRefused("is inside the input folder --tables", "relabel", "--tables", tables.getParent().toString(),
                "--db", "p0f", "--out", tables.getParent().resolve("relabelled").toString());
    }

    @Test
    void aFolderWithoutTablesIsRefused() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertRefused("not a tables folder", "relabel", "--tables", empty.toString(), "--db", "p0f", "--out",
                dir.resolve("out").toString());
    }

    /** Tables of schema version 1 lack the HTTP header values: relabelling them would not be exact. */
    @Test
    void tablesOfAnOlderSchemaAreRefused() throws Exception {
        Path partition = Files.createDirectories(dir.resolve("v1/syn/date=2024-01-01"));
        Path file = partition.resolve("part-x-0.parquet");
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(Table.SYN.schema())
                .withDataModel(GenericData.get())
                .withConf(new Configuration(false))
                .withExtraMetaData(Map.of("passivetcp.table", "syn", "passivetcp.schema_version", "1"))
                .build()) {
            writer.getDataSize(); // no rows: the footer's metadata is what relabel checks
        }
        assertRefused("written with table schema version 1; relabel reads version " + Table.SCHEMA_VERSION,
                "relabel", "--tables", dir.resolve("v1").toString(), "--db", "p0f", "--out",
                dir.resolve("out").toString());
    }

    @Test
    void aBadDatabaseIsRefused() throws Exception {
        Path db = Files.writeString(dir.resolve("bad.fp"), "classes = win,unix\n\n[tcp:request]\nsig = 4:64:0:*\n");
        assertRefused("bad signature database", "relabel", "--tables", dir.toString(), "--db", db.toString(),
                "--out", dir.resolve("out").toString());
        assertRefused("no such file: nope", "relabel", "--tables", dir.toString(), "--db", "nope", "--out",
                dir.resolve("out").toString());
    }

    @Test
    void missingOptionsAreUsageErrors() {
        Result r = PassiveTcpCommandTest.run("relabel", "--tables", dir.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("--db") || r.stderr().contains("--out"), r.stderr());
        // the subcommand's name, and where its own options are described
        assertTrue(r.stderr().startsWith("passivetcp relabel: ")
                && r.stderr().contains("(see passivetcp relabel --help)"), r.stderr());
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
    }
}
