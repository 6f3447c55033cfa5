package io.passivetcp.host;

/**
 * Why a host's fingerprints look inconsistent (p0f's {@code NAT_*} reason bits, spec §8.5–8.8).
 *
 * <p>Declared in the order p0f prints them; the words are what p0f prints, not the README's names.
 */
public enum NatReason {
    APP_VS_OS("app_vs_os"),
    OS_DIFF("os_diff"),
    SIG_DIFF("sig_diff"),
    X_KNOWN("x_known"),
    TSTAMP("tstamp"),
    TTL("ttl"),
    PORT("port"),
    MTU("mtu"),
    FUZZY("fuzzy"),
    VIA("via"),
    DATE("date"),
    SRV_SIG_LB("srv_sig_lb"),
    UA_VS_OS("ua_vs_os");

    private static final NatReason[] ALL = values();

    private final String word;

    NatReason(String word) {
        this.word = word;
    }

    /** This reason's bit in a reason set ({@code host_data.nat_reasons}). */
    public int bit() {
        return 1 << ordinal();
    }

    /** The printed word. */
    public String word() {
        return word;
    }

    /** A {@code reason=} value: the words of the set bits in p0f's order, space-separated, or {@code ???}. */
    public static String words(int reasons) {
        StringBuilder sb = new StringBuilder();
        for (NatReason r : ALL) {
            if ((reasons & r.bit()) != 0) {
                sb.append(sb.length() == 0 ? "" : " ").append(r.word);
            }
        }
        return sb.length() == 0 ? "???" : sb.toString();
    }
}
