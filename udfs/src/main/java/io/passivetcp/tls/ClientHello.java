package io.passivetcp.tls;

import java.util.List;

/**
 * What a TLS ClientHello offers, in wire order, GREASE values included (fingerprints drop them).
 *
 * @param version             the ClientHello's own {@code legacy_version} (not the record layer's)
 * @param ciphers             cipher suite code points
 * @param extensions          extension types, every occurrence
 * @param hasSni              a {@code server_name} extension is present (whatever it holds)
 * @param sni                 its first {@code host_name}, bytes as ISO-8859-1 characters; null when none
 * @param alpn                protocol names of the first {@code application_layer_protocol_negotiation} extension,
 *                            raw bytes; empty when absent
 * @param supportedVersions   {@code supported_versions} list; null when the extension is absent
 * @param signatureAlgorithms {@code signature_algorithms} list; empty when absent
 * @param groups              {@code supported_groups} (elliptic curves); empty when absent
 * @param pointFormats        {@code ec_point_formats}; empty when absent
 */
public record ClientHello(int version, int[] ciphers, int[] extensions, boolean hasSni, String sni,
        List<byte[]> alpn, int[] supportedVersions, int[] signatureAlgorithms, int[] groups, int[] pointFormats) {

    /** Extension types (IANA TLS ExtensionType values) the fingerprints read. */
    public static final int SERVER_NAME = 0x0000, SUPPORTED_GROUPS = 0x000a, EC_POINT_FORMATS = 0x000b,
            SIGNATURE_ALGORITHMS = 0x000d, ALPN = 0x0010, SUPPORTED_VERSIONS = 0x002b;

    /**
     * The versions offered, GREASE removed: {@code supported_versions} when present, otherwise the ClientHello's
     * version alone.
     */
    public int[] offeredVersions() {
        if (supportedVersions == null) {
            return new int[] {version};
        }
        return withoutGrease(supportedVersions);
    }

    /** The highest version offered (JA4's version): the largest non-GREASE {@code supported_versions} entry. */
    public int highestVersion() {
        int best = -1;
        if (supportedVersions != null) {
            for (int v : supportedVersions) {
                if (!Grease.isGrease(v) && v > best) {
                    best = v;
                }
            }
        }
        return best < 0 ? version : best;
    }

    /** {@code values} without GREASE, in order. */
    static int[] withoutGrease(int[] values) {
        int n = 0;
        for (int v : values) {
            if (!Grease.isGrease(v)) {
                n++;
            }
        }
        int[] out = new int[n];
        int i = 0;
        for (int v : values) {
            if (!Grease.isGrease(v)) {
                out[i++] = v;
            }
        }
        return out;
    }
}
