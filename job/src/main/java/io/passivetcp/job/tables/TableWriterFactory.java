package io.passivetcp.job.tables;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;

import io.passivetcp.Observation;

/**
 * Parquet part files of every table: a {@link TablePartWriter} per part file, with each table's explicit Avro schema
 * ({@link GenericRecord}s, no reflection), ZSTD, and row groups of 16 MB and pages of 64 KB. A part file belongs to
 * one bucket and so to one table ({@link EventDateBucketAssigner}); its writer takes the table of its first row. Observations become rows inside
 * the writer, so no Avro record ever crosses operators (and no Avro type information is needed).
 */
public final class TableWriterFactory implements BulkWriter.Factory<Observation> {
    private static final long serialVersionUID = 1L;

    /**
     * Parquet buffers a row group per open part file in memory: one file per date partition, table and subtask is
     * open at once, so stay well below Parquet's 128 MB default.
     */
    public static final long ROW_GROUP_BYTES = 16L * 1024 * 1024;

    /**
     * Parquet's column writers reserve memory in proportion to the page size: about 2.7 MB per open file of 40
     * columns with the default 1 MB pages, 0.7 MB with 64 KB pages.
     */
    public static final int PAGE_BYTES = 64 * 1024;

    /**
     * Columns whose values are nearly all distinct (times and packet indexes; only the events of one packet share
     * them): Parquet's dictionary for them falls back to plain values at the first page, after hashing every value
     * into it, so they are written plain at once.
     */
    static final Set<String> MOSTLY_DISTINCT_COLUMNS = Set.of("event_time", "end_time", "packet_index", "first_seen",
            "last_seen", "uptime_time");

    private final Map<Table, BulkWriter.Factory<GenericRecord>> parquet = new EnumMap<>(Table.class);
    private transient Map<Table, Table.Columns> columns;

    /** @param output how the user named the tables' folder, e.g. {@code --out /data/tables} */
    public TableWriterFactory(String dbVersion, String output) {
        for (Table table : Table.values()) {
            parquet.put(table, parquet(table, dbVersion, output));
        }
    }

    /**
     * The writers of one table's part files, rows labelled by the database {@code dbVersion}: Parquet, through a
     * {@link BufferedPartStream}; a part file that cannot be written fails naming {@code output}.
     */
    public static BulkWriter.Factory<GenericRecord> parquet(Table table, String dbVersion, String output) {
        Map<String, String> metadata = Map.of(
                "passivetcp.table", table.folder(),
                "passivetcp.schema_version", Integer.toString(Table.SCHEMA_VERSION),
                "passivetcp.db_version", dbVersion);
        return new BufferedRows(table.schemaText(), metadata, output);
    }

    /**
     * Rows written by a {@link TablePartWriter} into a {@link BufferedPartStream} over the part file's stream. A named
     * class, as every function of the job graph: a TaskManager that cannot load the job's classes then fails naming
     * it, where a lambda fails as a SerializedLambda cast (JobGraphLambdaTest).
     */
    private static final class BufferedRows implements BulkWriter.Factory<GenericRecord> {
        private static final long serialVersionUID = 1L;
        private final String schemaText;
        private final Map<String, String> metadata;
        private final String output;
        /** Made once per subtask, not once per part file. */
        private transient TablePartWriter.Layout layout;

        BufferedRows(String schemaText, Map<String, String> metadata, String output) {
            this.schemaText = schemaText;
            this.metadata = metadata;
            this.output = output;
        }

        @Override
        public BulkWriter<GenericRecord> create(FSDataOutputStream out) throws IOException {
            if (layout == null) {
                layout = new TablePartWriter.Layout(new Schema.Parser().parse(schemaText), metadata);
            }
            BufferedPartStream buffered = new BufferedPartStream(out, output);
            TablePartWriter rows = new TablePartWriter(TablePartWriter.outputFile(buffered), layout, ROW_GROUP_BYTES);
            return new BulkWriter<>() {
                @Override
                public void addElement(GenericRecord row) throws IOException {
                    rows.write(row);
                }

                @Override
                public void flush() throws IOException {
                    buffered.flush(); // a row group is written whole or not at all
                }

                @Override
                public void finish() throws IOException {
                    rows.close();
                    buffered.drain(); // whoever opened the part file's stream closes it, after this
                }
            };
        }
    }

    @Override
    public BulkWriter<Observation> create(FSDataOutputStream out) {
        if (columns == null) {
            columns = new EnumMap<>(Table.class);
        }
        return new BulkWriter<>() {
            private Table table;
            private Table.Columns tableColumns;
            private BulkWriter<GenericRecord> rows;

            @Override
            public void addElement(Observation o) throws IOException {
                if (rows == null) {
                    table = Table.of(o.module);
                    tableColumns = columns.computeIfAbsent(table, Table::columns);
                    rows = parquet.get(table).create(out);
                }
                rows.addElement(table.toRecord(o, tableColumns));
            }

            @Override
            public void flush() throws IOException {
                if (rows != null) {
                    rows.flush();
                }
            }

            @Override
            public void finish() throws IOException {
                if (rows != null) {
                    rows.finish();
                }
            }
        };
    }
}
