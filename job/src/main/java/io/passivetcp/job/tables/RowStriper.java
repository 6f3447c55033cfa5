package io.passivetcp.job.tables;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.util.Utf8;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes rows of a table's Avro schema straight into Parquet's column writers, each value with its repetition and
 * definition level (Dremel striping), as parquet-avro's three-level-list Parquet schema lays them out. Parquet's own
 * record consumer does the same work by walking the schema for every row and field; here the walk is resolved once
 * per file, which was a sixth of the table writers' time.
 *
 * <p>The schemas use records, arrays, nullable unions ({@code ["null", X]}), strings, booleans, ints, longs and
 * doubles; anything else is refused when the striper is made, not when a row arrives.
 */
final class RowStriper {
    private final MessageType parquetSchema;
    private final RecordNode root;
    /** The leaves in the order of {@link MessageType#getColumns()}, and their writers in the current row group. */
    private final List<Leaf> leaves = new ArrayList<>();

    RowStriper(MessageType parquetSchema, Schema avroSchema) {
        this.parquetSchema = parquetSchema;
        this.root = new RecordNode(parquetSchema, avroSchema, 0, 0);
        List<ColumnDescriptor> columns = parquetSchema.getColumns();
        if (columns.size() != leaves.size()) {
            throw new IllegalArgumentException("schema has " + columns.size() + " columns, striped " + leaves.size());
        }
        for (int i = 0; i < columns.size(); i++) {
            String[] path = columns.get(i).getPath();
            if (!path[path.length - 1].equals(leaves.get(i).name)) {
                throw new IllegalArgumentException("column " + String.join(".", path) + " striped as "
                        + leaves.get(i).name);
            }
            leaves.get(i).column = columns.get(i);
        }
    }

    /** Writes into {@code store}'s column writers from now on: a new one for every row group. */
    void bind(ColumnWriteStore store) {
        for (Leaf leaf : leaves) {
            leaf.writer = store.getColumnWriter(leaf.column);
        }
    }

    /** Writes one row; the caller ends the record in the store. */
    void write(IndexedRecord row) {
        root.fields(row, 0);
    }

    MessageType parquetSchema() {
        return parquetSchema;
    }

    /**
     * A field's part of the schema: writes a present value, or nulls into every leaf below it. {@code r} is the
     * repetition level every leaf's next value takes, {@code d} the definition level of the field's parent.
     */
    private abstract static class Node {
        /** The definition level of this field when present: its parent's, plus one unless the field is required. */
        final int definedLevel;
        final boolean required;
        final String name;
        final List<Leaf> below = new ArrayList<>();

        Node(Type type, int parentLevel) {
            this.required = type.isRepetition(Type.Repetition.REQUIRED);
            this.definedLevel = required ? parentLevel : parentLevel + 1;
            this.name = type.getName();
        }

        abstract void present(Object value, int r);

        final void write(Object value, int r) {
            if (value != null) {
                present(value, r);
            } else if (required) {
                throw new IllegalArgumentException("null in required column " + name);
            } else {
                nulls(r, definedLevel - 1);
            }
        }

        final void nulls(int r, int d) {
            for (Leaf leaf : below) {
                leaf.writer.writeNull(r, d);
            }
        }
    }

    /** How a column's values are written: {@code v} non-null, at levels {@code r} and {@code d}. */
    private interface ValueWrite {
        void write(ColumnWriter writer, Object v, int r, int d);
    }

    /** A column: writes its value at the node's definition level. */
    private static final class Leaf extends Node {
        private final ValueWrite value;
        ColumnDescriptor column;
        ColumnWriter writer;

        Leaf(Type type, int parentLevel, ValueWrite value) {
            super(type, parentLevel);
            this.value = value;
            below.add(this);
        }

        @Override
        void present(Object v, int r) {
            value.write(writer, v, r, definedLevel);
        }
    }

    private final class RecordNode extends Node {
        private final int[] avroPositions;
        private final Node[] fields;

        RecordNode(GroupType group, Schema record, int parentLevel, int repetitionLevel) {
            super(group, parentLevel);
            List<Schema.Field> avroFields = record.getFields().stream()
                    .filter(f -> f.schema().getType() != Schema.Type.NULL)
                    .toList();
            int level = group instanceof MessageType ? parentLevel : definedLevel;
            avroPositions = new int[avroFields.size()];
            fields = new Node[avroFields.size()];
            for (int i = 0; i < avroFields.size(); i++) {
                avroPositions[i] = avroFields.get(i).pos();
                fields[i] = node(group.getType(i), avroFields.get(i).schema(), level, repetitionLevel);
                below.addAll(fields[i].below);
            }
        }

        @Override
        void present(Object value, int r) {
            fields((IndexedRecord) value, r);
        }

        void fields(IndexedRecord row, int r) {
            for (int i = 0; i < fields.length; i++) {
                fields[i].write(row.get(avroPositions[i]), r);
            }
        }
    }

    /** A three-level list: the LIST group, a repeated group per element, the element inside it unless null. */
    private final class ListNode extends Node {
        /** The repetition level of the repeated group: what a second or later element's leaves take. */
        private final int elementRepetition;
        private final Node element;

        ListNode(GroupType listType, Schema arraySchema, int parentLevel, int repetitionLevel) {
            super(listType, parentLevel);
            elementRepetition = repetitionLevel + 1;
            Type elementType = listType.getType(0).asGroupType().getType(0);
            element = node(elementType, arraySchema.getElementType(), definedLevel + 1, elementRepetition);
            below.addAll(element.below);
        }

        @Override
        void present(Object value, int r) {
            Collection<?> elements = (Collection<?>) value;
            if (elements.isEmpty()) {
                nulls(r, definedLevel);
                return;
            }
            int elementR = r;
            for (Object e : elements) {
                if (e == null && element.required) {
                    throw new IllegalArgumentException("null element in list " + name);
                }
                element.write(e, elementR);
                elementR = elementRepetition;
            }
        }
    }

    private Node node(Type type, Schema schema, int parentLevel, int repetitionLevel) {
        Schema value = nonNull(schema);
        Node node = switch (value.getType()) {
            case STRING -> new Leaf(type, parentLevel, new StringColumn());
            case INT -> new Leaf(type, parentLevel, (w, v, r, d) -> w.write(((Number) v).intValue(), r, d));
            case LONG -> new Leaf(type, parentLevel, (w, v, r, d) -> w.write(((Number) v).longValue(), r, d));
            case DOUBLE -> new Leaf(type, parentLevel, (w, v, r, d) -> w.write(((Number) v).doubleValue(), r, d));
            case BOOLEAN -> new Leaf(type, parentLevel, (w, v, r, d) -> w.write((Boolean) v, r, d));
            case RECORD -> new RecordNode(type.asGroupType(), value, parentLevel, repetitionLevel);
            case ARRAY -> new ListNode(type.asGroupType(), value, parentLevel, repetitionLevel);
            default -> throw new IllegalArgumentException("no Parquet writer for Avro type " + value);
        };
        if (node instanceof Leaf leaf) {
            leaves.add(leaf);
        }
        return node;
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
     * A column's strings. The same {@code String} object as the previous row's (a capture's path, the database
     * version, a signature's label) is written as the same Binary: neither encoded again, nor compared byte by byte
     * with the column dictionary's copy of it, which is that Binary itself (parquet compares binaries over the same
     * array by identity).
     */
    private static final class StringColumn implements ValueWrite {
        private String previous;
        private Binary previousBinary;

        @Override
        public void write(ColumnWriter writer, Object v, int r, int d) {
            if (v != previous) {
                Binary binary = utf8(v);
                if (v instanceof String string) { // a Utf8 read back from a table is reused, so never kept
                    previous = string;
                    previousBinary = binary;
                }
                writer.write(binary, r, d);
            } else {
                writer.write(previousBinary, r, d);
            }
        }
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
