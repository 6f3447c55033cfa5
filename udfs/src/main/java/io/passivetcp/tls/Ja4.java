package io.passivetcp.tls;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * JA4, the TLS client fingerprint of FoxIO's JA4 specification (BSD 3-Clause), for TLS over TCP:
 * {@code t13d1516h2_8daaf6152771_e5627efa2ab1}, i.e. {@code a_b_c} where
 * <ul>
 * <li>{@code a} = {@code t}, the version (the highest of {@code supported_versions}, else the ClientHello's own),
 * {@code d} (SNI present) or {@code i}, the cipher and extension counts (capped at 99), and the first and last
 * characters of the first ALPN value ({@code 00} when none);</li>
 * <li>{@code b} = the first 12 hex digits of SHA-256 over the sorted cipher list;</li>
 * <li>{@code c} = the same over the sorted extension list without SNI and ALPN, then {@code _} and the signature
 * algorithms in wire order (no {@code _} when there are none).</li>
 * </ul>
 * GREASE is removed everywhere, signature algorithms included; an empty list hashes to {@code 000000000000}.
 * {@link #raw} prints the lists instead of hashes, {@link #original} keeps the wire order and SNI and ALPN.
 */
public final class Ja4 {
    /** How a first ALPN value whose first or last byte is not alphanumeric is printed. */
    public enum AlpnRule {
        /** The current specification: the first and last characters of the value's hex form. */
        HEX,
        /** Older reference code: each non-alphanumeric character becomes {@code 9}. */
        NINE
    }

    static final String EMPTY_HASH = "000000000000";

    private final String a;
    private final String sortedCiphers;
    private final String sortedExtensions;
    private final String originalCiphers;
    private final String originalExtensions;

    private Ja4(String a, String sortedCiphers, String sortedExtensions, String originalCiphers,
            String originalExtensions) {
        this.a = a;
        this.sortedCiphers = sortedCiphers;
        this.sortedExtensions = sortedExtensions;
        this.originalCiphers = originalCiphers;
        this.originalExtensions = originalExtensions;
    }

    /** JA4 of {@code hello} by the current specification. */
    public static Ja4 of(ClientHello hello) {
        return of(hello, AlpnRule.HEX, false);
    }

    /**
     * JA4 of {@code hello}, optionally by the rules of older implementations (to explain their output).
     *
     * @param keepSignatureGrease keep GREASE signature algorithms, as FoxIO's older reference code did
     */
    public static Ja4 of(ClientHello hello, AlpnRule alpnRule, boolean keepSignatureGrease) {
        int[] ciphers = ClientHello.withoutGrease(hello.ciphers());
        int[] extensions = ClientHello.withoutGrease(hello.extensions());
        int[] signatures = keepSignatureGrease ? hello.signatureAlgorithms()
                : ClientHello.withoutGrease(hello.signatureAlgorithms());
        String a = "t" + TlsVersion.ja4Code(hello.highestVersion()) + (hello.hasSni() ? 'd' : 'i')
                + twoDigits(ciphers.length) + twoDigits(extensions.length) + alpnChars(hello.alpn(), alpnRule);
        int[] hashedExtensions = Arrays.stream(extensions)
                .filter(e -> e != ClientHello.SERVER_NAME && e != ClientHello.ALPN).toArray();
        String sigs = hexList(signatures);
        return new Ja4(a, hexList(sorted(ciphers)), withSignatures(hexList(sorted(hashedExtensions)), sigs),
                hexList(ciphers), withSignatures(hexList(extensions), sigs));
    }

    /** {@code t13d1516h2_8daaf6152771_e5627efa2ab1}. */
    public String fingerprint() {
        return a + '_' + hash12(sortedCiphers) + '_' + hash12(sortedExtensions);
    }

    /** {@code ja4_r}: the sorted lists themselves. */
    public String raw() {
        return a + '_' + sortedCiphers + '_' + sortedExtensions;
    }

    /** {@code ja4_o}: hashes of the lists in wire order, SNI and ALPN included. */
    public String original() {
        return a + '_' + hash12(originalCiphers) + '_' + hash12(originalExtensions);
    }

    /** {@code ja4_ro}: the wire-order lists themselves. */
    public String rawOriginal() {
        return a + '_' + originalCiphers + '_' + originalExtensions;
    }

    private static String withSignatures(String extensions, String signatures) {
        return signatures.isEmpty() ? extensions : extensions + '_' + signatures;
    }

    /** Empty lists (no ciphers; no extensions left) print {@code 000000000000} rather than a hash of nothing. */
    private static String hash12(String list) {
        return list.isEmpty() || list.charAt(0) == '_' ? EMPTY_HASH : Digests.sha256Hex(list).substring(0, 12);
    }

    private static String twoDigits(int count) {
        int n = Math.min(count, 99);
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /** First and last characters of the first ALPN value; {@code 00} when there is none or it is empty. */
    static String alpnChars(List<byte[]> alpn, AlpnRule rule) {
        if (alpn.isEmpty() || alpn.get(0).length == 0) {
            return "00";
        }
        byte[] v = alpn.get(0);
        char first = (char) (v[0] & 0xFF), last = (char) (v[v.length - 1] & 0xFF);
        if (isAlphanumeric(first) && isAlphanumeric(last)) {
            return "" + first + last;
        }
        if (rule == AlpnRule.NINE) {
            return "" + (isAlphanumeric(first) ? first : '9') + (isAlphanumeric(last) ? last : '9');
        }
        String hex = HexFormat.of().formatHex(v);
        return "" + hex.charAt(0) + hex.charAt(hex.length() - 1);
    }

    private static boolean isAlphanumeric(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static int[] sorted(int[] values) {
        int[] s = values.clone();
        Arrays.sort(s);
        return s;
    }

    /** {@code 002f,0035,...}: four lower-case hex digits each, comma-separated. */
    private static String hexList(int[] values) {
        StringBuilder sb = new StringBuilder(values.length * 5);
        for (int v : values) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(Character.forDigit(v >>> 12 & 0xF, 16)).append(Character.forDigit(v >>> 8 & 0xF, 16))
                    .append(Character.forDigit(v >>> 4 & 0xF, 16)).append(Character.forDigit(v & 0xF, 16));
        }
        return sb.toString();
    }
}
