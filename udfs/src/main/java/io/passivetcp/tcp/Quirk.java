package io.passivetcp.tcp;

/**
 * p0f's TCP/IP quirks, in p0f's canonical order (spec §2.2), which is also their rendering order in a raw_sig.
 * A packet or signature holds them as a bit set: {@link #bit()} of each quirk present.
 */
public enum Quirk {
    DF("df"),
    ID_PLUS("id+"),
    ID_MINUS("id-"),
    ECN("ecn"),
    ZERO_PLUS("0+"),
    FLOW("flow"),
    SEQ_MINUS("seq-"),
    ACK_PLUS("ack+"),
    ACK_MINUS("ack-"),
    UPTR_PLUS("uptr+"),
    URGF_PLUS("urgf+"),
    PUSHF_PLUS("pushf+"),
    TS1_MINUS("ts1-"),
    TS2_PLUS("ts2+"),
    OPT_PLUS("opt+"),
    EXWS("exws"),
    BAD("bad");

    private static final Quirk[] ALL = values();

    private final String token;

    Quirk(String token) {
        this.token = token;
    }

    /** The p0f.fp / raw_sig token, e.g. {@code id+}. */
    public String token() {
        return token;
    }

    public int bit() {
        return 1 << ordinal();
    }

    public boolean in(int quirks) {
        return (quirks & bit()) != 0;
    }

    /** The quirk with this token, or null. */
    public static Quirk fromToken(String token) {
        for (Quirk q : ALL) {
            if (q.token.equals(token)) {
                return q;
            }
        }
        return null;
    }

    /** Renders a bit set as p0f does: tokens in canonical order, comma-separated, empty when none. */
    public static String render(int quirks) {
        StringBuilder sb = new StringBuilder();
        for (Quirk q : ALL) {
            if (q.in(quirks)) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(q.token);
            }
        }
        return sb.toString();
    }
}
