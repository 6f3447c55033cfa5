package io.passivetcp.job.tables;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.flink.core.fs.FSDataOutputStream;
import org.junit.jupiter.api.Test;

/** Bytes reach the part file in order whatever the sizes written; a part file that cannot be written names --out. */
class BufferedPartStreamTest {
    @Test
    void bytesArriveInOrderAcrossTheBuffer() throws IOException {
        PartFile file = new PartFile(false);
        byte[] expected = new byte[3 * BufferedPartStream.BUFFER_BYTES + 17];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (i * 31);
        }
        try (BufferedPartStream out = new BufferedPartStream(file, "--out tables")) {
            out.write(expected[0]);
            out.write(expected, 1, 100);
            out.write(expected, 101, BufferedPartStream.BUFFER_BYTES); // larger than what is left of the buffer
            out.write(expected, 101 + BufferedPartStream.BUFFER_BYTES,
                    expected.length - 101 - BufferedPartStream.BUFFER_BYTES);
            assertEquals(expected.length, out.getPos());
        }
        assertArrayEquals(expected, file.bytes.toByteArray());
    }

    @Test
    void aFullDiskIsOneLineNamingTheTablesFolder() {
        BufferedPartStream out = new BufferedPartStream(new PartFile(true), "--out /data/tables");
        IOException e = assertThrows(IOException.class, () -> out.write(new byte[BufferedPartStream.BUFFER_BYTES]));
        assertEquals("--out /data/tables: cannot be written (No space left on device)", e.getMessage());
        assertNull(e.getCause()); // the CLI prints the innermost cause: this line
        assertEquals("No space left on device", e.getSuppressed()[0].getMessage());
    }

    /** A part file's stream in memory, or one on a full disk. */
    private static final class PartFile extends FSDataOutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final boolean full;

        PartFile(boolean full) {
            this.full = full;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (full) {
                throw new IOException("No space left on device");
            }
            bytes.write(b, off, len);
        }

        @Override
        public long getPos() {
            return bytes.size();
        }

        @Override
        public void flush() {}

        @Override
        public void sync() {}

        @Override
        public void close() {}
    }
}
