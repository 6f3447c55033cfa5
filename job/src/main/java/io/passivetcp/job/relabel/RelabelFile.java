package io.passivetcp.job.relabel;

import java.io.IOException;

import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.api.java.tuple.Tuple2;
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
 * their order, to {@code OUT/<path>} with the table's writer settings. Emits the table and its row count.
 */
final class RelabelFile extends RichMapFunction<String, Tuple2<String, Long>> {
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
    public Tuple2<String, Long> map(String relativePath) throws IOException {
        Table table = TablesFolder.tableOf(relativePath);
        Path in = new Path(tablesDir, relativePath);
        Path out = new Path(outDir, relativePath);
        long[] rows = {0};
        try (FSDataOutputStream output = out.getFileSystem().create(out, FileSystem.WriteMode.OVERWRITE)) {
            BulkWriter<GenericRecord> writer = TableWriterFactory.parquet(table, dbVersion).create(output);
            TableFiles.read(in, null, r -> {
                relabeller.relabel(table, r);
                writer.addElement(r);
                rows[0]++;
            });
            writer.finish();
        }
        return Tuple2.of(table.folder(), rows[0]);
    }
}
