package io.passivetcp.host;

/**
 * The time arithmetic of p0f's cache expiry (spec §8.4): packet seconds are {@code u32} there, and an age is
 * {@code now - then} in unsigned 32-bit. An entry created or touched "in the future", after the capture's clock
 * stepped back (a capture stored twice in one file, a corrupt record time), is therefore older than any limit and
 * dies at the next expiry run.
 */
final class ExpiryClock {
    private static final long U32 = 0xFFFF_FFFFL;

    private ExpiryClock() {}

    /** {@code now - then} as p0f computes it: unsigned 32-bit. */
    static long secondsSince(long thenSeconds, long nowSeconds) {
        return (nowSeconds - thenSeconds) & U32;
    }
}
