package io.passivetcp.job.relabel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
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
     * order. Each table's first file whose footer reads is checked to carry {@link Table#SCHEMA_VERSION}; files
     * that cannot be read are left to the job, which skips and names them.
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
            for (String file : tableFiles) {
                if (checkSchemaVersion(fs, new Path(root, file))) {
                    break;
                }
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

    /** Whether {@code file}'s footer could be read; if so, it must carry our schema version. */
    private static boolean checkSchemaVersion(FileSystem fs, Path file) throws IOException, NotRelabellable {
        Map<String, String> metadata;
        try (FSDataInputStream in = fs.open(file);
                ParquetFileReader reader = ParquetFileReader.open(TableFiles.inputFile(fs, file, in))) {
            metadata = reader.getFileMetaData().getKeyValueMetaData();
        } catch (RuntimeException | IOException e) {
            return false;
        }
        String version = metadata.get("passivetcp.schema_version");
        if (!Integer.toString(Table.SCHEMA_VERSION).equals(version)) {
            throw new NotRelabellable(file + ": written with table schema version " + version + "; relabel reads "
                    + "version " + Table.SCHEMA_VERSION + " (older tables lack the HTTP header values: run the "
                    + "captures again)");
        }
        return true;
    }
}
