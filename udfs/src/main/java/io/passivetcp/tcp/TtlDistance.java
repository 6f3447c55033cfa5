package io.passivetcp.tcp;

/** Hop distance guessed from a TTL alone (spec §2.4). */
public final class TtlDistance {
    private TtlDistance() {}

    /** Hops below the nearest common initial TTL at or above {@code ttl}: 32, 64, 128, else 255. */
    public static int guess(int ttl) {
        if (ttl <= 32) {
            return 32 - ttl;
        }
        if (ttl <= 64) {
            return 64 - ttl;
        }
        if (ttl <= 128) {
            return 128 - ttl;
        }
        return 255 - ttl;
    }
}
