package io.passivetcp.tcp;

import static io.passivetcp.tcp.TcpPacketFixture.linuxSyn4;
import static io.passivetcp.tcp.TcpPacketFixture.syn4;
import static io.passivetcp.tcp.TcpPacketFixture.syn6;
import static io.passivetcp.tcp.TcpPacketFixture.synAck4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.passivetcp.mtu.MtuMatcher;
import io.passivetcp.packet.TcpPacket;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.TestDatabases;
import io.passivetcp.testutils.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * p0f's own output for the synthetic golden captures (spec/p0f-examples/synthetic) as expectations: every
 * {@code syn}, {@code syn+ack} and {@code mtu} log line is compared with our fingerprint of a hand-built packet
 * equal to the one tools/gen_synthetic.py / gen_customdb.py wrote (test N = client address ending in N).
 */
class GoldenSyntheticLogTest {
    private static final Pattern LINE = Pattern.compile(
            "^\\[[^]]+] mod=(syn|syn\\+ack|mtu)\\|cli=[0-9a-f.:]*[.:](\\d+)/\\d+\\|srv=[^|]+\\|subj=(cli|srv)\\|(.*)$");
    private static final long SYN_TSVAL_UPTIME = 1000000;
    private static final long SYN_TSVAL_ROUNDING = 7000000;

    @Test
    void quirksLog() throws IOException {
        Map<Integer, TcpPacket> syns = quirksSyns();
        Map<Integer, TcpPacket> synAcks = new HashMap<>();
        for (int n : new int[] {37, 44, 45, 46}) {
            synAcks.put(n, linuxSynAck(n == 37).build());
        }
        int compared = compare(TestDatabases.stock(), "spec/p0f-examples/synthetic/quirks.log", syns, synAcks);
        assertEquals(91, compared);
    }

    @Test
    void customDbLog() throws IOException {
        TcpPacketFixture m4 = syn4().quirks("df,id+").mss(1460).layout("mss,nop,nop,nop,nop").totHdr(48);
        TcpPacketFixture mnw = syn4().mss(1460).win(5000).layout("mss,nop,ws").totHdr(48);
        Map<Integer, TcpPacket> syns = Map.of(
                1, linuxSyn4().build(),
                2, m4.win(3000).build(),
                3, m4.win(0).build(),
                4, m4.win(4321).ttl(50).build(),
                5, m4.olen(4).totHdr(52).build(),
                6, syn6().mss(1460).win(5000).layout("mss,nop,ws").totHdr(68).build(),
                7, mnw.build());
        int compared = compare(TestDatabases.customDb(), "spec/p0f-examples/synthetic/customdb.log", syns, Map.of());
        assertEquals(14, compared);
    }

    /** The SYN of each quirks test (gen_synthetic.py), keyed by test number; T35/38/39/43 produce no output. */
    private static Map<Integer, TcpPacket> quirksSyns() {
        Map<Integer, TcpPacket> m = new HashMap<>();
        for (int n : new int[] {1, 3, 4, 36}) {
            m.put(n, linuxSyn4().build());
        }
        m.put(2, linuxSyn4().addQuirks("ack+").build());
        m.put(5, noTimestamps().layout("mss,eol+3").build());
        m.put(6, noTimestamps().layout("mss,eol+3").addQuirks("opt+").build());
        m.put(7, linuxSyn4().ts1(0).layout("mss,nop,ws").wscale(15).addQuirks("exws").totHdr(48).build());
        m.put(8, linuxSyn4().ts1(0).wscale(0).layout("mss,sok,nop,nop").addQuirks("bad").totHdr(48).build());
        m.put(9, linuxSyn4().ts1(0).wscale(0).layout("mss,ts").addQuirks("bad").totHdr(52).build());
        m.put(10, linuxSyn4().addQuirks("urgf+,pushf+").build());
        m.put(11, linuxSyn4().addQuirks("uptr+").build());
        m.put(12, linuxSyn4().addQuirks("seq-").build());
        m.put(13, linuxSyn4().ts1(0).addQuirks("ts1-,ts2+").build());
        m.put(14, linuxSyn4().addQuirks("0+").build());
        m.put(15, linuxSyn4().quirks("id-").build());
        m.put(16, linuxSyn4().quirks("").build());
        m.put(17, linuxSyn4().quirks("df").build());
        m.put(18, linuxSyn4().olen(8).totHdr(68).build());
        for (int n : new int[] {19, 20, 21}) {
            m.put(n, linuxSyn4().addQuirks("ecn").build());
        }
        m.put(22, linuxSyn4().tos(0x2e).build());
        m.put(23, linuxSyn4().payLen(4).build());
        m.put(24, linuxSyn4().mss(0).wscale(0).ts1(0).layout("nop,".repeat(24)).addQuirks("bad").totHdr(80).build());
        m.put(25, noTimestamps().layout("mss,?30,nop,nop,sok").build());
        m.put(26, noTimestamps().layout("mss,?30").addQuirks("bad").build());
        m.put(27, noTimestamps().layout("mss,nop,nop,sack").build());
        m.put(28, linuxSyn4().win(8192).mss(0).wscale(0).ts1(0).layout("").totHdr(40).build());
        m.put(29, linuxSyn4().win(0).build());
        m.put(30, linuxSyn4().ttl(45).build());
        m.put(31, linuxSyn4().ttl(100).build());
        m.put(32, linuxSyn4().ttl(200).win(1234).wscale(3).ts1(0).layout("mss,nop,ws").totHdr(48).build());
        m.put(33, syn4().ttl(50).win(1024).mss(1460).layout("mss").totHdr(44).build());
        m.put(34, syn4().ttl(128).win(3000).mss(1460).layout("mss,nop,ws").totHdr(48).build());
        m.put(37, linuxSyn4().build());
        m.put(40, linuxIpv6Syn().build());
        m.put(41, linuxIpv6Syn().quirks("flow").build());
        m.put(42, linuxIpv6Syn().ttl(60).tos(0x2e).quirks("ecn").build());
        m.put(44, linuxSyn4().ts1(SYN_TSVAL_UPTIME).build());
        m.put(45, linuxSyn4().ts1(SYN_TSVAL_ROUNDING).build());
        m.put(46, linuxSyn4().ts1(SYN_TSVAL_ROUNDING).build());
        return m;
    }

    /** Linux SYN options replaced by 8 bytes without a timestamp option (fixtures are mutable: a new one each time). */
    private static TcpPacketFixture noTimestamps() {
        return linuxSyn4().ts1(0).wscale(0).totHdr(48);
    }

    private static TcpPacketFixture linuxIpv6Syn() {
        return syn6().linuxOptions().win(28800);
    }

    /** gen_synthetic.py's synack4: IP ID 0 with DF, window 28960, Linux options with TSval 5000. */
    private static TcpPacketFixture linuxSynAck(boolean zeroAck) {
        return synAck4().quirks(zeroAck ? "df,ack-" : "df").linuxOptions().win(28960).ts1(5000);
    }

    /** Compares every syn, syn+ack and mtu line of {@code log}; returns how many lines were compared. */
    private static int compare(SignatureDatabase db, String log, Map<Integer, TcpPacket> syns,
            Map<Integer, TcpPacket> synAcks) throws IOException {
        List<String> lines = Files.readAllLines(SharedData.resolve(log));
        int compared = 0;
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            int test = Integer.parseInt(m.group(2));
            boolean client = m.group(3).equals("cli");
            TcpPacket syn = syns.get(test);
            TcpPacket p = client ? syn : synAcks.get(test);
            assertNotNull(p, "no fixture for " + line);
            int synMss = client ? 0 : syn.mss;
            String actual = m.group(1).equals("mtu") ? mtuFields(db, p) : TcpFingerprint.of(db, p, synMss, false)
                    .toString();
            assertEquals(m.group(4), actual, "T" + test + ": " + line);
            compared++;
        }
        return compared;
    }

    private static String mtuFields(SignatureDatabase db, TcpPacket p) {
        int rawMtu = MtuMatcher.rawMtu(p);
        return "link=" + MtuMatcher.link(db, rawMtu) + "|raw_mtu=" + rawMtu;
    }
}
