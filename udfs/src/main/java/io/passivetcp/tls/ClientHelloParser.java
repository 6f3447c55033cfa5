package io.passivetcp.tls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes a TLS ClientHello from the start of a client's byte stream (TLS records, RFC 8446 §4.1.2, §5.1): the
 * handshake message may span several records. Every length is checked against the bytes that hold it; hostile or
 * truncated input gives {@link ParseResult.Status#REJECTED} with a reason, never an exception.
 *
 * <p>Allocation-free until the ClientHello is complete (the common single-record case is decoded in place).
 */
public final class ClientHelloParser {
    private ClientHelloParser() {}

    /** TLS record content type {@code handshake}, handshake type {@code client_hello}. */
    static final int CONTENT_HANDSHAKE = 22, CLIENT_HELLO = 1;
    /** Record header: type, version (2), length (2). Handshake header: type, length (3). */
    static final int RECORD_HEADER = 5, HANDSHAKE_HEADER = 4;
    /** Longest record plaintext (RFC 8446 §5.1: 2^14). */
    static final int MAX_RECORD = 1 << 14;
    /** Longest ClientHello we keep: the client's first flight is buffered up to 16 KiB per flow. */
    public static final int MAX_FLIGHT = 16 * 1024;
    /** Shortest ClientHello body: version, random, session id length, cipher suites length, compression length. */
    static final int MIN_HELLO = 2 + 32 + 1 + 2 + 1;
    private static final int MAX_SESSION_ID = 32;

    /**
     * Reads the ClientHello that {@code b[off .. off+len)} starts with.
     *
     * @return COMPLETE with the hello, NEED_MORE when the bytes end before it does, NOT_CLIENT_HELLO when they do not
     *         start a TLS handshake record holding a ClientHello, or REJECTED with the first inconsistency
     */
    public static ParseResult parse(byte[] b, int off, int len) {
        int end = off + len;
        if (len >= 1 && b[off] != CONTENT_HANDSHAKE
                || len >= 2 && b[off + 1] != 3
                || len >= 3 && (b[off + 2] & 0xFF) > 4
                || len >= 6 && b[off + 5] != CLIENT_HELLO) {
            return ParseResult.NOT_CLIENT_HELLO;
        }
        if (len <= RECORD_HEADER) {
            // the handshake type still decides between "no ClientHello" and a bad record: wait for it
            return ParseResult.NEED_MORE;
        }
        int recordLength = u16(b, off + 3);
        if (recordLength == 0 || recordLength > MAX_RECORD) {
            return ParseResult.rejected(TlsReject.RECORD_LENGTH);
        }
        if (len < RECORD_HEADER + HANDSHAKE_HEADER) {
            return ParseResult.NEED_MORE;
        }
        int helloLength = u24(b, off + RECORD_HEADER + 1);
        if (helloLength < MIN_HELLO || helloLength > MAX_FLIGHT - RECORD_HEADER - HANDSHAKE_HEADER) {
            return ParseResult.rejected(TlsReject.HELLO_LENGTH);
        }
        int message = HANDSHAKE_HEADER + helloLength;
        if (recordLength >= message) {
            int body = off + RECORD_HEADER + HANDSHAKE_HEADER;
            return body + helloLength > end ? ParseResult.NEED_MORE : parseBody(b, body, helloLength);
        }
        return parseFragmented(b, off, end, message);
    }

    /** A handshake message spread over several records: checks all fragments are there, then joins them. */
    private static ParseResult parseFragmented(byte[] b, int off, int end, int message) {
        int have = 0;
        for (int pos = off; have < message; ) {
            if (pos + RECORD_HEADER > end) {
                return ParseResult.NEED_MORE;
            }
            if (b[pos] != CONTENT_HANDSHAKE || b[pos + 1] != 3) {
                return ParseResult.rejected(TlsReject.RECORD_TYPE);
            }
            int recordLength = u16(b, pos + 3);
            if (recordLength == 0 || recordLength > MAX_RECORD) {
                return ParseResult.rejected(TlsReject.RECORD_LENGTH);
            }
            int available = Math.min(recordLength, end - pos - RECORD_HEADER);
            have += Math.min(available, message - have);
            if (available < recordLength && have < message) {
                return ParseResult.NEED_MORE;
            }
            pos += RECORD_HEADER + recordLength;
        }
        byte[] joined = new byte[message];
        have = 0;
        for (int pos = off; have < message; pos += RECORD_HEADER + u16(b, pos + 3)) {
            int n = Math.min(u16(b, pos + 3), message - have);
            System.arraycopy(b, pos + RECORD_HEADER, joined, have, n);
            have += n;
        }
        return parseBody(joined, HANDSHAKE_HEADER, message - HANDSHAKE_HEADER);
    }

    /** The ClientHello body {@code b[p .. p+n)}: it must be consumed exactly. */
    private static ParseResult parseBody(byte[] b, int p, int n) {
        int end = p + n;
        int version = u16(b, p);
        p += 2 + 32;
        int sessionId = b[p++] & 0xFF;
        if (sessionId > MAX_SESSION_ID || p + sessionId + 2 > end) {
            return ParseResult.rejected(TlsReject.SESSION_ID_LENGTH);
        }
        p += sessionId;
        int cipherBytes = u16(b, p);
        p += 2;
        if ((cipherBytes & 1) != 0 || p + cipherBytes + 1 > end) {
            return ParseResult.rejected(TlsReject.CIPHER_SUITES_LENGTH);
        }
        int[] ciphers = u16List(b, p, cipherBytes);
        p += cipherBytes;
        int compression = b[p++] & 0xFF;
        if (p + compression > end) {
            return ParseResult.rejected(TlsReject.COMPRESSION_LENGTH);
        }
        p += compression;
        Extensions x = new Extensions();
        if (p < end) {
            if (p + 2 > end || p + 2 + u16(b, p) != end) {
                return ParseResult.rejected(TlsReject.EXTENSIONS_LENGTH);
            }
            TlsReject r = x.read(b, p + 2, end);
            if (r != null) {
                return ParseResult.rejected(r);
            }
        }
        return ParseResult.complete(new ClientHello(version, ciphers, x.types, x.hasSni, x.sni, x.alpn,
                x.supportedVersions, x.signatureAlgorithms, x.groups, x.pointFormats));
    }

    /** The extension block and the extensions the fingerprints read (each from its first occurrence). */
    private static final class Extensions {
        private static final int[] NONE = new int[0];

        int[] types = NONE;
        boolean hasSni;
        String sni;
        boolean hasAlpn;
        List<byte[]> alpn = List.of();
        int[] supportedVersions;
        int[] signatureAlgorithms = NONE;
        boolean hasSignatureAlgorithms;
        int[] groups = NONE;
        boolean hasGroups;
        int[] pointFormats = NONE;
        boolean hasPointFormats;

        /** Reads {@code b[p .. end)}; returns the reason when it is inconsistent, else null. */
        TlsReject read(byte[] b, int p, int end) {
            int count = 0;
            for (int q = p; q < end; count++) {
                if (q + 4 > end || q + 4 + u16(b, q + 2) > end) {
                    return TlsReject.EXTENSION_LENGTH;
                }
                q += 4 + u16(b, q + 2);
            }
            types = new int[count];
            for (int i = 0; i < count; i++) {
                int type = u16(b, p);
                int length = u16(b, p + 2);
                types[i] = type;
                if (!body(type, b, p + 4, length)) {
                    return TlsReject.EXTENSION_BODY;
                }
                p += 4 + length;
            }
            return null;
        }

        /** Decodes one extension's body; false when its inner lengths contradict {@code n}. */
        private boolean body(int type, byte[] b, int p, int n) {
            switch (type) {
                case ClientHello.SERVER_NAME:
                    if (hasSni) {
                        return true;
                    }
                    hasSni = true;
                    return n == 0 || serverName(b, p, n);
                case ClientHello.ALPN:
                    if (hasAlpn) {
                        return true;
                    }
                    hasAlpn = true;
                    return alpn(b, p, n);
                case ClientHello.SUPPORTED_VERSIONS:
                    if (supportedVersions != null) {
                        return true;
                    }
                    if (n < 1 || (b[p] & 0xFF) != n - 1 || ((n - 1) & 1) != 0) {
                        return false;
                    }
                    supportedVersions = u16List(b, p + 1, n - 1);
                    return true;
                case ClientHello.SIGNATURE_ALGORITHMS:
                    if (hasSignatureAlgorithms) {
                        return true;
                    }
                    hasSignatureAlgorithms = true;
                    signatureAlgorithms = vector16(b, p, n);
                    return signatureAlgorithms != null;
                case ClientHello.SUPPORTED_GROUPS:
                    if (hasGroups) {
                        return true;
                    }
                    hasGroups = true;
                    groups = vector16(b, p, n);
                    return groups != null;
                case ClientHello.EC_POINT_FORMATS:
                    if (hasPointFormats) {
                        return true;
                    }
                    hasPointFormats = true;
                    if (n < 1 || (b[p] & 0xFF) != n - 1) {
                        return false;
                    }
                    pointFormats = new int[n - 1];
                    for (int i = 0; i < n - 1; i++) {
                        pointFormats[i] = b[p + 1 + i] & 0xFF;
                    }
                    return true;
                default:
                    return true;
            }
        }

        /** {@code ServerNameList} (RFC 6066 §3): keeps the first {@code host_name}. */
        private boolean serverName(byte[] b, int p, int n) {
            if (n < 2 || u16(b, p) != n - 2) {
                return false;
            }
            int end = p + n;
            for (int q = p + 2; q < end; ) {
                if (q + 3 > end || q + 3 + u16(b, q + 1) > end) {
                    return false;
                }
                int length = u16(b, q + 1);
                if (b[q] == 0 && sni == null) {
                    sni = new String(b, q + 3, length, StandardCharsets.ISO_8859_1);
                }
                q += 3 + length;
            }
            return true;
        }

        /** {@code ProtocolNameList} (RFC 7301 §3.1). */
        private boolean alpn(byte[] b, int p, int n) {
            if (n < 2 || u16(b, p) != n - 2) {
                return false;
            }
            List<byte[]> names = new ArrayList<>();
            int end = p + n;
            for (int q = p + 2; q < end; ) {
                int length = b[q] & 0xFF;
                if (q + 1 + length > end) {
                    return false;
                }
                names.add(Arrays.copyOfRange(b, q + 1, q + 1 + length));
                q += 1 + length;
            }
            alpn = List.copyOf(names);
            return true;
        }
    }

    /** A {@code uint16} vector with a 2-byte length filling {@code b[p .. p+n)}; null when inconsistent. */
    private static int[] vector16(byte[] b, int p, int n) {
        if (n < 2 || u16(b, p) != n - 2 || ((n - 2) & 1) != 0) {
            return null;
        }
        return u16List(b, p + 2, n - 2);
    }

    private static int[] u16List(byte[] b, int p, int bytes) {
        int[] values = new int[bytes / 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = u16(b, p + 2 * i);
        }
        return values;
    }

    static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static int u24(byte[] b, int i) {
        return (b[i] & 0xFF) << 16 | u16(b, i + 1);
    }
}
