package io.passivetcp.job.discovery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import io.passivetcp.job.tables.Table;
import io.passivetcp.job.tables.TableFiles;

/**
 * The rows of one table of a local table folder ({@code DIR/<table>/date=YYYY-MM-DD/*.parquet}), read with only the
 * columns asked for ({@link TableFiles}).
 */
final class TableRows {
    private TableRows() {}

    /** The committed Parquet files of {@code table} under {@code root}, in path order; empty when it has none. */
    static List<String> files(Path root, Table table) throws IOException {
        return TableFiles.of(folder(root), table);
    }

    /**
     * Hands every row of {@code table} to {@code rows}, as a record of the named columns only. A file that cannot
     * be read in full keeps the rows before the damage, as a damaged capture does, and is added to {@code unread}
     * with the reason {@code not a readable TABLE table file (...)}.
     */
    static void read(Path root, Table table, List<String> columns, Consumer<GenericRecord> rows,
            List<TableFiles.Unread> unread) throws IOException {
        Schema projection = projection(table.schema(), columns);
        for (String file : files(root, table)) {
            org.apache.flink.core.fs.Path path = new org.apache.flink.core.fs.Path(folder(root), file);
            try {
                TableFiles.read(path, projection, rows::accept);
            } catch (IOException | RuntimeException e) {
                unread.add(new TableFiles.Unread(path.toUri().getPath(), "not a readable " + table.folder()
                        + " table file (" + TableFiles.reason(e) + ")"));
            }
        }
    }

    private static org.apache.flink.core.fs.Path folder(Path root) {
        return new org.apache.flink.core.fs.Path(root.toUri());
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
