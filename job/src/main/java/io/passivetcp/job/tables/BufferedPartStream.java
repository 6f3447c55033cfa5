package io.passivetcp.job.tables;

import java.io.IOException;

import org.apache.flink.core.fs.FSDataOutputStream;

import io.passivetcp.job.sink.OutputFailure;

/**
 * A buffer in front of a part file's stream. Parquet writes its page headers and footer (Thrift) a few bytes at a
 * time, and Flink's local part-file stream hands each write to its file channel: a system call per few bytes, which
 * made system time most of a run over many small captures. Bytes reach the part file at {@link #flush()},
 * {@link #sync()} and {@link #close()}, and when the buffer fills.
 */
final class BufferedPartStream extends FSDataOutputStream {
    static final int BUFFER_BYTES = 64 * 1024;

    private final FSDataOutputStream out;
    private final String output;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int count;

    /** @param output how the user named the tables' folder, for the line a failure to write gives */
    BufferedPartStream(FSDataOutputStream out, String output) {
        this.out = out;
        this.output = output;
    }

    @Override
    public long getPos() throws IOException {
        return out.getPos() + count;
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            drain();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len >= buffer.length) {
            drain();
            named(() -> out.write(b, off, len));
            return;
        }
        if (len > buffer.length - count) {
            drain();
        }
        System.arraycopy(b, off, buffer, count, len);
        count += len;
    }

    /** Hands the buffered bytes to the part file's stream. */
    void drain() throws IOException {
        if (count > 0) {
            named(() -> out.write(buffer, 0, count));
            count = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        named(out::flush);
    }

    @Override
    public void sync() throws IOException {
        drain();
        named(out::sync);
    }

    @Override
    public void close() throws IOException {
        drain();
        named(out::close);
    }

    /** A write to the part file's stream that fails names the tables' folder. */
    private void named(PartFileWrite write) throws IOException {
        try {
            write.run();
        } catch (IOException e) {
            throw OutputFailure.named(output, e);
        }
    }

    private interface PartFileWrite {
        void run() throws IOException;
    }
}
