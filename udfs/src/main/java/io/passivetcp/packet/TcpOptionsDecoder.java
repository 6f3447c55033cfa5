package io.passivetcp.packet;

import io.passivetcp.P0fConfig;
import io.passivetcp.tcp.Quirk;
import io.passivetcp.tcp.TcpOption;

/**
 * TCP option parsing exactly as p0f does it (spec §1.6): at most {@link P0fConfig#MAX_TCP_OPT} layout entries,
 * a malformed option aborts parsing with quirk {@code bad} (the offending kind stays in the layout, Q-25), and
 * the EOL padding check misses a non-zero last byte (BUG-2). Never drops the packet.
 *
 * <pre>
 * EOL  0                  NOP 1                 MSS 2: len(4) value(2)     WS 3: len(3) shift(1)
 * SACKOK 4: len(2)        SACK 5: len(10..34) blocks                      TS 8: len(10) TSval(4) TSecr(4)
 * other: kind len(2..40) data
 * </pre>
 * Lengths are checked against the bytes left, but a wrong length byte of MSS/WS/SACKOK/TS only sets {@code bad}:
 * p0f still consumes the option's standard size.
 */
final class TcpOptionsDecoder {
    private TcpOptionsDecoder() {}

    private static final int ABORT = -1;
    static final int MAX_WSCALE = 14;
    static final int MIN_SACK_LENGTH = 10;
    static final int MAX_SACK_LENGTH = 34;
    static final int MIN_OPTION_LENGTH = 2;
    static final int MAX_OPTION_LENGTH = 40;

    /** Parses the option bytes {@code [p, end)} into {@code out}'s layout, values and quirks. */
    static void decode(byte[] b, int p, int end, boolean pureSyn, TcpPacket out) {
        out.layoutLength = 0;
        while (p < end && out.layoutLength < P0fConfig.MAX_TCP_OPT) {
            int kind = Bytes.u8(b, p++);
            out.layout[out.layoutLength++] = (byte) kind;
            p = switch (kind) {
                case TcpOption.EOL -> eol(b, p, end, out);
                case TcpOption.NOP -> p;
                case TcpOption.MSS -> mss(b, p, end, out);
                case TcpOption.WS -> windowScale(b, p, end, out);
                case TcpOption.SOK -> sackPermitted(b, p, end, out);
                case TcpOption.TS -> timestamp(b, p, end, pureSyn, out);
                case TcpOption.SACK -> skipLengthPrefixed(b, p, end, MIN_SACK_LENGTH, MAX_SACK_LENGTH);
                default -> skipLengthPrefixed(b, p, end, MIN_OPTION_LENGTH, MAX_OPTION_LENGTH);
            };
            if (p == ABORT) {
                out.quirks |= Quirk.BAD.bit();
                return;
            }
        }
        if (p != end) {
            out.quirks |= Quirk.BAD.bit(); // trailing bytes, including those beyond the 24-entry cap
        }
    }

    /**
     * EOL: the rest is padding. {@code opt+} when a non-zero byte follows, except in the very last position:
     * p0f stops at the first non-zero byte and then asks "not at the end?" (BUG-2, synthetic T05/T06).
     */
    private static int eol(byte[] b, int p, int end, TcpPacket out) {
        out.eolPad = end - p;
        while (p != end) {
            if (b[p++] != 0) {
                break;
            }
        }
        if (p != end) {
            out.quirks |= Quirk.OPT_PLUS.bit();
        }
        return end;
    }

    private static int mss(byte[] b, int p, int end, TcpPacket out) {
        if (end - p < 3) {
            return ABORT;
        }
        badUnless(Bytes.u8(b, p) == 4, out);
        out.mss = Bytes.u16(b, p + 1);
        return p + 3;
    }

    private static int windowScale(byte[] b, int p, int end, TcpPacket out) {
        if (end - p < 2) {
            return ABORT;
        }
        badUnless(Bytes.u8(b, p) == 3, out);
        out.wscale = Bytes.u8(b, p + 1);
        if (out.wscale > MAX_WSCALE) {
            out.quirks |= Quirk.EXWS.bit();
        }
        return p + 2;
    }

    private static int sackPermitted(byte[] b, int p, int end, TcpPacket out) {
        if (end - p < 1) {
            return ABORT;
        }
        badUnless(Bytes.u8(b, p) == 2, out);
        return p + 1;
    }

    /** Timestamps: {@code ts1-} for TSval 0; {@code ts2+} for a non-zero TSecr, on pure SYNs only. */
    private static int timestamp(byte[] b, int p, int end, boolean pureSyn, TcpPacket out) {
        if (end - p < 9) {
            return ABORT;
        }
        badUnless(Bytes.u8(b, p) == 10, out);
        out.ts1 = Bytes.u32(b, p + 1);
        if (out.ts1 == 0) {
            out.quirks |= Quirk.TS1_MINUS.bit();
        }
        if (pureSyn && Bytes.u32(b, p + 5) != 0) {
            out.quirks |= Quirk.TS2_PLUS.bit();
        }
        return p + 9;
    }

    /** SACK and unknown kinds: a length byte within {@code [min, max]} that fits, covering the kind byte too. */
    private static int skipLengthPrefixed(byte[] b, int p, int end, int min, int max) {
        if (p == end) {
            return ABORT;
        }
        int length = Bytes.u8(b, p);
        if (length < min || length > max || p - 1 + length > end) {
            return ABORT;
        }
        return p + length - 1;
    }

    private static void badUnless(boolean ok, TcpPacket out) {
        if (!ok) {
            out.quirks |= Quirk.BAD.bit();
        }
    }
}
