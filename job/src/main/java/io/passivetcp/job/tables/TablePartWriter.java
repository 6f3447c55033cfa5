package io.passivetcp.job.tables;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.MessageType;

/**
 * One Parquet file of a table's rows, written by parquet-java's file, page and column writers and fed by a
 * {@link RowStriper}: the file parquet-avro's {@code AvroParquetWriter} writes for the same rows and settings, byte
 * for byte (TablePartWriterTest). What {@code ParquetWriter} adds around the column writers (its record consumer) is
 * replaced; its row-group sizing is kept exactly, so that row groups end where parquet-avro's end.
 *
 * <p>The tables' settings: ZSTD, pages of {@link TableWriterFactory#PAGE_BYTES}, no dictionary for
 * {@link TableWriterFactory#MOSTLY_DISTINCT_COLUMNS}; the Avro schema in the footer, under the key and object model
 * name parquet-avro readers look for.
 */
final class TablePartWriter {
    /** The footer key under which parquet-avro keeps the Avro schema, that its readers read the rows back with. */
    static final String AVRO_SCHEMA_METADATA_KEY = "parquet.avro.schema";
    /** The data model readers use to read the rows back, as parquet-avro records it. */
    private static final String OBJECT_MODEL = "avro";

    private final ParquetFileWriter file;
    private final RowStriper striper;
    private final ParquetProperties properties;
    private final CodecFactory codecs;
    private final BytesInputCompressor compressor;
    private final Map<String, String> footer;
    private final long rowGroupBytes;

    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore columns;
    private int rowGroupOrdinal;
    private long rowCount;
    private long rowCountForNextSizeCheck;
    private long nextRowGroupBytes;

    /**
     * What every part file of a table shares, made once per subtask rather than once per file: the Parquet schema
     * converted from the Avro one, the writer settings, and the footer's metadata with the Avro schema's JSON.
     */
    static final class Layout {
        private final Schema avroSchema;
        private final MessageType parquetSchema;
        private final ParquetProperties properties;
        private final Map<String, String> footer;

        /** @param metadata the footer's key-value metadata beside the Avro schema */
        Layout(Schema avroSchema, Map<String, String> metadata) {
            this.avroSchema = avroSchema;
            Configuration conf = new Configuration(false);
            conf.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, false);
            this.parquetSchema = new AvroSchemaConverter(conf).convert(avroSchema);
            ParquetProperties.Builder props = ParquetProperties.builder().withPageSize(TableWriterFactory.PAGE_BYTES);
            for (Schema.Field f : avroSchema.getFields()) {
                if (TableWriterFactory.MOSTLY_DISTINCT_COLUMNS.contains(f.name())) {
                    props.withDictionaryEncoding(f.name(), false);
                }
            }
            this.properties = props.build();
            // as ParquetWriter merges them: the write context's metadata, then the builder's, then the object model
            Map<String, String> merged = new HashMap<>(Map.of(AVRO_SCHEMA_METADATA_KEY, avroSchema.toString()));
            merged.putAll(metadata);
            merged.put(ParquetWriter.OBJECT_MODEL_NAME_PROP, OBJECT_MODEL);
            this.footer = merged;
        }
    }

    /** @param rowGroupBytes the row group size aimed at ({@link TableWriterFactory#ROW_GROUP_BYTES}) */
    TablePartWriter(OutputFile out, Layout layout, long rowGroupBytes) throws IOException {
        this.striper = new RowStriper(layout.parquetSchema, layout.avroSchema);
        this.properties = layout.properties;
        this.footer = layout.footer;
        this.rowGroupBytes = rowGroupBytes;
        this.nextRowGroupBytes = rowGroupBytes;
        // a Hadoop configuration without its default resources: parsing core-default.xml again for every part
        // file was most of the table writers' time
        this.codecs = new CodecFactory(new Configuration(false), properties.getPageSizeThreshold());
        this.compressor = codecs.getCompressor(CompressionCodecName.ZSTD);
        this.file = new ParquetFileWriter(out, striper.parquetSchema(), ParquetFileWriter.Mode.CREATE, rowGroupBytes,
                ParquetWriter.MAX_PADDING_SIZE_DEFAULT, null, properties);
        file.start();
        rowCountForNextSizeCheck = properties.getMinRowCountForPageSizeCheck();
        startRowGroup();
    }

    void write(IndexedRecord row) throws IOException {
        striper.write(row);
        columns.endRecord();
        rowCount++;
        if (rowCount >= rowCountForNextSizeCheck) {
            checkRowGroupSize();
        }
    }

    /** Ends the last row group and writes the footer. */
    void close() throws IOException {
        try {
            endRowGroup();
            file.end(footer);
        } finally {
            try {
                file.close();
            } finally {
                codecs.release();
            }
        }
    }

    private void startRowGroup() {
        pages = new ColumnChunkPageWriteStore(compressor, striper.parquetSchema(), properties.getAllocator(),
                properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled(), null,
                rowGroupOrdinal);
        columns = properties.newColumnWriteStore(striper.parquetSchema(), pages, pages);
        striper.bind(columns);
    }

    /** As parquet's record writer does it: measuring the buffered size is costly, so only now and then. */
    private void checkRowGroupSize() throws IOException {
        long buffered = columns.getBufferedSize();
        long rowBytes = buffered / rowCount;
        if (buffered > nextRowGroupBytes - 2 * rowBytes) { // within about two rows of the limit
            endRowGroup();
            startRowGroup();
            rowCountForNextSizeCheck = Math.min(Math.max(properties.getMinRowCountForPageSizeCheck(), rowCount / 2),
                    properties.getMaxRowCountForPageSizeCheck());
        } else {
            rowCountForNextSizeCheck = Math.min(
                    Math.max(properties.getMinRowCountForPageSizeCheck(),
                            (rowCount + (long) (nextRowGroupBytes / ((float) rowBytes))) / 2),
                    rowCount + properties.getMaxRowCountForPageSizeCheck());
        }
    }

    private void endRowGroup() throws IOException {
        try {
            if (rowCount > 0) {
                rowGroupOrdinal++;
                file.startBlock(rowCount);
                columns.flush();
                pages.flushToFileWriter(file);
                rowCount = 0;
                file.endBlock();
                nextRowGroupBytes = Math.min(file.getNextRowGroupSize(), rowGroupBytes);
            }
        } finally {
            columns.close();
            pages.close();
        }
    }

    /**
     * A part file's stream as Parquet's output: its position is the stream's, and closing it leaves the stream
     * open, for whoever opened it to commit.
     */
    static OutputFile outputFile(FSDataOutputStream stream) {
        PositionOutputStream out = new PositionOutputStream() {
            @Override
            public long getPos() throws IOException {
                return stream.getPos();
            }

            @Override
            public void write(int b) throws IOException {
                stream.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                stream.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                stream.flush();
            }

            @Override
            public void close() {}
        };
        return new OutputFile() {
            @Override
            public PositionOutputStream create(long blockSizeHint) {
                return out;
            }

            @Override
            public PositionOutputStream createOrOverwrite(long blockSizeHint) {
                return out;
            }

            @Override
            public boolean supportsBlockSize() {
                return false;
            }

            @Override
            public long defaultBlockSize() {
                return 0;
            }
        };
    }
}
