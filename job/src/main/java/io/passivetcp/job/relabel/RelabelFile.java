package io.passivetcp.job.relabel;

import java.io.Closeable;
import java.io.IOException;

import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

import io.passivetcp.job.tables.Table;
import io.passivetcp.job.tables.TableFiles;
import io.passivetcp.job.tables.TableWriterFactory;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.SignatureSyntaxException;

/**
 * Relabels one part file: reads {@code TABLES/<path>}, relabels each row ({@link Relabeller}) and writes them, in
 * their order, to {@code OUT/<path>} with the table's writer settings. Emits {@code TABLES/<path>}, the table, its
 * row count and, for a file that could not be read in full, why ({@code ""} otherwise).
 *
 * <p>A damaged part file does not stop the job, as a damaged capture does not: the rows before the damage are
 * written, and the file is named in the result. A part file that cannot be written fails the job.
 */
final class RelabelFile extends RichMapFunction<String, Tuple4<String, String, Long, String>> {
    private static final long serialVersionUID = 1L;

    private final String tablesDir;
    private final String outDir;
    private final String databaseName;
    private final String databaseText;
    private transient Relabeller relabeller;
    private transient String dbVersion;

    RelabelFile(String tablesDir, String outDir, String databaseName, String databaseText) {
        this.tablesDir = tablesDir;
        this.outDir = outDir;
        this.databaseName = databaseName;
        this.databaseText = databaseText;
    }

    @Override
    public void open(OpenContext context) throws SignatureSyntaxException {
        SignatureDatabase db = SignatureDatabase.parseShared(databaseName, databaseText);
        relabeller = new Relabeller(db);
        dbVersion = db.version();
    }

    @Override
    public Tuple4<String, String, Long, String> map(String relativePath) throws IOException {
        Table table = TablesFolder.tableOf(relativePath);
        Path input = new Path(tablesDir, relativePath);
        try (RelabelledPart part = new RelabelledPart(table, new Path(outDir, relativePath))) {
            String damage = "";
            try {
                TableFiles.read(input, null, part);
            } catch (OutputFailed e) {
                throw e.getCause();
            } catch (IOException | RuntimeException e) {
                damage = TableFiles.reason(e)
                        + (part.rows > 0 ? " (after " + part.rows + " rows, which are relabelled)" : "");
            }
            if (damage.isEmpty() || part.rows > 0) {
                part.finish();
            }
            return Tuple4.of(input.toString(), table.folder(), part.rows, damage);
        }
    }

    /** A part file that could not be written, told apart from one that could not be read. */
    private static final class OutputFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputFailed(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /**
     * The relabelled part file, created at the first row read (or at the end, for a file without rows): an input
     * that cannot be read leaves no output file behind.
     */
    private final class RelabelledPart implements TableFiles.RowConsumer, Closeable {
        private final Table table;
        private final Path out;
        private FSDataOutputStream output;
        private BulkWriter<GenericRecord> writer;
        private long rows;

        RelabelledPart(Table table, Path out) {
            this.table = table;
            this.out = out;
        }

        @Override
        public void accept(GenericRecord row) {
            relabeller.relabel(table, row);
            try {
                writer().addElement(row);
            } catch (IOException e) {
                throw new OutputFailed(e);
            }
            rows++;
        }

        void finish() throws IOException {
            writer().finish();
        }

        private BulkWriter<GenericRecord> writer() throws IOException {
            if (writer == null) {
                output = out.getFileSystem().create(out, FileSystem.WriteMode.OVERWRITE);
                writer = TableWriterFactory.parquet(table, dbVersion, "--out " + outDir).create(output);
            }
            return writer;
        }

        @Override
        public void close() throws IOException {
            if (output != null) {
                output.close();
            }
        }
    }
}
