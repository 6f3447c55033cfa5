package io.passivetcp.mtu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.TestDatabases;
import io.passivetcp.tcp.TcpPacketFixture;

import org.junit.jupiter.api.Test;

/** Spec §5: MTU = MSS + 40 (IPv4) / + 60 (IPv6), looked up exactly; the first label listing a value wins. */
class MtuMatcherTest {
    private final SignatureDatabase stock = TestDatabases.stock();

    @Test
    void rawMtuAddsTheMinimalHeadersWhateverOptionsThePacketHas() {
        assertEquals(1492, MtuMatcher.rawMtu(TcpPacketFixture.syn4().mss(1452).olen(8).totHdr(80).build()));
        assertEquals(1520, MtuMatcher.rawMtu(TcpPacketFixture.syn6().mss(1460).build()));
        assertEquals(1500, MtuMatcher.rawMtu(TcpPacketFixture.synAck4().mss(1460).build()));
    }

    @Test
    void stockLinks() {
        assertEquals("DSL", MtuMatcher.link(stock, 1492)); // [T 01]
        assertEquals("Ethernet or modem", MtuMatcher.link(stock, 1500)); // [T 01]
        assertEquals("???", MtuMatcher.link(stock, 1040)); // [T 07]
        assertEquals("???", MtuMatcher.link(stock, 1520)); // IPv6 Ethernet [T synthetic T40]
        assertEquals("loopback", MtuMatcher.link(stock, 16436));
    }

    @Test
    void firstLabelWins() {
        assertEquals("Custom link", MtuMatcher.link(TestDatabases.customDb(), 1500)); // [T customdb]
        SignatureDatabase db = TestDatabases.parse("[mtu]", "label = A", "sig = 1400", "label = B", "sig = 1400",
                "sig = 1300");
        assertEquals("A", MtuMatcher.link(db, 1400));
        assertEquals("B", MtuMatcher.link(db, 1300));
        assertEquals(3, db.mtuSignatures().size());
        assertEquals(new MtuSignature("B", 1400, 5), db.mtuSignatures().get(1));
    }
}
