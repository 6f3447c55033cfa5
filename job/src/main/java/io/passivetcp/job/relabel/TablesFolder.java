package io.passivetcp.job.relabel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.parquet.ParquetInputFile;
import org.apache.parquet.hadoop.ParquetFileReader;

import io.passivetcp.job.tables.Table;
import io.passivetcp.job.tables.TableFiles;

/**
 * A folder of tables written by {@code --out} ({@code DIR/<table>/date=YYYY-MM-DD/part-*.parquet}, any Flink
 * filesystem): its part files, and the schema version they were written with.
 */
public final class TablesFolder {
    private TablesFolder() {}

    /** Why a folder cannot be relabelled; the message names the path. */
    public static final class NotRelabellable extends Exception {
        private static final long serialVersionUID = 1L;

        NotRelabellable(String message) {
            super(message);
        }
    }

    /**
     * The part files of every table, as paths relative to {@code dir} ({@code syn/date=.../part-...parquet}), in
     * order; the first file of each table is checked to carry {@link Table#SCHEMA_VERSION}.
     */
    public static List<String> partFiles(String dir) throws IOException, NotRelabellable {
        Path root = new Path(dir);
        FileSystem fs = root.getFileSystem();
        if (!fs.exists(root) || !fs.getFileStatus(root).isDir()) {
            throw new NotRelabellable("--tables " + dir + ": no such folder");
        }
        List<String> files = new ArrayList<>();
        boolean anyTable = false;
        for (Table table : Table.values()) {
            if (!fs.exists(new Path(root, table.folder()))) {
                continue;
            }
            anyTable = true;
            List<String> tableFiles = TableFiles.of(root, table);
            if (!tableFiles.isEmpty()) {
                checkSchemaVersion(fs, new Path(root, tableFiles.get(0)));
            }
            files.addAll(tableFiles);
        }
        if (!anyTable) {
            throw new NotRelabellable("--tables " + dir + ": not a tables folder (no syn, syn_ack, mtu, ... folder; "
                    + "give the DIR of a run's --out DIR)");
        }
        files.sort(null);
        return files;
    }

    /** The table a relative part file path belongs to. */
    static Table tableOf(String relativePath) {
        String folder = relativePath.substring(0, relativePath.indexOf('/'));
        for (Table table : Table.values()) {
            if (table.folder().equals(folder)) {
                return table;
            }
        }
        throw new IllegalArgumentException("not a table's part file: " + relativePath);
    }

    private static void checkSchemaVersion(FileSystem fs, Path file) throws IOException, NotRelabellable {
        Map<String, String> metadata;
        try (FSDataInputStream in = fs.open(file);
                ParquetFileReader reader = ParquetFileReader.open(new ParquetInputFile(in,
                        fs.getFileStatus(file).getLen()))) {
            metadata = reader.getFileMetaData().getKeyValueMetaData();
        } catch (RuntimeException | IOException e) {
            throw new NotRelabellable(file + ": not a Parquet file of passivetcp's tables (" + e.getMessage() + ")");
        }
        String version = metadata.get("passivetcp.schema_version");
        if (!Integer.toString(Table.SCHEMA_VERSION).equals(version)) {
            throw new NotRelabellable(file + ": written with table schema version " + version + "; relabel reads "
                    + "version " + Table.SCHEMA_VERSION + " (older tables lack the HTTP header values: run the "
                    + "captures again)");
        }
    }
}
