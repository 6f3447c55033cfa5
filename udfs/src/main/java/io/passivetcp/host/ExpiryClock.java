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

    /**
     * Whether an entry last seen at {@code entrySeconds} of capture {@code entryCaptureId} is past {@code limitSeconds}
     * at expiry run {@code expiryRun} (at {@code expirySeconds}) of capture {@code captureId}, having last been judged
     * at run {@code entryLastRun}. A run of another capture ({@code --state-scope global}) is another clock, against
     * which an entry after it is young, not "in the future".
     */
    static boolean expiredAt(long entryLastRun, long entryCaptureId, long entrySeconds, long limitSeconds,
            long captureId, long expiryRun, long expirySeconds) {
        if (expiryRun <= entryLastRun) {
            return false;
        }
        return captureId == entryCaptureId ? secondsSince(entrySeconds, expirySeconds) > limitSeconds
                : expirySeconds - entrySeconds > limitSeconds;
    }

    /** {@code now - then} as p0f computes it: unsigned 32-bit. */
    static long secondsSince(long thenSeconds, long nowSeconds) {
        return (nowSeconds - thenSeconds) & U32;
    }
}
