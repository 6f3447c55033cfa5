package io.passivetcp.tls;

import java.util.Locale;

/** Why a connection's first flight gave no TLS fingerprint although it started like a ClientHello. */
public enum TlsReject {
    /** A record of length 0 or beyond the 2^14 bytes TLS allows (RFC 8446 §5.1). */
    RECORD_LENGTH,
    /** A record other than handshake interrupts the ClientHello. */
    RECORD_TYPE,
    /** The handshake length is too short for a ClientHello or longer than the 16 KiB first flight we keep. */
    HELLO_LENGTH,
    /** The session id is longer than 32 bytes or runs past the ClientHello. */
    SESSION_ID_LENGTH,
    /** The cipher suite list has an odd length or runs past the ClientHello. */
    CIPHER_SUITES_LENGTH,
    /** The compression method list runs past the ClientHello. */
    COMPRESSION_LENGTH,
    /** The extension block does not end exactly where the ClientHello does. */
    EXTENSIONS_LENGTH,
    /** One extension's length runs past the extension block. */
    EXTENSION_LENGTH,
    /** A list inside an extension the fingerprints read (SNI, ALPN, versions, ...) contradicts its length. */
    EXTENSION_BODY,
    /** The client's first flight filled 16 KiB without completing the ClientHello. */
    TOO_LONG,
    /** The connection ended or expired before the ClientHello was complete (a gap, or a lost segment). */
    INCOMPLETE;

    /** The metric name, e.g. {@code extension_length}. */
    public String metricName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
