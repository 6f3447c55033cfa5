package io.passivetcp.tcp;

import io.passivetcp.P0fConfig;
import io.passivetcp.packet.TcpPacket;

/**
 * Window-as-a-multiple detection (spec §2.3, p0f's {@code detect_win_multi}): used to render {@code mss*N} /
 * {@code mtu*N} in a raw_sig and to match database {@code mss*N} / {@code mtu*N} windows. Immutable.
 *
 * <p>The value is p0f's signed 16-bit result: pathological SYN MSS values (below 12 on a SYN+ACK) can make it
 * negative or wrap; such values render as a plain window and match no database multiplier, as in p0f.
 */
public final class WindowMultiplier {
    /** No divisor found. */
    public static final WindowMultiplier NONE = new WindowMultiplier(-1, false);

    /** Literal of detect_win_multi (not in config.h): below this MSS no multiple is tried. */
    private static final int MIN_MSS = 100;
    /** Literal of detect_win_multi: the Ethernet MTU assumed by "wrong interface" stacks. */
    private static final int ETHERNET_MTU = 1500;
    /** Literal of detect_win_multi: bytes some stacks subtract for the timestamp option. */
    private static final int TIMESTAMP_BYTES = 12;

    private final int value;
    private final boolean mtu;

    private WindowMultiplier(int value, boolean mtu) {
        this.value = value;
        this.mtu = mtu;
    }

    /** For a packet; {@code synMss} is the flow's SYN MSS when {@code p} is a SYN+ACK, else 0. */
    public static WindowMultiplier of(TcpPacket p, int synMss) {
        return detect(p.win, p.mss, p.ts1, p.totHdr, p.ipVersion == 6, synMss);
    }

    /** The multiple a raw_sig's window field shows ({@code mss*N} / {@code mtu*N}), or {@link #NONE}. */
    static WindowMultiplier printed(String window) {
        boolean mss = window.startsWith("mss*");
        if (!mss && !window.startsWith("mtu*")) {
            return NONE;
        }
        try {
            int value = Integer.parseInt(window.substring(4));
            if (value <= 0) {
                throw new NumberFormatException();
            }
            return new WindowMultiplier(value, !mss);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a window multiple: " + window);
        }
    }

    /** The §2.3 rules in order; the first divisor that divides {@code win} wins. */
    public static WindowMultiplier detect(int win, int mss, long ts1, int totHdr, boolean ipv6, int synMss) {
        if (win == 0 || mss < MIN_MSS) {
            return NONE;
        }
        WindowMultiplier m = firstMssDivisor(win, mss, ts1 != 0, ipv6);
        if (m == null) {
            m = firstMtuDivisor(win, mss, totHdr, ipv6);
        }
        if (m == null && synMss != 0) {
            // rule 10: a SYN+ACK may size its window after the peer's MSS
            m = divide(win, synMss, false);
            if (m == null) {
                m = divide(win, synMss - TIMESTAMP_BYTES, false);
            }
        }
        return m == null ? NONE : m;
    }

    /** Rules 1–5: own MSS, MSS minus timestamps, then the MSS of a 1500-byte MTU (IPv4, then IPv6 variants). */
    private static WindowMultiplier firstMssDivisor(int win, int mss, boolean timestamps, boolean ipv6) {
        int ethernetMss4 = ETHERNET_MTU - P0fConfig.MIN_TCP4;
        int ethernetMss6 = ETHERNET_MTU - P0fConfig.MIN_TCP6;
        WindowMultiplier m = divide(win, mss, false);
        if (m == null && timestamps) {
            m = divide(win, mss - TIMESTAMP_BYTES, false);
        }
        if (m == null) {
            m = divide(win, ethernetMss4, false);
        }
        if (m == null) {
            m = divide(win, ethernetMss4 - TIMESTAMP_BYTES, false);
        }
        if (m == null && ipv6) {
            m = divide(win, ethernetMss6, false);
            if (m == null) {
                m = divide(win, ethernetMss6 - TIMESTAMP_BYTES, false);
            }
        }
        return m;
    }

    /** Rules 6–9: stacks that use an MTU instead of the MSS. */
    private static WindowMultiplier firstMtuDivisor(int win, int mss, int totHdr, boolean ipv6) {
        WindowMultiplier m = divide(win, mss + P0fConfig.MIN_TCP4, true);
        if (m == null) {
            m = divide(win, mss + totHdr, true);
        }
        if (m == null && ipv6) {
            m = divide(win, mss + P0fConfig.MIN_TCP6, true);
        }
        if (m == null) {
            m = divide(win, ETHERNET_MTU, true);
        }
        return m;
    }

    /**
     * The multiple if {@code divisor} divides {@code win}, cut to 16 signed bits as p0f's s16 result is. A zero
     * divisor (SYN MSS exactly 12) would crash p0f with SIGFPE; it is skipped here.
     */
    private static WindowMultiplier divide(int win, int divisor, boolean mtu) {
        if (divisor == 0 || win % divisor != 0) {
            return null;
        }
        return new WindowMultiplier((short) (win / divisor), mtu);
    }

    /** Whether raw_sig renders the window as a multiple ({@code N > 0}). */
    public boolean found() {
        return value > 0;
    }

    /** N, or -1 when none (p0f's value; may be otherwise negative, see the class comment). */
    public int value() {
        return value;
    }

    /** True for {@code mtu*N}, false for {@code mss*N}. */
    public boolean mtu() {
        return mtu;
    }

    /** Whether a database window {@code mss*n} ({@code mtuKind} false) or {@code mtu*n} (true) accepts this. */
    public boolean matches(boolean mtuKind, int n) {
        return mtu == mtuKind && value == n;
    }

    /** {@code mss*N} / {@code mtu*N}, or "none". */
    @Override
    public String toString() {
        return found() ? (mtu ? "mtu*" : "mss*") + value : "none";
    }
}
