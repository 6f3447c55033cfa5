package io.passivetcp.host;

import io.passivetcp.P0fConfig;
import io.passivetcp.signature.Label;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.tcp.Quirk;
import io.passivetcp.tcp.TcpSignature;

import java.util.Arrays;

/**
 * p0f's TCP NAT signals ({@code score_nat} of fp_tcp.c, spec §8.6): a kept SYN is compared with the host's
 * previous SYN ({@code last_syn}), a kept SYN+ACK with its previous SYN+ACK ({@code last_synack}) and both with the
 * host's OS memory; the score goes to the board, then the OS memory and {@code last_port} are updated.
 */
final class TcpNatSignals {
    /** Quirks that may legitimately change between two SYNs of one host (ECN negotiation, IP ID policy). */
    private static final int VOLATILE_QUIRKS =
            Quirk.ECN.bit() | Quirk.DF.bit() | Quirk.ID_PLUS.bit() | Quirk.ID_MINUS.bit();
    private static final int P0F_MATCH_FUZZY = 1;
    private static final int P0F_MATCH_GENERIC = 2;

    private TcpNatSignals() {}

    /** Scores the event's fingerprint against the host, updates the host's memory; returns the event, or null. */
    static NatScoreBoard.Alarm apply(HostState h, HostEvent e, SignatureDatabase db) {
        boolean syn = e.tcpKind == HostEvent.SYN;
        TcpSignature cur = db.tcpSignatureAtLine(e.tcpSignatureLine);
        HostState.TcpRecord ref = syn ? h.lastSyn : h.lastSynAck;
        NatScore score = ref == null ? scoreWithoutReference(h, cur) : scoreAgainst(h, e, cur, ref, db);
        NatScoreBoard.Alarm alarm = NatScoreBoard.add(h, e.subjectIsClient, score.reasons(), score.points(),
                e.tsSeconds);
        if (cur != null) {
            Label l = cur.label();
            h.lastClassId = l.classId();
            h.lastNameId = l.nameId();
            h.lastFlavor = l.flavor();
            h.lastQuality = (e.tcpFuzzy ? P0F_MATCH_FUZZY : 0) | (l.generic() ? P0F_MATCH_GENERIC : 0);
        }
        h.lastPort = e.clientPort; // BUG-11: the flow's client port, also when the subject is the server
        return alarm;
    }

    /** First fingerprint of its kind: only the OS memory (maybe from the other role or HTTP) can disagree. */
    private static NatScore scoreWithoutReference(HostState h, TcpSignature cur) {
        NatScore s = new NatScore();
        if (contradictsOsMemory(h, cur)) {
            s.add(NatReason.OS_DIFF, 8);
        }
        return s;
    }

    private static NatScore scoreAgainst(HostState h, HostEvent e, TcpSignature cur, HostState.TcpRecord ref,
            SignatureDatabase db) {
        boolean syn = e.tcpKind == HostEvent.SYN;
        TcpSignature refSig = db.tcpSignatureAtLine(ref.signatureLine);
        NatScore s = new NatScore();
        boolean osDiffers = cur == null || refSig == null
                ? scoreUnknownSignatures(s, e, cur, ref, syn)
                : scoreKnownSignatures(s, e, cur, refSig, ref, syn);
        if (!osDiffers && contradictsOsMemory(h, cur)) {
            s.add(NatReason.OS_DIFF, 8);
            osDiffers = true;
        }
        if (!osDiffers) {
            scoreTtl(s, e, cur, ref, refSig);
        }
        if (syn && sourcePortDropped(h, e)) {
            s.add(NatReason.PORT, 1);
        }
        if (e.mss != ref.mss) {
            s.add(NatReason.MTU, 1);
        }
        if (s.points() > 0 && e.ts1 != 0 && ref.ts1 != 0) {
            scoreTimestamps(s, e, ref);
        }
        return s;
    }

    /** At least one side unmatched: compare the raw fingerprints; never an OS difference. */
    private static boolean scoreUnknownSignatures(NatScore s, HostEvent e, TcpSignature cur, HostState.TcpRecord ref,
            boolean syn) {
        if (((e.quirks ^ ref.quirks) & ~VOLATILE_QUIRKS) != 0) {
            s.add(NatReason.SIG_DIFF, 2);
        } else if (syn && !Arrays.equals(layoutOf(e), ref.layout)) {
            s.add(NatReason.SIG_DIFF, 1); // SYN+ACK layouts may legitimately vary, so only SYNs
        }
        int curLine = cur == null ? -1 : cur.line();
        if (syn && curLine != ref.signatureLine) {
            s.add(NatReason.X_KNOWN, 1); // known -> unknown or unknown -> known
        }
        return false;
    }

    /** Both matched: a different OS name is a big deal; label, line and fuzziness changes are weak (SYN only). */
    private static boolean scoreKnownSignatures(NatScore s, HostEvent e, TcpSignature cur, TcpSignature refSig,
            HostState.TcpRecord ref, boolean syn) {
        if (refSig.label().nameId() != cur.label().nameId()) {
            s.add(NatReason.OS_DIFF, 8);
            return true;
        }
        if (!syn) {
            return false;
        }
        if (refSig.label().id() != cur.label().id()) {
            s.add(NatReason.OS_DIFF, 2);
        } else if (refSig.line() != cur.line()) {
            s.add(NatReason.OS_DIFF, 1);
        } else if (ref.fuzzy != e.tcpFuzzy) {
            s.add(NatReason.FUZZY, 1);
        }
        return false;
    }

    /** Source ports going back by a few dozen: another host's port range (or a wrap, now and then). */
    private static boolean sourcePortDropped(HostState h, HostEvent e) {
        return h.lastPort != 0 && e.clientPort < h.lastPort && h.lastPort - e.clientPort >= P0fConfig.MIN_PORT_DROP;
    }

    /** A matched OS other than the one the host is remembered to run. */
    private static boolean contradictsOsMemory(HostState h, TcpSignature cur) {
        return cur != null && h.lastClassId != HostState.UNKNOWN_ID && h.lastNameId != cur.label().nameId();
    }

    /** TTL changes, unless a bad-TTL sig is involved or the change is 1 hop on a distant host. */
    private static void scoreTtl(NatScore s, HostEvent e, TcpSignature cur, HostState.TcpRecord ref,
            TcpSignature refSig) {
        int t = e.ttl - ref.ttl;
        boolean badTtl = (cur != null && cur.badTtl()) || (refSig != null && refSig.badTtl());
        if (t == 0 || badTtl || (e.tcpDistance > P0fConfig.NEAR_TTL_LIMIT && t <= 1)) {
            return;
        }
        boolean small = e.tcpDistance > P0fConfig.LOCAL_TTL_LIMIT && Math.abs(t) <= P0fConfig.SMALL_TTL_CHG;
        s.add(NatReason.TTL, small ? 1 : 4);
    }

    /**
     * Timestamps within a day of each other that progress faster than 1500 Hz add {@code tstamp}; a plausible
     * progression halves the score instead (the reasons stay recorded).
     */
    private static void scoreTimestamps(NatScore s, HostEvent e, HostState.TcpRecord ref) {
        long ms = e.millis() - ref.recvMillis; // u64 in p0f
        if (Long.compareUnsigned(ms, P0fConfig.MAX_NAT_TS) >= 0) {
            return;
        }
        long use = Math.max(ms, P0fConfig.TSTAMP_GRACE);
        long maxTs = use * (long) P0fConfig.MAX_TSCALE / 1000;
        long d = (e.ts1 - ref.ts1) & 0xFFFF_FFFFL;
        long notD = ~d & 0xFFFF_FFFFL;
        if (d > maxTs && (ms >= P0fConfig.TSTAMP_GRACE || notD > maxTs)) {
            s.add(NatReason.TSTAMP, 4);
        } else {
            s.halve();
        }
    }

    /** The event's option layout (the flow function passes exactly the kinds seen). */
    static byte[] layoutOf(HostEvent e) {
        return e.layout == null ? new byte[0] : e.layout;
    }
}
