package io.passivetcp.tcp;

import io.passivetcp.P0fConfig;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.signature.SignatureDatabase;

import java.util.List;

/**
 * TCP signature matching (spec §4, p0f's {@code tcp_find_match}), also used in "duplicate mode" by the loader
 * (spec §3.9). Stateless.
 */
public final class TcpMatcher {
    /** Quirks that may vanish in a fuzzy match. */
    private static final int MAY_BE_REMOVED = Quirk.DF.bit() | Quirk.ID_PLUS.bit();
    /** Quirks that may appear in a fuzzy match. */
    private static final int MAY_BE_ADDED = Quirk.ID_MINUS.bit() | Quirk.ECN.bit();
    /** What a {@code *} sig drops when compared with an IPv6 packet (or with a non-4 sig, BUG-5). */
    private static final int IPV4_HEADER_QUIRKS = Quirk.DF.bit() | Quirk.ID_PLUS.bit() | Quirk.ID_MINUS.bit();

    private enum Verdict { REJECT, EXACT, FUZZY }

    /** The §4.3 walk's findings; {@code exact} set means the walk stopped at an exact specific sig. */
    private record Walk(TcpSignature exact, TcpSignature generic, TcpSignature fuzzy) {}

    private TcpMatcher() {}

    /**
     * Matches a pure SYN against {@code [tcp:request]} or a SYN+ACK against {@code [tcp:response]}.
     *
     * @param synMss the flow's SYN MSS for a SYN+ACK, 0 for the SYN (§2.3 rule 10)
     */
    public static TcpMatch match(SignatureDatabase db, TcpPacket p, int synMss) {
        return match(p.isSynAck() ? db.tcpResponse() : db.tcpRequest(), p, synMss);
    }

    /** Matches against an explicit section. */
    public static TcpMatch match(List<TcpSignature> section, TcpPacket p, int synMss) {
        return match(section, TcpSubject.of(p, synMss));
    }

    /** Matches a stored SYN ({@code synAck} false) or SYN+ACK fingerprint, as its packet was matched. */
    public static TcpMatch match(SignatureDatabase db, TcpRawSignature raw, boolean synAck) {
        return match(synAck ? db.tcpResponse() : db.tcpRequest(), raw.subject);
    }

    private static TcpMatch match(List<TcpSignature> section, TcpSubject s) {
        Walk w = walk(section, s);
        if (w.exact != null) {
            return new TcpMatch(w.exact, false, u8(w.exact.ittl() - s.ttl));
        }
        if (w.generic != null) {
            return new TcpMatch(w.generic, false, u8(w.generic.ittl() - s.ttl));
        }
        if (w.fuzzy == null) {
            return new TcpMatch(null, false, TtlDistance.guess(s.ttl));
        }
        if (w.fuzzy.label().isApplication()) {
            return unknownWithDistanceZeroBug10();
        }
        return new TcpMatch(w.fuzzy, true, fuzzyDistance(w.fuzzy, s));
    }

    /**
     * BUG-10 (spec §4.3, §10): p0f refuses fuzzy matches of application sigs but returns before guessing the
     * distance, so the SYN prints {@code os=???} with {@code dist=0}. Reproduced for identical output.
     */
    private static TcpMatch unknownWithDistanceZeroBug10() {
        return new TcpMatch(null, false, 0);
    }

    /** The sig's TTL difference when it is plausible (not above, and within MAX_DIST unless bad_ttl), else a guess. */
    private static int fuzzyDistance(TcpSignature sig, TcpSubject s) {
        boolean plausible = sig.ittl() >= s.ttl && (sig.badTtl() || sig.ittl() - s.ttl <= P0fConfig.MAX_DIST);
        return plausible ? sig.ittl() - s.ttl : TtlDistance.guess(s.ttl);
    }

    /**
     * Duplicate detection (spec §3.9): whether {@code sig} accepts the subject (a newer sig) exactly. The layout is
     * not compared here: {@link TcpDuplicateIndex} only offers sigs of the same layout.
     */
    static boolean acceptsExactly(TcpSignature sig, TcpSubject s) {
        return test(sig, s, false) == Verdict.EXACT;
    }

    /** Walks the section in file order (§4.3); stops at the first exact specific sig. */
    private static Walk walk(List<TcpSignature> section, TcpSubject s) {
        TcpSignature generic = null;
        TcpSignature fuzzy = null;
        for (TcpSignature sig : section) {
            if (!sig.sameLayout(s.layout, s.layoutLength)) {
                continue; // §4.1: candidates share the exact option layout
            }
            Verdict v = test(sig, s, fuzzy != null);
            if (v == Verdict.EXACT && !sig.generic()) {
                return new Walk(sig, generic, fuzzy);
            } else if (v == Verdict.EXACT && generic == null) {
                generic = sig;
            } else if (v == Verdict.FUZZY && fuzzy == null) {
                fuzzy = sig;
            }
        }
        return new Walk(null, generic, fuzzy);
    }

    /** §4.2 for one candidate with the same layout. */
    private static Verdict test(TcpSignature sig, TcpSubject s, boolean fuzzyAlreadyFound) {
        int q = quirksComparedWith(sig, s.ipVersion);
        boolean fuzzy = false;
        if (q != s.quirks) {
            int removed = q & ~s.quirks;
            int added = s.quirks & ~q;
            if (fuzzyAlreadyFound || (removed & ~MAY_BE_REMOVED) != 0 || (added & ~MAY_BE_ADDED) != 0) {
                return Verdict.REJECT;
            }
            fuzzy = true;
        }
        if (sig.eolPad() != s.eolPad || sig.olen() != s.olen) {
            return Verdict.REJECT;
        }
        if (sig.badTtl()) {
            if (sig.ittl() < s.ttl) {
                return Verdict.REJECT;
            }
        } else if (sig.ittl() < s.ttl || sig.ittl() - s.ttl > P0fConfig.MAX_DIST) {
            fuzzy = true;
        }
        if (!wildcardOrEqual(sig.mss(), s.mss) || !wildcardOrEqual(sig.wscale(), s.wscale)
                || !wildcardOrEqual(sig.payloadClass(), s.payloadClass) || !windowAccepts(sig, s)) {
            return Verdict.REJECT;
        }
        return fuzzy ? Verdict.FUZZY : Verdict.EXACT;
    }

    /**
     * The sig's quirks as compared with the subject. BUG-4: the sig's IP version is never compared with the
     * packet's (a {@code 4:} sig matches IPv6 and vice versa [T customdb]); only a {@code *} sig adapts, dropping
     * {@code flow} for IPv4 and the IPv4 header quirks otherwise. In duplicate mode a {@code *} or {@code 6:} new
     * sig is "otherwise", hence BUG-5 (identical {@code *} sigs with df/id quirks are not caught).
     */
    static int quirksComparedWith(TcpSignature sig, int subjectVersion) {
        int q = sig.quirks();
        if (sig.ipVersion() == TcpSignature.ANY) {
            q &= subjectVersion == 4 ? ~Quirk.FLOW.bit() : ~IPV4_HEADER_QUIRKS;
        }
        return q;
    }

    /** A sig wildcard accepts anything; a subject wildcard (duplicate mode) only a wildcard. */
    private static boolean wildcardOrEqual(int sigValue, int subjectValue) {
        return sigValue == TcpSignature.ANY || sigValue == subjectValue;
    }

    private static boolean windowAccepts(TcpSignature sig, TcpSubject s) {
        if (s.windowType != WindowType.LITERAL) {
            // two database sigs: the same rule, or no match
            return sig.windowType() == s.windowType && sig.window() == s.window;
        }
        return switch (sig.windowType()) {
            case LITERAL -> sig.window() == s.window;
            case MODULO -> s.window % sig.window() == 0;
            case MSS -> s.multiplier.matches(false, sig.window());
            case MTU -> s.multiplier.matches(true, sig.window());
            case ANY -> true;
        };
    }

    private static int u8(int value) {
        return value & 0xFF;
    }
}
