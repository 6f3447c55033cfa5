package io.passivetcp.job.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

import io.passivetcp.job.tables.Table;

/**
 * The rows of one table of a local table folder ({@code DIR/<table>/date=YYYY-MM-DD/*.parquet}), read with only the
 * columns asked for. Files still being written (hidden, {@code .inprogress}) are left out, as every Parquet reader
 * does.
 */
final class TableRows {
    private TableRows() {}

    /** The committed Parquet files of {@code table} under {@code root}, in path order; empty when it has none. */
    static List<Path> files(Path root, Table table) throws IOException {
        Path folder = root.resolve(table.folder());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .filter(p -> !p.getFileName().toString().startsWith(".")
                            && !p.getFileName().toString().startsWith("_"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .forEach(files::add);
        }
        return files;
    }

    /** Hands every row of {@code table} to {@code rows}, as a record of the named columns only. */
    static void read(Path root, Table table, List<String> columns, Consumer<GenericRecord> rows)
            throws IOException {
        Schema projection = projection(table.schema(), columns);
        // one Hadoop configuration without Hadoop's default resources: a plain one would be turned into a new
        // Hadoop configuration per file, each parsing core-default.xml again (most of the time on small files)
        Configuration hadoop = new Configuration(false);
        AvroReadSupport.setRequestedProjection(hadoop, projection);
        HadoopParquetConfiguration conf = new HadoopParquetConfiguration(hadoop);
        for (Path file : files(root, table)) {
            try (ParquetReader<GenericRecord> reader =
                         AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file), conf).build()) {
                for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
                    rows.accept(row);
                }
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + ": not a readable " + table.folder() + " table file ("
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                        + e.getMessage().lines().findFirst().orElse("")) + ")", e);
            }
        }
    }

    private static Schema projection(Schema full, List<String> columns) {
        List<Schema.Field> fields = new ArrayList<>();
        for (String column : columns) {
            Schema.Field f = full.getField(column);
            if (f == null) {
                throw new IllegalArgumentException(full.getName() + " has no column " + column);
            }
            fields.add(new Schema.Field(f, f.schema()));
        }
        return Schema.createRecord(full.getName(), full.getDoc(), full.getNamespace(), false, fields);
    }
}
