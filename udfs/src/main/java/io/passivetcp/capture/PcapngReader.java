package io.passivetcp.capture;

import java.io.IOException;
import java.util.Arrays;

/**
 * pcapng files: any number of sections (each starting with a Section Header Block that sets the byte order and
 * forgets the previous section's interfaces), interfaces with their own link type and time resolution, and
 * Enhanced, Simple and obsolete Packet Blocks. Every other block type is skipped.
 *
 * <pre>
 * every block:  +------+--------------+--------------------------------+--------------+
 *               | type | total length | body (padded to 4 bytes)       | total length |
 *               +------+--------------+--------------------------------+--------------+
 * SHB (0a0d0d0a) body: byte-order magic 1a2b3c4d, major(2), minor(2), section length(8), options
 * IDB (1)        body: link type(2), reserved(2), snaplen(4), options (if_tsresol 9, if_tsoffset 14, ...)
 * EPB (6)        body: interface(4), ts high(4), ts low(4), captured(4), original(4), data, options
 * SPB (3)        body: original(4), data                       (interface 0, no timestamp)
 * PB  (2)        body: interface(2), drops(2), ts high(4), ts low(4), captured(4), original(4), data, options
 * </pre>
 */
final class PcapngReader extends FormatReader {
    static final int BT_SHB = 0x0A0D0D0A;
    static final int BT_IDB = 1;
    static final int BT_PB = 2;
    static final int BT_SPB = 3;
    static final int BT_EPB = 6;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    /** Largest block accepted; real blocks are at most a jumbo frame plus options. */
    static final int MAX_BLOCK_LENGTH = 16 << 20;
    static final int OPT_ENDOFOPT = 0;
    static final int IF_TSRESOL = 9;
    static final int IF_TSOFFSET = 14;
    /** Default if_tsresol: 10^-6 s. */
    private static final int DEFAULT_TSRESOL = 6;
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final byte[] scratch = new byte[32];
    private final boolean firstSectionBigEndian;
    private boolean bigEndian;

    // interfaces of the current section, by interface id
    private int ifCount;
    private int[] ifLinkType = new int[4];
    private long[] ifSnaplen = new long[4];
    /** if_tsresol byte: low 7 bits an exponent, top bit set for base 2 instead of 10. */
    private int[] ifTsresol = new int[4];
    private long[] ifTsoffset = new long[4];

    PcapngReader(CaptureInput in) throws IOException {
        super(in);
        if (in.read(scratch, 0, 8) < 8) {
            throw error(0, "truncated section header block");
        }
        readSectionHeader(0);
        firstSectionBigEndian = bigEndian;
    }

    @Override
    boolean next(CaptureRecord rec) throws IOException {
        while (true) {
            long offset = in.position();
            int n = in.read(scratch, 0, 8);
            if (n == 0) {
                return false;
            }
            if (n < 8) {
                throw error(offset, "truncated block header (" + n + " of 8 bytes)");
            }
            // the SHB type reads the same in both byte orders; its length needs the byte-order magic first
            if (Endian.u32(scratch, 0, true) == BT_SHB) {
                readSectionHeader(offset);
                continue;
            }
            long type = Endian.u32(scratch, 0, bigEndian);
            long length = checkLength(offset, Endian.u32(scratch, 4, bigEndian));
            long body = length - 12;
            if (type == BT_EPB || type == BT_PB) {
                readPacketBlock(offset, type == BT_EPB, body, rec);
                return true;
            } else if (type == BT_SPB) {
                readSimplePacketBlock(offset, body, rec);
                return true;
            } else if (type == BT_IDB) {
                readInterfaceBlock(offset, body);
            } else {
                finishBlock(offset, length, body);
            }
        }
    }

    /** SHB after its first 8 bytes: byte-order magic, version, section length, options; resets interfaces. */
    private void readSectionHeader(long offset) throws IOException {
        need(offset, 8, 4);
        long magic = Endian.u32(scratch, 8, true);
        if (magic == BYTE_ORDER_MAGIC) {
            bigEndian = true;
        } else if (magic == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
            bigEndian = false;
        } else {
            throw error(offset, "bad pcapng byte-order magic 0x" + Long.toHexString(magic));
        }
        long length = checkLength(offset, Endian.u32(scratch, 4, bigEndian));
        if (length < 28) {
            throw error(offset, "section header block too short (" + length + " bytes)");
        }
        need(offset, 0, 12);
        int major = Endian.u16(scratch, 0, bigEndian);
        int minor = Endian.u16(scratch, 2, bigEndian);
        // libpcap reads 1.0, and 1.2 which some writers put in files of the same format
        if (major != 1 || (minor != 0 && minor != 2)) {
            throw error(offset, "unsupported pcapng version " + major + "." + minor);
        }
        finishBlock(offset, length, length - 28);
        ifCount = 0;
    }

    private void readInterfaceBlock(long offset, long body) throws IOException {
        if (body < 8) {
            throw error(offset, "interface description block too short");
        }
        need(offset, 0, 8);
        int linkType = Endian.u16(scratch, 0, bigEndian);
        long snaplen = Endian.u32(scratch, 4, bigEndian);
        int tsresol = DEFAULT_TSRESOL;
        long tsoffset = 0;
        long remaining = body - 8;
        while (remaining >= 4) {
            need(offset, 0, 4);
            remaining -= 4;
            int code = Endian.u16(scratch, 0, bigEndian);
            int length = Endian.u16(scratch, 2, bigEndian);
            if (code == OPT_ENDOFOPT) {
                break;
            }
            int padded = (length + 3) & ~3;
            if (padded > remaining) {
                throw error(offset, "interface option " + code + " overruns its block");
            }
            if (code == IF_TSRESOL && length >= 1) {
                need(offset, 0, 1);
                tsresol = checkTsresol(offset, scratch[0] & 0xFF);
                skip(offset, padded - 1);
            } else if (code == IF_TSOFFSET && length >= 8) {
                need(offset, 0, 8);
                tsoffset = Endian.s64(scratch, 0, bigEndian);
                skip(offset, padded - 8);
            } else {
                skip(offset, padded);
            }
            remaining -= padded;
        }
        finishBlock(offset, body + 12, remaining);
        addInterface(linkType, snaplen, tsresol, tsoffset);
    }

    private int checkTsresol(long offset, int tsresol) throws CaptureFormatException {
        int exponent = tsresol & 0x7F;
        boolean binary = (tsresol & 0x80) != 0;
        if (binary ? exponent > 63 : exponent >= POW10.length) {
            throw error(offset, "unsupported if_tsresol 0x" + Integer.toHexString(tsresol));
        }
        return tsresol;
    }

    private void addInterface(int linkType, long snaplen, int tsresol, long tsoffset) {
        if (ifCount == ifLinkType.length) {
            int n = ifCount * 2;
            ifLinkType = Arrays.copyOf(ifLinkType, n);
            ifSnaplen = Arrays.copyOf(ifSnaplen, n);
            ifTsresol = Arrays.copyOf(ifTsresol, n);
            ifTsoffset = Arrays.copyOf(ifTsoffset, n);
        }
        ifLinkType[ifCount] = linkType;
        ifSnaplen[ifCount] = snaplen;
        ifTsresol[ifCount] = tsresol;
        ifTsoffset[ifCount] = tsoffset;
        ifCount++;
    }

    /** Enhanced (type 6) or obsolete (type 2) Packet Block: same fixed part, interface id 4 or 2 bytes wide. */
    private void readPacketBlock(long offset, boolean enhanced, long body, CaptureRecord rec) throws IOException {
        if (body < 20) {
            throw error(offset, "packet block too short");
        }
        need(offset, 0, 20);
        long iface = enhanced ? Endian.u32(scratch, 0, bigEndian) : Endian.u16(scratch, 0, bigEndian);
        long ts = (Endian.u32(scratch, 4, bigEndian) << 32) | Endian.u32(scratch, 8, bigEndian);
        long caplen = Endian.u32(scratch, 12, bigEndian);
        long original = Endian.u32(scratch, 16, bigEndian);
        int id = checkInterface(offset, iface);
        if (caplen > body - 20) {
            throw error(offset, "captured length " + caplen + " exceeds its block");
        }
        readData(offset, rec, (int) caplen);
        finishBlock(offset, body + 12, body - 20 - caplen);
        rec.originalLength = (int) Math.min(original, Integer.MAX_VALUE);
        rec.tsMicros = toMicros(id, ts);
        rec.tsSeconds = Math.floorDiv(rec.tsMicros, 1_000_000L);
        rec.linkType = ifLinkType[id];
        rec.fileOffset = offset;
    }

    /** Simple Packet Block: interface 0, no timestamp, captured length implied by snaplen and block size. */
    private void readSimplePacketBlock(long offset, long body, CaptureRecord rec) throws IOException {
        if (body < 4) {
            throw error(offset, "simple packet block too short");
        }
        need(offset, 0, 4);
        long original = Endian.u32(scratch, 0, bigEndian);
        checkInterface(offset, 0);
        long caplen = Math.min(original, body - 4);
        if (ifSnaplen[0] != 0) {
            caplen = Math.min(caplen, ifSnaplen[0]);
        }
        readData(offset, rec, (int) caplen);
        finishBlock(offset, body + 12, body - 4 - caplen);
        rec.originalLength = (int) Math.min(original, Integer.MAX_VALUE);
        rec.tsMicros = 0;
        rec.tsSeconds = 0;
        rec.linkType = ifLinkType[0];
        rec.fileOffset = offset;
    }

    private int checkInterface(long offset, long iface) throws CaptureFormatException {
        if (iface >= ifCount) {
            throw error(offset, "packet block refers to interface " + iface + " but the section has " + ifCount);
        }
        return (int) iface;
    }

    /**
     * Converts a timestamp in the interface's units to µs: whole seconds by division, then the fraction scaled
     * (truncating, as libpcap does), then if_tsoffset seconds added.
     */
    private long toMicros(int iface, long ts) {
        int tsresol = ifTsresol[iface];
        int exponent = tsresol & 0x7F;
        long sec;
        long fracMicros;
        if ((tsresol & 0x80) != 0) {
            sec = ts >>> exponent;
            long frac = exponent == 0 ? 0 : ts & ((1L << exponent) - 1);
            // frac * 10^6 needs up to 83 bits: shift the 128-bit product
            long hi = Math.multiplyHigh(frac, 1_000_000L);
            long lo = frac * 1_000_000L;
            fracMicros = exponent == 0 ? 0 : (hi << (64 - exponent)) | (lo >>> exponent);
        } else {
            long unitsPerSecond = POW10[exponent];
            sec = Long.divideUnsigned(ts, unitsPerSecond);
            long frac = Long.remainderUnsigned(ts, unitsPerSecond);
            fracMicros = exponent <= 6 ? frac * POW10[6 - exponent] : frac / POW10[exponent - 6];
        }
        return (sec + ifTsoffset[iface]) * 1_000_000L + fracMicros;
    }

    private long checkLength(long offset, long length) throws CaptureFormatException {
        if (length < 12 || (length & 3) != 0 || length > MAX_BLOCK_LENGTH) {
            throw error(offset, "bad block total length " + length);
        }
        return length;
    }

    private void readData(long offset, CaptureRecord rec, int caplen) throws IOException {
        if (in.read(rec.ensureCapacity(caplen), 0, caplen) < caplen) {
            throw truncated(offset);
        }
        rec.length = caplen;
    }

    /** Skips what is left of the body, then checks the trailing copy of the total length. */
    private void finishBlock(long offset, long length, long rest) throws IOException {
        skip(offset, rest);
        need(offset, 0, 4);
        long trailer = Endian.u32(scratch, 0, bigEndian);
        if (trailer != length) {
            throw error(offset, "block trailer length " + trailer + " does not match header length " + length);
        }
    }

    private void need(long offset, int at, int n) throws IOException {
        if (in.read(scratch, at, n) < n) {
            throw truncated(offset);
        }
    }

    private void skip(long offset, long n) throws IOException {
        if (in.skip(n) < n) {
            throw truncated(offset);
        }
    }

    private CaptureFormatException truncated(long offset) {
        return error(offset, "truncated block");
    }

    @Override
    String description() {
        return "pcapng" + (firstSectionBigEndian ? " big-endian" : " little-endian");
    }
}
