package io.passivetcp.tcp;

import io.passivetcp.P0fConfig;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.signature.SignatureDatabase;

/**
 * Everything a {@code syn}, {@code syn+ack}, {@code sendsyn probe} or {@code sendsyn response} event prints
 * (spec §4.5, raw_sig per §2.5), computed once. Immutable.
 */
public final class TcpFingerprint {
    /** Printed label value when nothing matched. */
    public static final String UNKNOWN = "???";

    private final TcpMatch match;
    private final String labelKey;
    private final String labelValue;
    private final String dist;
    private final String params;
    private final String rawSig;

    private TcpFingerprint(TcpMatch match, String labelKey, String labelValue, String dist, String params,
            String rawSig) {
        this.match = match;
        this.labelKey = labelKey;
        this.labelValue = labelValue;
        this.dist = dist;
        this.params = params;
        this.rawSig = rawSig;
    }

    /**
     * Fingerprints a pure SYN (against {@code [tcp:request]}) or a SYN+ACK (against {@code [tcp:response]}).
     *
     * @param synMss  the flow's SYN MSS for a SYN+ACK, 0 for the SYN
     * @param sendsyn the flow was opened by a p0f-sendsyn probe (see {@link #isSendsynProbe})
     */
    public static TcpFingerprint of(SignatureDatabase db, TcpPacket p, int synMss, boolean sendsyn) {
        return of(TcpMatcher.match(db, p, synMss), sendsyn, p.tos, rawSig(p, synMss));
    }

    /**
     * What a match prints: the packet-free part of {@link #of(SignatureDatabase, TcpPacket, int, boolean)}, for a
     * stored fingerprint matched again ({@link TcpMatcher#match(SignatureDatabase, TcpRawSignature, boolean)}).
     *
     * @param tos the packet's 6-bit DSCP
     */
    public static TcpFingerprint of(TcpMatch m, boolean sendsyn, int tos, String rawSig) {
        String key = m.matched() && (m.application() || sendsyn) ? "app" : "os";
        String value = m.matched() ? m.signature().label().displayName() : UNKNOWN;
        String dist = m.badTtl() ? "<= " + m.distance() : Integer.toString(m.distance());
        return new TcpFingerprint(m, key, value, dist, params(m, tos), rawSig);
    }

    /** A pure SYN with p0f-sendsyn's window and MSS: its flow is a sendsyn flow (spec §8.2). */
    public static boolean isSendsynProbe(TcpPacket p) {
        return p.isPureSyn() && p.win == P0fConfig.SPECIAL_WIN && p.mss == P0fConfig.SPECIAL_MSS;
    }

    /** generic, fuzzy, random_ttl (matched sig only), excess_dist, tos:0xNN; or "none". */
    private static String params(TcpMatch m, int tos) {
        StringBuilder sb = new StringBuilder();
        if (m.generic()) {
            sb.append(" generic");
        }
        if (m.fuzzy()) {
            sb.append(" fuzzy");
        }
        if (m.badTtl()) {
            sb.append(" random_ttl");
        }
        if (m.distance() > P0fConfig.MAX_DIST) {
            sb.append(" excess_dist");
        }
        if (tos != 0) {
            sb.append(" tos:0x").append(String.format("%02x", tos));
        }
        return sb.length() == 0 ? "none" : sb.substring(1);
    }

    /** §2.5: {@code ver:ttl+guess:olen:mss:win,wscale:layout:quirks:pclass}. */
    public static String rawSig(TcpPacket p, int synMss) {
        StringBuilder sb = new StringBuilder(96);
        int guess = TtlDistance.guess(p.ttl);
        sb.append(p.ipVersion).append(':').append(p.ttl).append('+');
        if (guess > P0fConfig.MAX_DIST) {
            sb.append('?');
        } else {
            sb.append(guess);
        }
        sb.append(':').append(p.olen).append(':');
        if (isSendsynEcho(p)) {
            sb.append('*');
        } else {
            sb.append(p.mss);
        }
        sb.append(':');
        WindowMultiplier wm = WindowMultiplier.of(p, synMss);
        if (wm.found()) {
            sb.append(wm);
        } else {
            sb.append(p.win);
        }
        sb.append(',').append(p.wscale).append(':');
        for (int i = 0; i < p.layoutLength; i++) {
            if (i > 0) {
                sb.append(',');
            }
            TcpOption.appendToken(sb, p.layoutKind(i), p.eolPad);
        }
        sb.append(':').append(Quirk.render(p.quirks)).append(':').append(p.payLen > 0 ? '+' : '0');
        return sb.toString();
    }

    /** A SYN+ACK echoing p0f-sendsyn's MSS: p0f suggests a wildcard MSS for the reply's sig. */
    private static boolean isSendsynEcho(TcpPacket p) {
        return p.isSynAck() && p.mss == P0fConfig.SPECIAL_MSS;
    }

    /** The option layout as in a raw_sig, e.g. {@code mss,sok,ts,nop,ws} ("" when there are no options). */
    public static String optionLayout(TcpPacket p) {
        StringBuilder sb = new StringBuilder(32);
        for (int i = 0; i < p.layoutLength; i++) {
            if (i > 0) {
                sb.append(',');
            }
            TcpOption.appendToken(sb, p.layoutKind(i), p.eolPad);
        }
        return sb.toString();
    }

    /** The guessed initial TTL: the nearest of 32, 64, 128 and 255 at or above the observed TTL. */
    public static int initialTtl(TcpPacket p) {
        return p.ttl + TtlDistance.guess(p.ttl);
    }

    /** The payload class as in a raw_sig: {@code +} with payload, else {@code 0}. */
    public static String payloadClass(TcpPacket p) {
        return p.payLen > 0 ? "+" : "0";
    }

    public TcpMatch match() {
        return match;
    }

    /**
     * {@code app} when the matched sig is an application's, or for any matched sig on a sendsyn flow (Q-26: even
     * an OS sig of a sendsyn response prints as {@code app}); otherwise {@code os}.
     */
    public String labelKey() {
        return labelKey;
    }

    /** {@code Name} / {@code Name Flavor}, or {@code ???}. */
    public String labelValue() {
        return labelValue;
    }

    /** {@code N}, or {@code <= N} for a bad-TTL ({@code N-}) match. */
    public String dist() {
        return dist;
    }

    public String params() {
        return params;
    }

    public String rawSig() {
        return rawSig;
    }

    @Override
    public String toString() {
        return labelKey + "=" + labelValue + "|dist=" + dist + "|params=" + params + "|raw_sig=" + rawSig;
    }
}
