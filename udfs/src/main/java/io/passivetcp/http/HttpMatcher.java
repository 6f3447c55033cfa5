package io.passivetcp.http;

import java.util.List;

/**
 * Spec §7.6: finds the signature of one direction's section that an observed header block satisfies, and decides
 * {@code dishonest}. p0f's Bloom-mask pre-filters are left out: they have no false negatives and every candidate is
 * confirmed by the exact scan below, so they never change a result.
 */
final class HttpMatcher {
    private HttpMatcher() {}

    /** The first matching specific sig in file order, else the first matching generic one, else null. */
    static HttpSignature match(List<HttpSignature> section, HttpMessage m) {
        HttpSignature firstGeneric = null;
        for (HttpSignature sig : section) {
            if (!accepts(sig, m)) {
                continue;
            }
            if (!sig.generic()) {
                return sig;
            }
            if (firstGeneric == null) {
                firstGeneric = sig;
            }
        }
        return firstGeneric;
    }

    /** Version, ordered header walk, then the absent list. */
    static boolean accepts(HttpSignature sig, HttpMessage m) {
        if (sig.version() != HttpSignature.ANY_VERSION && sig.version() != m.version()) {
            return false;
        }
        if (!headersInOrder(sig.horder(), m)) {
            return false;
        }
        for (HttpSignature.Header absent : sig.habsent()) {
            if (m.has(absent.id())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Each sig entry must be found after the previous one's position, carrying the required substring. An optional
     * entry may be missing altogether, but if it occurs only before the current position the sig fails. Observed
     * headers the sig does not name are allowed anywhere.
     */
    private static boolean headersInOrder(List<HttpSignature.Header> horder, HttpMessage m) {
        List<HttpMessage.Header> seen = m.headers();
        int pos = 0;
        for (HttpSignature.Header e : horder) {
            int j = indexOf(seen, e.id(), pos);
            if (j < 0) {
                if (!e.optional() || m.has(e.id())) {
                    return false;
                }
                continue;
            }
            String value = seen.get(j).value();
            if (e.value() != null && (value == null || !CStrings.contains(value, e.value()))) {
                return false;
            }
            pos = j + 1;
        }
        return true;
    }

    private static int indexOf(List<HttpMessage.Header> headers, int id, int from) {
        for (int i = from; i < headers.size(); i++) {
            if (headers.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    /** The sig expects a software string that the observed User-Agent/Server does not contain (§7.6). */
    static boolean dishonest(HttpSignature match, String software) {
        return match != null && !match.expsw().isEmpty() && software != null
                && !CStrings.contains(software, match.expsw());
    }
}
