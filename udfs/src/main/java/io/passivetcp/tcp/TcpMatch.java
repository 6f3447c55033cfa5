package io.passivetcp.tcp;

/**
 * Result of matching a SYN or SYN+ACK against its section (spec §4.3–4.4).
 *
 * @param signature the matched sig; null when nothing matched
 * @param fuzzy     matched only with the §4.2 fuzzy allowances
 * @param distance  hop distance, 0–255 (u8, spec §4.4)
 */
public record TcpMatch(TcpSignature signature, boolean fuzzy, int distance) {

    public boolean matched() {
        return signature != null;
    }

    /** Matched a {@code g} label. */
    public boolean generic() {
        return signature != null && signature.generic();
    }

    /** Matched an {@code N-} sig: the distance is only an upper bound. */
    public boolean badTtl() {
        return signature != null && signature.badTtl();
    }

    /** Matched a {@code !} (user application) label. */
    public boolean application() {
        return signature != null && signature.label().isApplication();
    }
}
