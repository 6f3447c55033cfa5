package io.passivetcp.job.tables;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.parquet.ParquetInputFile;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.InputFile;

import io.passivetcp.flink.CaptureStatistics;

/**
 * The part files of a folder of tables written by {@code --out} ({@code DIR/<table>/date=YYYY-MM-DD/*.parquet}, on
 * any Flink filesystem), and their rows: what relabelling and signature discovery read.
 */
public final class TableFiles {
    private static final String SUFFIX = ".parquet";

    private TableFiles() {}

    /** A part file that could not be read in full, and why: the rows before the damage were read. */
    public record Unread(String path, String reason) {}

    /** Why a part file could not be read, in one line: the error's type and the first line of its message. */
    public static String reason(Exception e) {
        return e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""));
    }

    /** The closing line for files not read in full: their count and the first few paths. */
    public static String summary(List<Unread> unread) {
        List<String> first = unread.stream().limit(CaptureStatistics.UNREAD_PATHS_KEPT).map(Unread::path).toList();
        return unread.size() + " table file(s) not read in full: " + String.join(", ", first)
                + (unread.size() > first.size() ? ", ..." : "");
    }

    /** Takes one row; may fail with an I/O error. */
    public interface RowConsumer {
        void accept(GenericRecord row) throws IOException;
    }

    /**
     * The committed part files of {@code table} under {@code root}, as paths relative to {@code root}
     * ({@code syn/date=.../part-...parquet}), in path order; empty when the table has no folder. Files still being
     * written are hidden ({@code .part-...inprogress}) and left out, as every Parquet reader does.
     */
    public static List<String> of(Path root, Table table) throws IOException {
        Path folder = new Path(root, table.folder());
        FileSystem fs = folder.getFileSystem();
        List<String> files = new ArrayList<>();
        if (fs.exists(folder)) {
            collect(fs, folder, table.folder(), files);
        }
        files.sort(null);
        return files;
    }

    private static void collect(FileSystem fs, Path folder, String relative, List<String> out) throws IOException {
        for (FileStatus status : fs.listStatus(folder)) {
            String name = status.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                continue;
            }
            if (status.isDir()) {
                collect(fs, status.getPath(), relative + "/" + name, out);
            } else if (name.endsWith(SUFFIX)) {
                out.add(relative + "/" + name);
            }
        }
    }

    /**
     * {@code file}, opened as {@code input}, as Parquet's input. Parquet's errors name their input by its
     * {@code toString}, so it is the file's name here ({@code part-....parquet is not a Parquet file ...}), not
     * an object's identity.
     */
    public static InputFile inputFile(FileSystem fs, Path file, FSDataInputStream input) throws IOException {
        return new ParquetInputFile(input, fs.getFileStatus(file).getLen()) {
            @Override
            public String toString() {
                return file.getName();
            }
        };
    }

    /**
     * Hands every row of a part file to {@code rows}, in the file's order, as records of {@code projection} (the
     * table's columns asked for), or of the file's own schema when it is null.
     */
    public static void read(Path file, Schema projection, RowConsumer rows) throws IOException {
        FileSystem fs = file.getFileSystem();
        // a Hadoop configuration without its default resources: a plain one would parse core-default.xml again for
        // every file (most of the time on small files)
        Configuration conf = new Configuration(false);
        if (projection != null) {
            AvroReadSupport.setRequestedProjection(conf, projection);
        }
        try (FSDataInputStream input = fs.open(file);
                ParquetReader<GenericRecord> reader = AvroParquetReader
                        .<GenericRecord>builder(inputFile(fs, file, input))
                        .withDataModel(GenericData.get())
                        .withConf(conf)
                        .build()) {
            for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
                rows.accept(row);
            }
        }
    }
}
