package io.passivetcp.tls;

/**
 * GREASE values (RFC 8701): {@code 0x0a0a, 0x1a1a, ..., 0xfafa}, reserved so that clients exercise unknown values.
 * They change from connection to connection, so fingerprints leave them out everywhere.
 */
public final class Grease {
    private Grease() {}

    /** Whether the 16-bit code point {@code v} is a GREASE value. */
    public static boolean isGrease(int v) {
        return (v & 0x0f0f) == 0x0a0a && (v >>> 8) == (v & 0xff);
    }
}
