package io.passivetcp.job.tables;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.formats.parquet.ParquetBuilder;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

import io.passivetcp.Observation;

/**
 * Parquet part files of every table: flink-parquet's {@link ParquetWriterFactory} over a {@link ParquetWriter} of
 * {@link TableWriteSupport}, with each table's explicit Avro schema ({@link GenericRecord}s, no reflection), ZSTD, and
 * row groups of 16 MB and pages of 64 KB. A part file belongs to one bucket and so to one table
 * ({@link EventDateBucketAssigner}); its writer takes the table of its first row. Observations become rows inside
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
    private transient Map<Table, Schema> schemas;

    /** @param output how the user named the tables' folder, e.g. {@code --out /data/tables} */
    public TableWriterFactory(String dbVersion, String output) {
        for (Table table : Table.values()) {
            parquet.put(table, parquet(table, dbVersion, output));
        }
    }

    /**
     * One table's Parquet writer. A named class, as every function of the job graph: a TaskManager that cannot load
     * the job's classes then fails naming it, where a lambda fails as a SerializedLambda cast (JobGraphLambdaTest).
     */
    private static final class TableParquetBuilder implements ParquetBuilder<GenericRecord> {
        private static final long serialVersionUID = 1L;
        private final String schemaText;
        private final Map<String, String> metadata;
        /** Parsed once per subtask, not once per part file. */
        private transient Schema schema;

        TableParquetBuilder(String schemaText, Map<String, String> metadata) {
            this.schemaText = schemaText;
            this.metadata = metadata;
        }

        @Override
        public ParquetWriter<GenericRecord> createWriter(OutputFile out) throws IOException {
            if (schema == null) {
                schema = new Schema.Parser().parse(schemaText);
            }
            return new RowWriterBuilder(out, schema)
                    .withExtraMetaData(metadata)
                    .build();
        }
    }

    /**
     * A Parquet writer of one table's rows through {@link TableWriteSupport}, with the tables' settings: ZSTD, row
     * group and page sizes, no dictionary for the mostly distinct columns.
     */
    static final class RowWriterBuilder extends ParquetWriter.Builder<GenericRecord, RowWriterBuilder> {
        private final Schema schema;

        RowWriterBuilder(OutputFile out, Schema schema) {
            super(out);
            this.schema = schema;
            // a Hadoop configuration without its default resources: parsing core-default.xml again for every part
            // file was most of the table writers' time
            withConf(new Configuration(false));
            withCompressionCodec(CompressionCodecName.ZSTD);
            withRowGroupSize(ROW_GROUP_BYTES);
            withPageSize(PAGE_BYTES);
            for (Schema.Field f : schema.getFields()) {
                if (MOSTLY_DISTINCT_COLUMNS.contains(f.name())) {
                    withDictionaryEncoding(f.name(), false);
                }
            }
        }

        @Override
        protected RowWriterBuilder self() {
            return this;
        }

        @Override
        protected WriteSupport<GenericRecord> getWriteSupport(Configuration conf) {
            return new TableWriteSupport(schema);
        }
    }

    /**
     * The writers of one table's part files, rows labelled by the database {@code dbVersion}: Parquet, through a
     * {@link BufferedPartStream}; a part file that cannot be written fails naming {@code output}.
     */
    public static BulkWriter.Factory<GenericRecord> parquet(Table table, String dbVersion, String output) {
        String schemaText = table.schemaText();
        Map<String, String> metadata = Map.of(
                "passivetcp.table", table.folder(),
                "passivetcp.schema_version", Integer.toString(Table.SCHEMA_VERSION),
                "passivetcp.db_version", dbVersion);
        return new BufferedRows(new ParquetWriterFactory<>(new TableParquetBuilder(schemaText, metadata)), output);
    }

    /** Rows written by a Parquet writer into a {@link BufferedPartStream} over the part file's stream. */
    private static final class BufferedRows implements BulkWriter.Factory<GenericRecord> {
        private static final long serialVersionUID = 1L;
        private final ParquetWriterFactory<GenericRecord> parquet;
        private final String output;

        BufferedRows(ParquetWriterFactory<GenericRecord> parquet, String output) {
            this.parquet = parquet;
            this.output = output;
        }

        @Override
        public BulkWriter<GenericRecord> create(FSDataOutputStream out) throws IOException {
            BufferedPartStream buffered = new BufferedPartStream(out, output);
            BulkWriter<GenericRecord> rows = parquet.create(buffered);
            return new BulkWriter<>() {
                @Override
                public void addElement(GenericRecord row) throws IOException {
                    rows.addElement(row);
                }

                @Override
                public void flush() throws IOException {
                    rows.flush();
                    buffered.flush();
                }

                @Override
                public void finish() throws IOException {
                    rows.finish();
                    buffered.drain(); // whoever opened the part file's stream closes it, after this
                }
            };
        }
    }

    @Override
    public BulkWriter<Observation> create(FSDataOutputStream out) {
        if (schemas == null) {
            schemas = new EnumMap<>(Table.class);
        }
        return new BulkWriter<>() {
            private Table table;
            private Schema schema;
            private BulkWriter<GenericRecord> rows;

            @Override
            public void addElement(Observation o) throws IOException {
                if (rows == null) {
                    table = Table.of(o.module);
                    schema = schemas.computeIfAbsent(table, Table::schema);
                    rows = parquet.get(table).create(out);
                }
                rows.addElement(table.toRecord(o, schema));
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
