package io.passivetcp.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.TestDatabases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §3.7: the fields of a parsed TCP sig. */
class TcpSignatureParserTest {

    private static TcpSignature one(String sig) {
        return TestDatabases.tcpRequest("label = s:unix:X:", "sig = " + sig).tcpRequest().get(0);
    }

    @Test
    void allFields() {
        TcpSignature s = one("4:64+2:8:1460:mtu*4,7:mss,nop,ws,?30,eol+5:df,id+,ecn,ts2+:+");
        assertEquals(4, s.ipVersion());
        assertEquals(66, s.ittl());
        assertFalse(s.badTtl());
        assertEquals(8, s.olen());
        assertEquals(1460, s.mss());
        assertEquals(WindowType.MTU, s.windowType());
        assertEquals(4, s.window());
        assertEquals(7, s.wscale());
        assertEquals(5, s.layoutLength());
        assertEquals(TcpOption.MSS, s.layoutKind(0));
        assertEquals(30, s.layoutKind(3));
        assertEquals(TcpOption.EOL, s.layoutKind(4));
        assertEquals(5, s.eolPad());
        assertEquals(Quirk.DF.bit() | Quirk.ID_PLUS.bit() | Quirk.ECN.bit() | Quirk.TS2_PLUS.bit(), s.quirks());
        assertEquals(1, s.payloadClass());
        assertEquals(4, s.line()); // classes, [tcp:request], label, sig
        assertEquals("X", s.label().name());
    }

    @Test
    void wildcards() {
        TcpSignature s = one("*:64-:0:*:*,*:::*");
        assertEquals(TcpSignature.ANY, s.ipVersion());
        assertTrue(s.badTtl());
        assertEquals(TcpSignature.ANY, s.mss());
        assertEquals(WindowType.ANY, s.windowType());
        assertEquals(TcpSignature.ANY, s.wscale());
        assertEquals(0, s.layoutLength());
        assertEquals(0, s.quirks());
        assertEquals(TcpSignature.ANY, s.payloadClass());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "*:64:0:*:mss*20,10:mss,sok,ts,nop,ws:df,id+:0",
        "4:128:0:1460:mtu*2,0:mss,nop,ws::0",
        "*:64-:0:1460:1024,0:mss::0",
        "*:64:0:*:%1000,0:mss,nop,nop,nop,nop:df,id+:0",
        "6:64:0:*:65535,*:mss,sack,?30,eol+0:flow,seq-,ack+,ack-,uptr+,urgf+,pushf+,ts1-,ts2+,opt+,exws,bad:+",
    })
    void rendersBackToCanonicalSyntax(String sig) {
        assertEquals(sig, one(sig).toString());
    }

    @Test
    void trailingCommasBeforeColonsAreToleratedAsInP0f() {
        TcpSignature s = one("*:64:0:*:*,*:mss,nop,:df,:0");
        assertEquals(2, s.layoutLength());
        assertEquals(Quirk.DF.bit(), s.quirks());
    }

    @Test
    void questionMarkWithoutNumberIsKindZero() {
        // p0f's atol("") = 0: "?" alone reads option kind 0 (the EOL kind)
        assertEquals(TcpOption.EOL, one("*:64:0:*:*,*:?,mss::0").layoutKind(0));
    }

    @Test
    void allStockSignaturesRoundTrip() {
        SignatureDatabase db = TestDatabases.stock();
        for (TcpSignature s : db.tcpRequest()) {
            assertEquals(s.toString(), one(s.toString()).toString());
        }
    }
}
