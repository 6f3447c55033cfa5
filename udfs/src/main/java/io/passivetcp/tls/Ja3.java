package io.passivetcp.tls;

/**
 * JA3 (Salesforce, BSD 3-Clause): the MD5 of {@code version,ciphers,extensions,groups,point formats}, decimal values
 * joined by {@code -}, GREASE removed; the version is the ClientHello's own.
 */
public final class Ja3 {
    private Ja3() {}

    /** The JA3 string, e.g. {@code 771,4865-4866-...,0-23-...,29-23-24,0}. */
    public static String string(ClientHello hello) {
        StringBuilder sb = new StringBuilder(256).append(hello.version()).append(',');
        decimalList(sb, hello.ciphers()).append(',');
        decimalList(sb, hello.extensions()).append(',');
        decimalList(sb, hello.groups()).append(',');
        return decimalList(sb, hello.pointFormats()).toString();
    }

    /** The JA3 fingerprint: lower-case MD5 hex of {@link #string}. */
    public static String hash(String ja3String) {
        return Digests.md5Hex(ja3String);
    }

    private static StringBuilder decimalList(StringBuilder sb, int[] values) {
        boolean first = true;
        for (int v : values) {
            if (!Grease.isGrease(v)) {
                if (!first) {
                    sb.append('-');
                }
                sb.append(v);
                first = false;
            }
        }
        return sb;
    }
}
