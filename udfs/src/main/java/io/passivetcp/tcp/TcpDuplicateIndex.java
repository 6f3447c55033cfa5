package io.passivetcp.tcp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Load-time duplicate detection of one TCP section (spec §3.9) without walking the whole section for each new sig,
 * which made a large database load in quadratic time.
 *
 * <p>An earlier sig covers a new one only when it is specific and accepts it exactly (§4.2): the same option layout,
 * EOL padding, IP option length and quirks (as compared for the new sig's IP version), an MSS equal to the new one's
 * or a wildcard, and a window rule that accepts the new window: the same literal value, any rule (modulo, multiple,
 * wildcard) for a literal new window, and the very same rule for a new rule. So the specific sigs are kept in
 * buckets by exactly those values, in file order, and only the few buckets that can hold a covering sig are tested,
 * with the matcher's own test. The first covering sig in file order is the one the walk would find.
 */
public final class TcpDuplicateIndex {
    /** {@code windowType} null: the bucket of every window rule (non-literal window) with these other values. */
    private record Key(String layout, int eolPad, int olen, int quirks, int mss, WindowType windowType, int window) {}

    /** Buckets with each sig's quirks as compared with a new {@code 4:} sig, which plays an IPv4 packet. */
    private final Map<Key, List<TcpSignature>> forIpv4 = new HashMap<>();
    /** Buckets with each sig's quirks as compared with a new {@code 6:} or {@code *} sig (BUG-5). */
    private final Map<Key, List<TcpSignature>> forOthers = new HashMap<>();

    /** Adds a sig that was accepted; generic sigs never cover another. */
    public void add(TcpSignature sig) {
        if (sig.generic()) {
            return;
        }
        add(forIpv4, sig, TcpMatcher.quirksComparedWith(sig, 4));
        add(forOthers, sig, TcpMatcher.quirksComparedWith(sig, 6));
    }

    private static void add(Map<Key, List<TcpSignature>> buckets, TcpSignature sig, int quirks) {
        buckets.computeIfAbsent(key(sig, quirks, sig.mss(), sig.windowType(), sig.window()), k -> new ArrayList<>())
                .add(sig);
        if (sig.windowType() != WindowType.LITERAL) {
            buckets.computeIfAbsent(key(sig, quirks, sig.mss(), null, 0), k -> new ArrayList<>()).add(sig);
        }
    }

    /** The earliest added specific sig that accepts {@code newer} exactly, treating it as the packet; or null. */
    public TcpSignature findCovering(TcpSignature newer) {
        TcpSubject subject = TcpSubject.of(newer);
        Map<Key, List<TcpSignature>> buckets = subject.ipVersion == 4 ? forIpv4 : forOthers;
        TcpSignature first = null;
        int[] mssValues = subject.mss == TcpSignature.ANY ? new int[] {TcpSignature.ANY}
                : new int[] {subject.mss, TcpSignature.ANY};
        for (int mss : mssValues) {
            first = earlier(first, firstCovering(
                    buckets.get(key(newer, subject.quirks, mss, subject.windowType, subject.window)), subject));
            if (subject.windowType == WindowType.LITERAL) {
                first = earlier(first, firstCovering(buckets.get(key(newer, subject.quirks, mss, null, 0)), subject));
            }
        }
        return first;
    }

    private static TcpSignature earlier(TcpSignature a, TcpSignature b) {
        return a == null || (b != null && b.line() < a.line()) ? b : a;
    }

    private static TcpSignature firstCovering(List<TcpSignature> bucket, TcpSubject subject) {
        if (bucket != null) {
            for (TcpSignature earlier : bucket) {
                if (TcpMatcher.acceptsExactly(earlier, subject)) {
                    return earlier;
                }
            }
        }
        return null;
    }

    private static Key key(TcpSignature sig, int quirks, int mss, WindowType windowType, int window) {
        StringBuilder layout = new StringBuilder(sig.layoutLength());
        for (int i = 0; i < sig.layoutLength(); i++) {
            layout.append((char) sig.layoutKind(i));
        }
        return new Key(layout.toString(), sig.eolPad(), sig.olen(), quirks, mss, windowType, window);
    }
}
