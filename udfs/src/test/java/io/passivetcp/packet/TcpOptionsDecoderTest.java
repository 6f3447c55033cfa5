package io.passivetcp.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.passivetcp.packet.testutils.Packets;
import io.passivetcp.tcp.Quirk;
import io.passivetcp.tcp.TcpOption;

import org.junit.jupiter.api.Test;

/** Option parsing exactly as p0f (spec §1.6): layout, values, quirks, abort rules, the 24-entry cap. */
class TcpOptionsDecoderTest {
    private final TcpPacket p = new TcpPacket();

    /** Parses the given option bytes (all of them, as a TCP header would delimit them). */
    private TcpPacket parse(boolean pureSyn, int... options) {
        p.quirks = 0;
        p.mss = 0;
        p.wscale = 0;
        p.ts1 = 0;
        p.eolPad = 0;
        byte[] b = Packets.bytes(options);
        TcpOptionsDecoder.decode(b, 0, b.length, pureSyn, p);
        return p;
    }

    private TcpPacket parse(int... options) {
        return parse(true, options);
    }

    private static String layout(TcpPacket p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.layoutLength; i++) {
            if (i > 0) {
                sb.append(',');
            }
            TcpOption.appendToken(sb, p.layoutKind(i), p.eolPad);
        }
        return sb.toString();
    }

    private static String quirks(TcpPacket p) {
        return Quirk.render(p.quirks);
    }

    @Test
    void linuxSyn() {
        parse(Packets.LINUX_OPTIONS);
        assertEquals("mss,sok,ts,nop,ws", layout(p));
        assertEquals(1460, p.mss);
        assertEquals(7, p.wscale);
        assertEquals(1000, p.ts1);
        assertEquals("", quirks(p));
    }

    @Test
    void noOptions() {
        parse();
        assertEquals("", layout(p));
        assertEquals(0, p.mss);
        assertEquals("", quirks(p));
    }

    @Test
    void timestamps() {
        parse(true, 8, 10, 0, 0, 0, 0, 0, 0, 0, 9);
        assertEquals("ts1-,ts2+", quirks(p));
        parse(false, 8, 10, 0, 0, 0, 0, 0, 0, 0, 9);
        assertEquals("ts1-", quirks(p), "ts2+ only on pure SYNs");
        parse(true, 8, 10, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0);
        assertEquals(0xFFFF_FFFFL, p.ts1);
        assertEquals("", quirks(p));
    }

    /** EOL padding and BUG-2 (synthetic T05/T06). */
    @Test
    void endOfOptionsPadding() {
        parse(2, 4, 5, 180, 0, 0, 0, 0);
        assertEquals("mss,eol+3", layout(p));
        assertEquals("", quirks(p));
        parse(2, 4, 5, 180, 0, 0, 5, 0);
        assertEquals("opt+", quirks(p));
        parse(2, 4, 5, 180, 0, 0, 0, 7);
        assertEquals("", quirks(p), "BUG-2: a non-zero last byte goes unnoticed");
        parse(0, 9);
        assertEquals("eol+1", layout(p));
        assertEquals("", quirks(p));
        parse(0, 9, 0);
        assertEquals("opt+", quirks(p));
        parse(1, 0);
        assertEquals("nop,eol+0", layout(p));
    }

    @Test
    void windowScale() {
        parse(3, 3, 14);
        assertEquals(14, p.wscale);
        assertEquals("", quirks(p));
        parse(3, 3, 15);
        assertEquals("exws", quirks(p));
    }

    @Test
    void wrongLengthBytesAreBadButConsumeTheStandardSize() {
        parse(2, 5, 5, 180, 4, 2, 1, 1); // T08: MSS with length 5
        assertEquals("mss,sok,nop,nop", layout(p));
        assertEquals(1460, p.mss);
        assertEquals("bad", quirks(p));
        parse(3, 2, 7, 1);
        assertEquals("ws,nop", layout(p));
        assertEquals(7, p.wscale);
        assertEquals("bad", quirks(p));
        parse(4, 3);
        assertEquals("bad", quirks(p));
        parse(8, 9, 0, 0, 0, 1, 0, 0, 0, 0);
        assertEquals(1, p.ts1);
        assertEquals("bad", quirks(p));
    }

    @Test
    void truncatedOptionsAbortKeepingTheKind() {
        parse(2, 4, 5, 180, 8, 10, 0, 0); // T09: timestamp cut by the header length
        assertEquals("mss,ts", layout(p));
        assertEquals("bad", quirks(p));
        parse(1, 2, 4, 5);
        assertEquals("nop,mss", layout(p));
        assertEquals(0, p.mss);
        assertEquals("bad", quirks(p));
        parse(3, 3);
        assertEquals("ws", layout(p));
        assertEquals("bad", quirks(p));
        parse(4);
        assertEquals("sok", layout(p));
        assertEquals("bad", quirks(p));
    }

    @Test
    void sackAndUnknownKinds() {
        parse(2, 4, 5, 180, 1, 1, 5, 10, 0, 0, 0, 0, 0, 0, 0, 0); // T27
        assertEquals("mss,nop,nop,sack", layout(p));
        assertEquals("", quirks(p));
        parse(5, 9, 0, 0, 0, 0, 0, 0, 0);
        assertEquals("bad", quirks(p));
        parse(5, 35);
        assertEquals("bad", quirks(p));
        parse(5, 10, 0, 0);
        assertEquals("sack", layout(p));
        assertEquals("bad", quirks(p), "SACK longer than the options");
        parse(5);
        assertEquals("bad", quirks(p));
        parse(2, 4, 5, 180, 30, 4, 0, 0, 1, 1, 4, 2); // T25
        assertEquals("mss,?30,nop,nop,sok", layout(p));
        assertEquals("", quirks(p));
        parse(2, 4, 5, 180, 30, 1, 0, 0); // T26
        assertEquals("mss,?30", layout(p));
        assertEquals("bad", quirks(p));
        parse(30, 41);
        assertEquals("bad", quirks(p));
        parse(30, 5, 0, 0);
        assertEquals("bad", quirks(p));
        parse(30);
        assertEquals("?30", layout(p));
        assertEquals("bad", quirks(p));
        parse(30, 2);
        assertEquals("", quirks(p));
    }

    @Test
    void layoutIsCappedAt24Entries() {
        int[] nops = new int[40];
        java.util.Arrays.fill(nops, 1);
        parse(nops); // T24
        assertEquals(24, p.layoutLength);
        assertEquals("bad", quirks(p));
        parse(java.util.Arrays.copyOf(nops, 24));
        assertEquals(24, p.layoutLength);
        assertEquals("", quirks(p), "exactly 24 options fit");
        int[] nopsThenEol = java.util.Arrays.copyOf(nops, 25);
        nopsThenEol[24] = 0;
        parse(nopsThenEol);
        assertEquals("bad", quirks(p), "the EOL after 24 entries is never reached");
    }

    @Test
    void laterValuesWin() {
        parse(2, 4, 1, 0, 2, 4, 5, 180);
        assertEquals(1460, p.mss);
        assertEquals("mss,mss", layout(p));
    }
}
