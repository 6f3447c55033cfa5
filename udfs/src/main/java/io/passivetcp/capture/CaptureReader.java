package io.passivetcp.capture;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the packet records of a capture file, whatever its format.
 *
 * <p>The format is recognised by its magic number, never by the file name: gzip (decompressed on the fly; its
 * content may be pcap or pcapng), classic pcap (µs or ns, either byte order) and pcapng. Records come out one at
 * a time into a caller-owned, reused {@link CaptureRecord}; nothing is allocated per record once the record's
 * buffer has grown to the largest frame, and no length field is trusted beyond a sane cap before reading.
 *
 * <p>Errors: {@link NotACaptureException} when the file is no capture at all, {@link CaptureFormatException}
 * (file name and byte offset) for a bad header or a bad or truncated record. Records before the bad one have
 * already been returned, which matches how libpcap-based tools behave.
 */
public final class CaptureReader implements Closeable {
    private static final int BUFFER_SIZE = 64 * 1024;
    /** The least buffer for a file smaller than {@link #BUFFER_SIZE}: a pcap file header and a few records. */
    private static final int SMALL_FILE_BUFFER_SIZE = 512;
    private static final int GZIP_MAGIC = 0x1F8B;

    private final CaptureInput input;
    private final FormatReader format;
    private final boolean gzip;
    private long ordinal;

    private CaptureReader(CaptureInput input, FormatReader format, boolean gzip) {
        this.input = input;
        this.format = format;
        this.gzip = gzip;
    }

    /**
     * Opens a capture and validates its file header.
     *
     * @param in   the raw file bytes; need not be buffered (this reader buffers), closed by {@link #close}
     * @param name used in error messages only
     */
    public static CaptureReader open(InputStream in, String name) throws IOException {
        InputStream stream = new BufferedInputStream(in, bufferSize(in));
        byte[] head = new byte[4];
        int n = peek(stream, head);
        boolean gzip = n >= 2 && ((head[0] & 0xFF) << 8 | (head[1] & 0xFF)) == GZIP_MAGIC;
        if (gzip) {
            stream = new BufferedInputStream(gunzip(stream, name), BUFFER_SIZE);
            try {
                n = peek(stream, head);
            } catch (ZipException | EOFException e) {
                throw new CaptureFormatException(name, 0, "corrupt or truncated gzip data (" + e.getMessage() + ")");
            }
        }
        CaptureInput input = new CaptureInput(stream, name, gzip);
        int magic = n == 4 ? (int) Endian.u32(head, 0, true) : 0;
        FormatReader format;
        if (n == 4 && isPcapMagic(magic)) {
            format = new PcapFileReader(input, magic);
        } else if (n == 4 && magic == PcapngReader.BT_SHB) {
            format = new PcapngReader(input);
        } else if (n > 0 && n < 4 && isMagicPrefix(head, n)) {
            throw new CaptureFormatException(name, 0, "truncated file header (" + n + " bytes)");
        } else {
            String found = Endian.hex(head, 0, n);
            throw new NotACaptureException(name, gzip ? "gzip-compressed " + found : found);
        }
        return new CaptureReader(input, format, gzip);
    }

    /**
     * No larger than the file where the stream knows its size (a local file does): archives hold thousands of
     * captures of a few hundred bytes, each opened twice under the global scope.
     */
    private static int bufferSize(InputStream in) throws IOException {
        int remaining = in.available();
        return remaining > 0 ? Math.min(BUFFER_SIZE, Math.max(SMALL_FILE_BUFFER_SIZE, remaining)) : BUFFER_SIZE;
    }

    private static InputStream gunzip(InputStream stream, String name) throws IOException {
        try {
            return new GZIPInputStream(stream, BUFFER_SIZE);
        } catch (ZipException | EOFException e) {
            throw new CaptureFormatException(name, 0, "bad gzip header (" + e.getMessage() + ")");
        }
    }

    /** Reads up to head.length bytes and rewinds; returns how many there were. */
    private static int peek(InputStream stream, byte[] head) throws IOException {
        stream.mark(head.length);
        int n = 0;
        while (n < head.length) {
            int r = stream.read(head, n, head.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        stream.reset();
        return n;
    }

    private static boolean isPcapMagic(int magic) {
        for (int m : new int[] {PcapFileReader.MAGIC_USEC, PcapFileReader.MAGIC_NSEC, PcapFileReader.MAGIC_KUZNETZOV}) {
            if (magic == m || magic == Integer.reverseBytes(m)) {
                return true;
            }
        }
        return false;
    }

    /** True when a file shorter than a magic number starts like one (a truncated capture, not a foreign file). */
    private static boolean isMagicPrefix(byte[] head, int n) {
        int[] magics = {PcapFileReader.MAGIC_USEC, PcapFileReader.MAGIC_NSEC, PcapFileReader.MAGIC_KUZNETZOV,
            Integer.reverseBytes(PcapFileReader.MAGIC_USEC), Integer.reverseBytes(PcapFileReader.MAGIC_NSEC),
            Integer.reverseBytes(PcapFileReader.MAGIC_KUZNETZOV), PcapngReader.BT_SHB};
        for (int m : magics) {
            boolean match = true;
            for (int i = 0; i < n && match; i++) {
                match = (head[i] & 0xFF) == ((m >>> (24 - 8 * i)) & 0xFF);
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the next packet record into {@code rec}.
     *
     * @return false at a clean end of file
     * @throws CaptureFormatException for a bad or truncated record (its offset names the record or block)
     */
    public boolean next(CaptureRecord rec) throws IOException {
        if (!format.next(rec)) {
            return false;
        }
        rec.ordinal = ordinal++;
        return true;
    }

    /** Decompressed bytes consumed so far. */
    public long bytesRead() {
        return input.position();
    }

    /** E.g. {@code pcap/usec little-endian linktype 1}, {@code gzip+pcapng little-endian}. */
    public String formatDescription() {
        return (gzip ? "gzip+" : "") + format.description();
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
