package io.passivetcp.job.tables;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The table writer writes the very file parquet-avro's writer writes, byte for byte, for random rows of every
 * table's schema: nulls in every nullable column, empty lists, null list elements, nested records, repeated and
 * distinct values (so that dictionaries both hold and fall back), non-ASCII strings, both the {@code String}s of
 * the job's rows and the {@code Utf8}s of rows read back from a table (relabelling), in one row group and in many.
 */
class TablePartWriterTest {
    private static final int ROWS = 6_000;

    @TempDir
    Path dir;

    /** Small enough that every table's rows fill several. */
    private static final long SMALL_ROW_GROUP_BYTES = 96 * 1024;

    @ParameterizedTest
    @EnumSource(Table.class)
    void writesWhatParquetAvroWrites(Table table) throws IOException {
        writesWhatParquetAvroWrites(table, TableWriterFactory.ROW_GROUP_BYTES);
    }

    @ParameterizedTest
    @EnumSource(Table.class)
    void endsRowGroupsWhereParquetAvroEndsThem(Table table) throws IOException {
        writesWhatParquetAvroWrites(table, SMALL_ROW_GROUP_BYTES);
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(dir.resolve("ours.parquet")))) {
            assertTrue(reader.getRowGroups().size() > 2, "row groups: " + reader.getRowGroups().size());
        }
    }

    private void writesWhatParquetAvroWrites(Table table, long rowGroupBytes) throws IOException {
        Schema schema = table.schema();
        List<GenericRecord> rows = randomRows(schema, new Random(table.ordinal()));
        Path reference = dir.resolve("avro.parquet");
        AvroParquetWriter.Builder<GenericRecord> avro = AvroParquetWriter.builder(new LocalOutputFile(reference));
        for (String column : TableWriterFactory.MOSTLY_DISTINCT_COLUMNS) {
            avro.withDictionaryEncoding(column, false);
        }
        try (ParquetWriter<GenericRecord> writer = avro
                .withConf(new Configuration(false))
                .withSchema(schema)
                .withDataModel(GenericData.get())
                .config(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false")
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withRowGroupSize(rowGroupBytes)
                .withPageSize(TableWriterFactory.PAGE_BYTES)
                .withExtraMetaData(Map.of("passivetcp.table", table.folder()))
                .build()) {
            for (GenericRecord row : rows) {
                writer.write(row);
            }
        }
        Path ours = write(dir.resolve("ours.parquet"), schema, table, rows, rowGroupBytes);
        assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(ours), table.folder());

        List<GenericRecord> readBack = read(ours);
        assertEquals(rows.toString(), readBack.toString());
        Path rewritten = write(dir.resolve("rewritten.parquet"), schema, table, readBack, rowGroupBytes);
        assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(rewritten), "rows read back as Utf8");
    }

    @ParameterizedTest
    @EnumSource(value = Table.class, names = {"SYN", "HOSTS"})
    void aNullInARequiredColumnIsRefused(Table table) {
        GenericRecord empty = new GenericData.Record(table.schema());
        assertThrows(IllegalArgumentException.class,
                () -> write(dir.resolve("refused.parquet"), table.schema(), table, List.of(empty),
                        TableWriterFactory.ROW_GROUP_BYTES));
    }

    private static Path write(Path file, Schema schema, Table table, List<GenericRecord> rows, long rowGroupBytes)
            throws IOException {
        TablePartWriter writer = new TablePartWriter(new LocalOutputFile(file),
                new TablePartWriter.Layout(schema, Map.of("passivetcp.table", table.folder())), rowGroupBytes);
        for (GenericRecord row : rows) {
            writer.write(row);
        }
        writer.close();
        return file;
    }

    private static List<GenericRecord> read(Path file) throws IOException {
        List<GenericRecord> rows = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file))
                .withDataModel(GenericData.get())
                .withConf(new Configuration(false))
                .build()) {
            for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                rows.add(r);
            }
        }
        assertEquals(Utf8.class, firstString(rows), "rows read back hold Utf8 strings");
        return rows;
    }

    private static Class<?> firstString(List<GenericRecord> rows) {
        for (GenericRecord r : rows) {
            for (Schema.Field f : r.getSchema().getFields()) {
                if (r.get(f.pos()) instanceof CharSequence s) {
                    return s.getClass();
                }
            }
        }
        return Utf8.class;
    }

    private static List<GenericRecord> randomRows(Schema schema, Random random) {
        List<GenericRecord> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            rows.add(record(schema, random));
        }
        return rows;
    }

    private static GenericRecord record(Schema schema, Random random) {
        GenericData.Record r = new GenericData.Record(schema);
        for (Schema.Field f : schema.getFields()) {
            r.put(f.pos(), value(f.schema(), random));
        }
        return r;
    }

    private static final String[] SHARED_STRINGS = {"shared", "shared é", new String("shared")};

    private static Object value(Schema schema, Random random) {
        if (schema.getType() == Schema.Type.UNION) {
            Schema value = schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst()
                    .orElseThrow();
            return random.nextInt(4) == 0 ? null : value(value, random);
        }
        return switch (schema.getType()) {
            case STRING -> switch (random.nextInt(3)) {
                // the same String objects row after row, as a capture's path or a signature's label are
                case 0 -> SHARED_STRINGS[random.nextInt(random.nextBoolean() ? 1 : SHARED_STRINGS.length)];
                case 1 -> "common-" + random.nextInt(8);
                default -> "distinct-" + random.nextLong() + (random.nextInt(10) == 0 ? " é ü 漢" : "");
            };
            case INT -> random.nextBoolean() ? random.nextInt(4) : random.nextInt();
            case LONG -> random.nextBoolean() ? (long) random.nextInt(4) : random.nextLong();
            case DOUBLE -> random.nextBoolean() ? 0.5 : random.nextDouble();
            case BOOLEAN -> random.nextBoolean();
            case RECORD -> record(schema, random);
            case ARRAY -> {
                int n = random.nextInt(4);
                List<Object> elements = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    elements.add(value(schema.getElementType(), random));
                }
                yield elements;
            }
            default -> throw new IllegalArgumentException(schema.toString());
        };
    }
}
