package io.passivetcp.packet.testutils;

import io.passivetcp.packet.TcpPacket;
import io.passivetcp.tcp.Quirk;
import io.passivetcp.tcp.TcpOption;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code syn} or {@code syn+ack} line of a p0f log, with what can be checked against one decoded packet:
 * addresses, ports, and every raw_sig field except a window rendered as {@code mss*N}/{@code mtu*N} (that
 * rendering is the fingerprinting layer's job).
 */
public record P0fLogLine(String line, boolean synAck, String cli, int cliPort, String srv, int srvPort,
        String rawSig) {
    private static final Pattern SYN = Pattern.compile(
            "\\] mod=(syn|syn\\+ack)\\|cli=(.*)/(\\d+)\\|srv=(.*)/(\\d+)\\|subj=.*\\|raw_sig=([^|]*)$");

    /** The syn and syn+ack lines of a p0f log file. */
    public static List<P0fLogLine> read(Path log) throws IOException {
        return Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1).stream()
                .map(SYN::matcher).filter(Matcher::find)
                .map(m -> new P0fLogLine(m.group(0), m.group(1).equals("syn+ack"), m.group(2),
                        Integer.parseInt(m.group(3)), m.group(4), Integer.parseInt(m.group(5)), m.group(6)))
                .toList();
    }

    /** True when {@code p} is the packet this line describes, as far as the decoder determines it. */
    public boolean matches(TcpPacket p) {
        boolean fromClient = !synAck;
        if (p.tcpType != (synAck ? TcpPacket.SYN | TcpPacket.ACK : TcpPacket.SYN)
                || p.srcPort != (fromClient ? cliPort : srvPort) || p.dstPort != (fromClient ? srvPort : cliPort)
                || !address(p.src, p.ipVersion).equals(fromClient ? cli : srv)
                || !address(p.dst, p.ipVersion).equals(fromClient ? srv : cli)) {
            return false;
        }
        return signatureMatches(p);
    }

    private boolean signatureMatches(TcpPacket p) {
        String[] f = rawSig.split(":", -1);
        String[] winScale = f[4].split(",");
        String win = winScale[0];
        boolean mssWildcard = synAck && p.mss == 1331;
        return f[0].equals(Integer.toString(p.ipVersion))
                && f[1].substring(0, f[1].indexOf('+')).equals(Integer.toString(p.ttl))
                && f[2].equals(Integer.toString(p.olen))
                && f[3].equals(mssWildcard ? "*" : Integer.toString(p.mss))
                && (!Character.isDigit(win.charAt(0)) || win.equals(Integer.toString(p.win)))
                && winScale[1].equals(Integer.toString(p.wscale))
                && f[5].equals(layout(p))
                && f[6].equals(Quirk.render(p.quirks))
                && f[7].equals(p.payLen > 0 ? "+" : "0");
    }

    public static String layout(TcpPacket p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.layoutLength; i++) {
            if (i > 0) {
                sb.append(',');
            }
            TcpOption.appendToken(sb, p.layoutKind(i), p.eolPad);
        }
        return sb.toString();
    }

    /** p0f's address rendering: dotted IPv4; IPv6 as eight lower-case hex groups, no compression. */
    public static String address(byte[] a, int version) {
        StringBuilder sb = new StringBuilder();
        if (version == 4) {
            for (int i = 0; i < 4; i++) {
                sb.append(i > 0 ? "." : "").append(a[i] & 0xFF);
            }
        } else {
            for (int i = 0; i < 16; i += 2) {
                sb.append(i > 0 ? ":" : "").append(Integer.toHexString((a[i] & 0xFF) << 8 | (a[i + 1] & 0xFF)));
            }
        }
        return sb.toString();
    }
}
