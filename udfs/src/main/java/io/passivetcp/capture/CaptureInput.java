package io.passivetcp.capture;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * The (decompressed) byte stream of a capture, with its position and short-read detection.
 *
 * <p>Reads never throw on end of file: they return how many bytes there were, so each format reader can say
 * which record was truncated. Corrupt or truncated gzip data surfaces from {@link java.util.zip.GZIPInputStream}
 * as {@link ZipException} / {@link EOFException}; both become a {@link CaptureFormatException} at the current
 * position, while every other I/O error passes through unchanged.
 */
final class CaptureInput {
    private final InputStream in;
    private final String name;
    private final boolean gzip;
    private final byte[] skipBuffer = new byte[8192];
    private long position;

    CaptureInput(InputStream in, String name, boolean gzip) {
        this.in = in;
        this.name = name;
        this.gzip = gzip;
    }

    String name() {
        return name;
    }

    /** Decompressed bytes consumed so far. */
    long position() {
        return position;
    }

    /** Reads up to {@code len} bytes, stopping early only at end of file; returns the count read. */
    int read(byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int n = readOnce(b, off + total, len - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        position += total;
        return total;
    }

    /** Skips up to {@code n} bytes, stopping early only at end of file; returns the count skipped. */
    long skip(long n) throws IOException {
        long total = 0;
        while (total < n) {
            // read() rather than InputStream.skip(): skip may return 0 both at EOF and mid-stream
            int chunk = readOnce(skipBuffer, 0, (int) Math.min(skipBuffer.length, n - total));
            if (chunk < 0) {
                break;
            }
            total += chunk;
        }
        position += total;
        return total;
    }

    private int readOnce(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (ZipException | EOFException e) {
            if (!gzip) {
                throw e;
            }
            throw new CaptureFormatException(name, position, "corrupt or truncated gzip data (" + e.getMessage() + ")");
        }
    }

    void close() throws IOException {
        in.close();
    }
}
