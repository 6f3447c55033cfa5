package io.passivetcp.job.sink;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One text log of {@link P0fTextSink}, buffered. A failure to write it (a full disk, a file system gone read-only)
 * fails the job with one line naming the option and the file, as the checks before the start name them. A log that
 * has failed is let go without writing at close: Flink closes the writer again while it fails the task, and a
 * second failure there is fatal to the whole TaskManager (it printed its stack traces and hid the cause behind
 * "The TaskExecutor is shutting down").
 */
final class TextLog implements Closeable {
    private final String name;
    private final OutputStream out;
    private boolean failed;

    /** @param name how the user named it, e.g. {@code -o /var/log/p0f.log} */
    TextLog(String name, OutputStream file, int bufferBytes) {
        this.name = name;
        this.out = new BufferedOutputStream(file, bufferBytes);
    }

    void write(byte[] bytes) throws IOException {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Closes the file even when the buffer cannot be written; a log that failed before says nothing more. */
    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            if (!failed) {
                throw failure(e);
            }
        }
    }

    private IOException failure(IOException e) {
        failed = true;
        return OutputFailure.named(name, e);
    }
}
