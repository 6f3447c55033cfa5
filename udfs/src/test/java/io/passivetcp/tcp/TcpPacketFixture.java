package io.passivetcp.tcp;

import io.passivetcp.packet.TcpPacket;

/**
 * Fluent builder of decoded {@link TcpPacket}s for matching tests, e.g.
 * {@code TcpPacketFixture.linuxSyn4().ttl(45).build()}. Fields not set keep neutral values (IPv4 TTL 64, no
 * options, no quirks, header length of the minimal headers).
 */
public final class TcpPacketFixture {
    private static final int LINUX_WINDOW = 29200;
    private static final int ETHERNET_MSS = 1460;
    private static final long LINUX_TSVAL = 100000;

    private final TcpPacket p = new TcpPacket();

    private TcpPacketFixture(int ipVersion, int tcpType) {
        p.ipVersion = ipVersion;
        p.tcpType = tcpType;
        p.ttl = 64;
        p.totHdr = ipVersion == 4 ? 40 : 60;
    }

    public static TcpPacketFixture syn4() {
        return new TcpPacketFixture(4, TcpPacket.SYN);
    }

    public static TcpPacketFixture syn6() {
        return new TcpPacketFixture(6, TcpPacket.SYN);
    }

    public static TcpPacketFixture synAck4() {
        return new TcpPacketFixture(4, TcpPacket.SYN | TcpPacket.ACK);
    }

    public static TcpPacketFixture synAck6() {
        return new TcpPacketFixture(6, TcpPacket.SYN | TcpPacket.ACK);
    }

    /** The golden synthetic baseline: a Linux 3.11+ SYN, mss 1460, window 29200, ws 7, DF and an IP ID. */
    public static TcpPacketFixture linuxSyn4() {
        return syn4().quirks("df,id+").linuxOptions();
    }

    /** Linux options (mss,sok,ts,nop,ws 7; TSval 100000; 20 option bytes) and window 29200. */
    public TcpPacketFixture linuxOptions() {
        return win(LINUX_WINDOW).mss(ETHERNET_MSS).wscale(7).layout("mss,sok,ts,nop,ws").ts1(LINUX_TSVAL)
                .totHdr((p.ipVersion == 4 ? 40 : 60) + 20);
    }

    public TcpPacketFixture ttl(int ttl) {
        p.ttl = ttl;
        return this;
    }

    /** DSCP (the 6-bit value p0f prints as tos:0xNN). */
    public TcpPacketFixture tos(int dscp) {
        p.tos = dscp;
        return this;
    }

    public TcpPacketFixture olen(int olen) {
        p.olen = olen;
        return this;
    }

    /** Replaces the quirks with these raw_sig tokens, e.g. "df,id+" ("" for none). */
    public TcpPacketFixture quirks(String tokens) {
        p.quirks = 0;
        return addQuirks(tokens);
    }

    public TcpPacketFixture addQuirks(String tokens) {
        for (String t : tokens.split(",")) {
            if (!t.isEmpty()) {
                Quirk q = Quirk.fromToken(t);
                if (q == null) {
                    throw new IllegalArgumentException("unknown quirk " + t);
                }
                p.quirks |= q.bit();
            }
        }
        return this;
    }

    public TcpPacketFixture win(int win) {
        p.win = win;
        return this;
    }

    public TcpPacketFixture mss(int mss) {
        p.mss = mss;
        return this;
    }

    public TcpPacketFixture wscale(int wscale) {
        p.wscale = wscale;
        return this;
    }

    /** Option kinds as raw_sig tokens, e.g. "mss,nop,eol+3" or "mss,?30" ("" for none). */
    public TcpPacketFixture layout(String tokens) {
        p.layoutLength = 0;
        p.eolPad = 0;
        for (String t : tokens.split(",")) {
            if (!t.isEmpty()) {
                p.layout[p.layoutLength++] = (byte) kindOf(t);
            }
        }
        return this;
    }

    private int kindOf(String token) {
        return switch (token) {
            case "nop" -> TcpOption.NOP;
            case "mss" -> TcpOption.MSS;
            case "ws" -> TcpOption.WS;
            case "sok" -> TcpOption.SOK;
            case "sack" -> TcpOption.SACK;
            case "ts" -> TcpOption.TS;
            default -> {
                if (token.startsWith("eol+")) {
                    p.eolPad = Integer.parseInt(token.substring(4));
                    yield TcpOption.EOL;
                }
                if (token.startsWith("?")) {
                    yield Integer.parseInt(token.substring(1));
                }
                throw new IllegalArgumentException("unknown option token " + token);
            }
        };
    }

    public TcpPacketFixture ts1(long tsval) {
        p.ts1 = tsval;
        return this;
    }

    /** IP header + TCP header bytes (p0f tot_hdr), used by window rule 7. */
    public TcpPacketFixture totHdr(int bytes) {
        p.totHdr = bytes;
        return this;
    }

    public TcpPacketFixture payLen(int bytes) {
        p.payLen = bytes;
        return this;
    }

    /** A fresh copy, so one fixture can build several packets. */
    public TcpPacket build() {
        return new TcpPacket().copyFrom(p);
    }
}
