package io.passivetcp.capture;

import java.io.IOException;

/**
 * Classic libpcap files, both byte orders, microsecond or nanosecond timestamps.
 *
 * <pre>
 * file header, 24 bytes           record header, 16 bytes (+8 in Kuznetzov's a1b2cd34 variant)
 * +--------+-----+-----+           +--------+--------+----------+----------+
 * | magic  |major|minor|           | ts_sec | ts_frac| incl_len | orig_len |  then incl_len frame bytes
 * +--------+-----+-----+           +--------+--------+----------+----------+
 * |thiszone|sigfigs|snaplen|linktype|
 * </pre>
 *
 * Follows libpcap's reading rules where they change what is read: versions other than 2.0-2.4 (or 543.0) are
 * refused, files before 2.3 store the two lengths swapped, and a record longer than the snapshot length keeps
 * only snapshot-length bytes.
 */
final class PcapFileReader extends FormatReader {
    static final int MAGIC_USEC = 0xA1B2C3D4;
    static final int MAGIC_NSEC = 0xA1B23C4D;
    /** Alexey Kuznetzov's patched tcpdump: 8 more bytes per record header. */
    static final int MAGIC_KUZNETZOV = 0xA1B2CD34;
    static final int FILE_HEADER_LENGTH = 24;
    /** libpcap's {@code MAXIMUM_SNAPLEN}: longer records are refused as corrupt. */
    static final int MAX_CAPLEN = 262_144;
    /** Only the low 26 bits name the link type (libpcap {@code LT_LINKTYPE}); the rest are FCS-length flags. */
    static final int LINKTYPE_MASK = 0x03FF_FFFF;

    private final byte[] header = new byte[24];
    private final boolean bigEndian;
    private final boolean nanos;
    private final int recordHeaderLength;
    private final int linkType;
    private final int snaplen;
    private final boolean lengthsSwapped;
    private final boolean lengthsMaybeSwapped;

    PcapFileReader(CaptureInput in, int magic) throws IOException {
        super(in);
        if (in.read(header, 0, FILE_HEADER_LENGTH) < FILE_HEADER_LENGTH) {
            throw error(0, "truncated pcap file header");
        }
        bigEndian = magic == MAGIC_USEC || magic == MAGIC_NSEC || magic == MAGIC_KUZNETZOV;
        int m = bigEndian ? magic : Integer.reverseBytes(magic);
        nanos = m == MAGIC_NSEC;
        recordHeaderLength = m == MAGIC_KUZNETZOV ? 24 : 16;
        int major = Endian.u16(header, 4, bigEndian);
        int minor = Endian.u16(header, 6, bigEndian);
        if (major < 2) {
            throw error(0, "archaic pcap version " + major + "." + minor);
        }
        if (!(major == 2 && minor <= 4) && !(major == 543 && minor == 0)) {
            throw error(0, "unsupported pcap version " + major + "." + minor);
        }
        lengthsSwapped = (major == 2 && minor < 3) || major == 543;
        lengthsMaybeSwapped = major == 2 && minor == 3;
        long snap = Endian.u32(header, 16, bigEndian);
        snaplen = snap == 0 || snap > MAX_CAPLEN ? MAX_CAPLEN : (int) snap;
        linkType = (int) (Endian.u32(header, 20, bigEndian) & LINKTYPE_MASK);
    }

    @Override
    boolean next(CaptureRecord rec) throws IOException {
        long offset = in.position();
        int n = in.read(header, 0, recordHeaderLength);
        if (n == 0) {
            return false;
        }
        if (n < recordHeaderLength) {
            throw error(offset, "truncated record (header has " + n + " of " + recordHeaderLength + " bytes)");
        }
        long sec = Endian.u32(header, 0, bigEndian);
        long frac = Endian.u32(header, 4, bigEndian);
        long caplen = Endian.u32(header, 8, bigEndian);
        long len = Endian.u32(header, 12, bigEndian);
        if (lengthsSwapped || (lengthsMaybeSwapped && caplen > len)) {
            long t = caplen;
            caplen = len;
            len = t;
        }
        if (caplen > MAX_CAPLEN) {
            throw error(offset, "bogus record length " + caplen + " (maximum " + MAX_CAPLEN + ")");
        }
        int keep = (int) Math.min(caplen, snaplen);
        int got = in.read(rec.ensureCapacity(keep), 0, keep);
        long skipped = caplen > keep ? in.skip(caplen - keep) : 0;
        if (got + skipped < caplen) {
            throw error(offset, "truncated record (" + caplen + " bytes captured, " + (got + skipped) + " in file)");
        }
        rec.length = keep;
        rec.originalLength = (int) Math.min(len, Integer.MAX_VALUE);
        rec.tsMicros = sec * 1_000_000L + (nanos ? frac / 1000 : frac);
        rec.tsSeconds = sec;
        rec.linkType = linkType;
        rec.fileOffset = offset;
        return true;
    }

    @Override
    String description() {
        return "pcap/" + (nanos ? "nsec" : "usec") + (bigEndian ? " big-endian" : " little-endian")
                + " linktype " + linkType;
    }
}
