package io.passivetcp.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Load-time duplicate detection of one HTTP section (spec §3.9) without testing every earlier sig against each new
 * one, which made a large database load in quadratic time.
 *
 * <p>An earlier sig covers a new one only when it is specific, its version is the new one's or {@code *}, and each
 * of its required headers is a required header of the new sig. So the specific sigs are kept in buckets by version
 * and first required header (or none), in file order; only the buckets of the new sig's versions and required
 * headers are tested, with the full rule. The first covering sig in file order is the one the walk would find.
 * Sigs that share their version and first required header (e.g. many sigs differing only in a header value) are
 * still tested pairwise; HTTP sections are small (the stock database has 105 HTTP sigs).
 */
public final class HttpDuplicateIndex {
    private static final int NO_REQUIRED_HEADER = -1;

    private record Key(int version, int firstRequiredHeader) {}

    private final Map<Key, List<HttpSignature>> buckets = new HashMap<>();

    /** Adds a sig that was accepted; generic sigs never cover another. */
    public void add(HttpSignature sig) {
        if (sig.generic()) {
            return;
        }
        int first = NO_REQUIRED_HEADER;
        for (HttpSignature.Header h : sig.horder()) {
            if (!h.optional()) {
                first = h.id();
                break;
            }
        }
        buckets.computeIfAbsent(new Key(sig.version(), first), k -> new ArrayList<>()).add(sig);
    }

    /** The earliest added specific sig that accepts {@code newer} in p0f's duplicate mode, or null. */
    public HttpSignature findCovering(HttpSignature newer) {
        Set<Integer> headers = new LinkedHashSet<>();
        headers.add(NO_REQUIRED_HEADER);
        for (HttpSignature.Header h : newer.horder()) {
            if (!h.optional()) {
                headers.add(h.id());
            }
        }
        Set<Integer> versions = new LinkedHashSet<>(List.of(newer.version(), HttpSignature.ANY_VERSION));
        HttpSignature first = null;
        for (int version : versions) {
            for (int header : headers) {
                List<HttpSignature> bucket = buckets.get(new Key(version, header));
                if (bucket == null) {
                    continue;
                }
                for (HttpSignature earlier : bucket) {
                    if (first != null && earlier.line() > first.line()) {
                        break;
                    }
                    if (HttpSignatureParser.coversAsDuplicate(earlier, newer)) {
                        first = earlier;
                        break;
                    }
                }
            }
        }
        return first;
    }
}
