package io.passivetcp.tls;

/** TLS protocol version code points and how fingerprints print them. */
public final class TlsVersion {
    private TlsVersion() {}

    public static final int SSL_2_0 = 0x0002, SSL_3_0 = 0x0300, TLS_1_0 = 0x0301, TLS_1_1 = 0x0302,
            TLS_1_2 = 0x0303, TLS_1_3 = 0x0304, DTLS_1_0 = 0xfeff, DTLS_1_2 = 0xfefd, DTLS_1_3 = 0xfefc;

    /** JA4's two characters for a version (JA4 spec, "TLS and DTLS Version"); {@code 00} when unknown. */
    public static String ja4Code(int v) {
        return switch (v) {
            case TLS_1_3 -> "13";
            case TLS_1_2 -> "12";
            case TLS_1_1 -> "11";
            case TLS_1_0 -> "10";
            case SSL_3_0 -> "s3";
            case SSL_2_0 -> "s2";
            case DTLS_1_0 -> "d1";
            case DTLS_1_2 -> "d2";
            case DTLS_1_3 -> "d3";
            default -> "00";
        };
    }

    /** A readable name, e.g. {@code TLSv1.3}; {@code 0x7f17} style for anything else (drafts, unknown). */
    public static String name(int v) {
        return switch (v) {
            case TLS_1_3 -> "TLSv1.3";
            case TLS_1_2 -> "TLSv1.2";
            case TLS_1_1 -> "TLSv1.1";
            case TLS_1_0 -> "TLSv1";
            case SSL_3_0 -> "SSLv3";
            case SSL_2_0 -> "SSLv2";
            case DTLS_1_0 -> "DTLSv1.0";
            case DTLS_1_2 -> "DTLSv1.2";
            case DTLS_1_3 -> "DTLSv1.3";
            default -> String.format("0x%04x", v);
        };
    }
}
