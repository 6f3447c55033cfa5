package io.passivetcp.job.tables;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.util.Utf8;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes rows of a table's Avro schema to Parquet, as parquet-avro's {@code AvroWriteSupport} does for
 * {@code GenericData} records with three-level lists, and byte for byte the same file (TableWriteSupportTest), but
 * with each column's writer resolved once per file rather than once per value: parquet-avro resolves the union, the
 * logical type and the conversion of every value it writes, which was a seventh of the table writers' time.
 *
 * <p>The schemas use records, arrays, nullable unions ({@code ["null", X]}), strings, booleans, ints, longs and
 * doubles; anything else is refused when the writer is made, not when a row arrives.
 */
final class TableWriteSupport extends WriteSupport<GenericRecord> {
    /** The Parquet names of a three-level list's repeated group and of its element. */
    private static final String LIST_REPEATED_NAME = "list";
    private static final String LIST_ELEMENT_NAME = "element";
    /** The footer key under which parquet-avro keeps the Avro schema, that its readers read the rows back with. */
    static final String AVRO_SCHEMA_METADATA_KEY = "parquet.avro.schema";

    private final String avroSchemaText;
    private final MessageType parquetSchema;
    private final RecordWriter root;
    private RecordConsumer consumer;

    TableWriteSupport(Schema avroSchema) {
        this.avroSchemaText = avroSchema.toString();
        Configuration conf = new Configuration(false);
        conf.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, false);
        this.parquetSchema = new AvroSchemaConverter(conf).convert(avroSchema);
        this.root = new RecordWriter(parquetSchema, avroSchema);
    }

    /** The data model readers use to read the rows back, as parquet-avro records it. */
    @Override
    public String getName() {
        return "avro";
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return context();
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return context();
    }

    private WriteContext context() {
        return new WriteContext(parquetSchema, Map.of(AVRO_SCHEMA_METADATA_KEY, avroSchemaText));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(GenericRecord row) {
        consumer.startMessage();
        root.fields(row);
        consumer.endMessage();
    }

    /** Writes one non-null value of a column. */
    private interface ValueWriter {
        void write(Object value);
    }

    private ValueWriter writer(Type type, Schema schema) {
        Schema value = nonNull(schema);
        return switch (value.getType()) {
            case STRING -> v -> consumer.addBinary(utf8(v));
            case INT -> v -> consumer.addInteger(((Number) v).intValue());
            case LONG -> v -> consumer.addLong(((Number) v).longValue());
            case DOUBLE -> v -> consumer.addDouble(((Number) v).doubleValue());
            case BOOLEAN -> v -> consumer.addBoolean((Boolean) v);
            case RECORD -> {
                RecordWriter record = new RecordWriter(type.asGroupType(), value);
                yield v -> {
                    consumer.startGroup();
                    record.fields((IndexedRecord) v);
                    consumer.endGroup();
                };
            }
            case ARRAY -> list(type.asGroupType(), value);
            default -> throw new IllegalArgumentException("no Parquet writer for Avro type " + value);
        };
    }

    /** A three-level list: the LIST group, a repeated group per element, the element inside it unless null. */
    private ValueWriter list(GroupType listType, Schema arraySchema) {
        Type elementType = listType.getType(0).asGroupType().getType(0);
        boolean elementRequired = elementType.isRepetition(Type.Repetition.REQUIRED);
        ValueWriter element = writer(elementType, arraySchema.getElementType());
        return v -> {
            Collection<?> elements = (Collection<?>) v;
            consumer.startGroup();
            if (!elements.isEmpty()) {
                consumer.startField(LIST_REPEATED_NAME, 0);
                for (Object e : elements) {
                    consumer.startGroup();
                    if (e != null) {
                        consumer.startField(LIST_ELEMENT_NAME, 0);
                        element.write(e);
                        consumer.endField(LIST_ELEMENT_NAME, 0);
                    } else if (elementRequired) {
                        throw new IllegalArgumentException("null element in list " + listType.getName());
                    }
                    consumer.endGroup();
                }
                consumer.endField(LIST_REPEATED_NAME, 0);
            }
            consumer.endGroup();
        };
    }

    /** The fields of one record schema, each with its Parquet name and index, Avro position and writer. */
    private final class RecordWriter {
        private final String[] names;
        private final int[] avroPositions;
        private final boolean[] required;
        private final ValueWriter[] writers;

        RecordWriter(GroupType group, Schema record) {
            List<Schema.Field> fields = record.getFields().stream()
                    .filter(f -> f.schema().getType() != Schema.Type.NULL)
                    .toList();
            names = new String[fields.size()];
            avroPositions = new int[fields.size()];
            required = new boolean[fields.size()];
            writers = new ValueWriter[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                Type type = group.getType(i);
                names[i] = type.getName();
                avroPositions[i] = fields.get(i).pos();
                required[i] = type.isRepetition(Type.Repetition.REQUIRED);
                writers[i] = writer(type, fields.get(i).schema());
            }
        }

        void fields(IndexedRecord row) {
            for (int i = 0; i < names.length; i++) {
                Object value = row.get(avroPositions[i]);
                if (value != null) {
                    consumer.startField(names[i], i);
                    writers[i].write(value);
                    consumer.endField(names[i], i);
                } else if (required[i]) {
                    throw new IllegalArgumentException("null in required column " + names[i]);
                }
            }
        }
    }

    /** The schema of a nullable union's value; any other schema as it is. */
    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        List<Schema> types = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        if (types.size() != 1) {
            throw new IllegalArgumentException("only [\"null\", X] unions are tables' columns: " + schema);
        }
        return types.get(0);
    }

    /**
     * A string's UTF-8 bytes as a Binary over an array: a fresh one the writer may keep for a {@code String}, the
     * {@code Utf8}'s own (which the writer copies before keeping) for a row read back from a table. Hashing and
     * comparing array binaries in the column dictionaries is cheaper than for parquet's String binaries, which wrap
     * a ByteBuffer.
     */
    private static Binary utf8(Object value) {
        if (value instanceof Utf8 u) {
            return Binary.fromReusedByteArray(u.getBytes(), 0, u.getByteLength());
        }
        return Binary.fromConstantByteArray(value.toString().getBytes(StandardCharsets.UTF_8));
    }
}
