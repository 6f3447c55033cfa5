package io.passivetcp.packet;

/** Unsigned big-endian (network order) getters at absolute positions; callers check bounds first. */
final class Bytes {
    private Bytes() {}

    /** An IPv6 address's worth of zeros, copied rather than filled: a copy is one intrinsic also under C1. */
    private static final byte[] ZEROS = new byte[16];

    /** Zeroes {@code a[from, to)}, at most 16 bytes. */
    static void zero(byte[] a, int from, int to) {
        System.arraycopy(ZEROS, 0, a, from, to - from);
    }

    static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    static long u32(byte[] b, int i) {
        return ((long) (b[i] & 0xFF) << 24) | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }

    /** The high nibble of a byte: the IP version when the byte starts an IP header. */
    static int highNibble(byte[] b, int i) {
        return (b[i] >> 4) & 0x0F;
    }
}
