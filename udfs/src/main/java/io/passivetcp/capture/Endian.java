package io.passivetcp.capture;

/** Unsigned integer getters in either byte order, for capture headers (which follow the writer's order). */
final class Endian {
    private Endian() {}

    static int u16(byte[] b, int i, boolean bigEndian) {
        int b0 = b[i] & 0xFF, b1 = b[i + 1] & 0xFF;
        return bigEndian ? (b0 << 8) | b1 : (b1 << 8) | b0;
    }

    static long u32(byte[] b, int i, boolean bigEndian) {
        long b0 = b[i] & 0xFF, b1 = b[i + 1] & 0xFF, b2 = b[i + 2] & 0xFF, b3 = b[i + 3] & 0xFF;
        return bigEndian ? (b0 << 24) | (b1 << 16) | (b2 << 8) | b3 : (b3 << 24) | (b2 << 16) | (b1 << 8) | b0;
    }

    static long s64(byte[] b, int i, boolean bigEndian) {
        long hi = u32(b, bigEndian ? i : i + 4, bigEndian);
        long lo = u32(b, bigEndian ? i + 4 : i, bigEndian);
        return (hi << 32) | lo;
    }

    static String hex(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 2);
        for (int i = off; i < off + len; i++) {
            sb.append(Character.forDigit((b[i] >> 4) & 0xF, 16)).append(Character.forDigit(b[i] & 0xF, 16));
        }
        return sb.toString();
    }
}
