package io.passivetcp.tcp;

import io.passivetcp.signature.Label;
import io.passivetcp.signature.Signature;

import java.util.Arrays;

/**
 * One TCP {@code sig} line of {@code [tcp:request]} or {@code [tcp:response]}, parsed (spec §3.7):
 * {@code ver:ittl:olen:mss:wsize,scale:olayout:quirks:pclass}. Immutable.
 */
public final class TcpSignature extends Signature {
    /** {@link #ipVersion()}, {@link #mss()}, {@link #wscale()}, {@link #payloadClass()} wildcard ({@code *}). */
    public static final int ANY = -1;

    private final int ipVersion;
    private final int ittl;
    private final boolean badTtl;
    private final int olen;
    private final int mss;
    private final WindowType windowType;
    private final int window;
    private final int wscale;
    private final byte[] layout;
    private final int eolPad;
    private final int quirks;
    private final int payloadClass;

    TcpSignature(Label label, int line, int ipVersion, int ittl, boolean badTtl, int olen, int mss,
            WindowType windowType, int window, int wscale, byte[] layout, int eolPad, int quirks, int payloadClass) {
        super(label, line);
        this.ipVersion = ipVersion;
        this.ittl = ittl;
        this.badTtl = badTtl;
        this.olen = olen;
        this.mss = mss;
        this.windowType = windowType;
        this.window = window;
        this.wscale = wscale;
        this.layout = layout.clone();
        this.eolPad = eolPad;
        this.quirks = quirks;
        this.payloadClass = payloadClass;
    }

    /** 4, 6 or {@link #ANY}. Never compared with the packet's version (BUG-4). */
    public int ipVersion() {
        return ipVersion;
    }

    /** Initial TTL ({@code N}, {@code N+D} summed, or the maximum of an {@code N-} sig). */
    public int ittl() {
        return ittl;
    }

    /** {@code N-}: a random-TTL tool; the TTL is only an upper bound (printed {@code dist=<= D}, random_ttl). */
    public boolean badTtl() {
        return badTtl;
    }

    /** IPv4 option bytes, 0–255. */
    public int olen() {
        return olen;
    }

    /** MSS or {@link #ANY}. */
    public int mss() {
        return mss;
    }

    public WindowType windowType() {
        return windowType;
    }

    /** The N of {@code N}, {@code %N}, {@code mss*N}, {@code mtu*N}; 0 for {@code *}. */
    public int window() {
        return window;
    }

    /** Window scale or {@link #ANY}. */
    public int wscale() {
        return wscale;
    }

    public int layoutLength() {
        return layout.length;
    }

    /** Option kind at {@code i} ({@link TcpOption} constants, or the K of {@code ?K}). */
    public int layoutKind(int i) {
        return layout[i] & 0xFF;
    }

    /** Whether the packet layout {@code kinds[0..length)} is exactly this sig's (spec §4.1). */
    public boolean sameLayout(byte[] kinds, int length) {
        return Arrays.equals(layout, 0, layout.length, kinds, 0, length);
    }

    /** {@code N} of a trailing {@code eol+N}; 0 otherwise. */
    public int eolPad() {
        return eolPad;
    }

    /** {@link Quirk} bit set. */
    public int quirks() {
        return quirks;
    }

    /** 0, 1 ({@code +}: payload present) or {@link #ANY}. */
    public int payloadClass() {
        return payloadClass;
    }

    /** The sig in canonical p0f.fp syntax ({@code N+D} is shown summed; BUG-3 slips are not undone). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(ipVersion == ANY ? "*" : Integer.toString(ipVersion)).append(':').append(ittl)
                .append(badTtl ? "-" : "").append(':').append(olen).append(':').append(star(mss)).append(':');
        switch (windowType) {
            case ANY -> sb.append('*');
            case MODULO -> sb.append('%').append(window);
            case MSS -> sb.append("mss*").append(window);
            case MTU -> sb.append("mtu*").append(window);
            case LITERAL -> sb.append(window);
        }
        sb.append(',').append(star(wscale)).append(':');
        for (int i = 0; i < layout.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            TcpOption.appendToken(sb, layoutKind(i), eolPad);
        }
        sb.append(':').append(Quirk.render(quirks)).append(':');
        sb.append(payloadClass == ANY ? "*" : payloadClass == 0 ? "0" : "+");
        return sb.toString();
    }

    private static String star(int value) {
        return value == ANY ? "*" : Integer.toString(value);
    }
}
