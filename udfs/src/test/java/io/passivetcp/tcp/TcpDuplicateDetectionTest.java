package io.passivetcp.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.SignatureSyntaxException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §3.9: a new TCP sig already accepted exactly by an earlier specific sig of its section is fatal. */
class TcpDuplicateDetectionTest {

    /** Line 4: the earlier sig (label line 3); line 6: the new sig (label line 5). */
    private static String file(String earlierLabel, String earlier, String newer) {
        return String.join("\n", "classes = unix", "[tcp:request]", "label = " + earlierLabel + ":unix:A:",
                "sig = " + earlier, "label = s:unix:B:", "sig = " + newer);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "identical 4: sigs | s | 4:64:0:1460:5000,0:mss,nop,ws:df,id+:0 | 4:64:0:1460:5000,0:mss,nop,ws:df,id+:0",
        "identical * sigs, no df/id | s | *:64:0:1460:5000,0:mss,nop,ws::0 | *:64:0:1460:5000,0:mss,nop,ws::0",
        "6: after identical 4: BUG-4 | s | 4:64:0:1460:5000,0:mss,nop,ws::0 | 6:64:0:1460:5000,0:mss,nop,ws::0",
        "new TTL 35 below | s | 4:128:0:1460:5000,0:mss::0 | 4:93:0:1460:5000,0:mss::0",
        "literal vs earlier mss*N | s | 4:64:0:1460:mss*20,0:mss::0 | 4:64:0:1460:29200,0:mss::0",
        "literal vs earlier %N | s | 4:64:0:1460:%1000,0:mss::0 | 4:64:0:1460:3000,0:mss::0",
        "earlier wildcards | s | 4:64:0:*:*,*:mss::* | 4:64:0:1460:5000,5:mss::+",
        "same window rule | s | 4:64:0:*:mtu*4,0:mss::0 | 4:64:0:*:mtu*4,0:mss::0",
        "earlier bad TTL, new lower | s | 4:64-:0:1460:5000,0:mss::0 | 4:50:0:1460:5000,0:mss::0",
    })
    void covered(String what, String earlierType, String earlier, String newer) {
        SignatureSyntaxException e = assertThrows(SignatureSyntaxException.class,
                () -> SignatureDatabase.parse("dup.fp", file(earlierType, earlier, newer)));
        assertEquals(6, e.line());
        assertEquals("Signature in line 6 is already covered by line 4.", e.reason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "BUG-5: identical * sigs with df,id+ | s | *:64:0:1460:5000,0:mss:df,id+:0 | *:64:0:1460:5000,0:mss:df,id+:0",
        "BUG-5: * with id- only | s | *:64:0:1460:5000,0:mss:id-:0 | *:64:0:1460:5000,0:mss:id-:0",
        "earlier generic | g | 4:64:0:1460:5000,0:mss::0 | 4:64:0:1460:5000,0:mss::0",
        "new TTL 36 below: fuzzy only | s | 4:128:0:1460:5000,0:mss::0 | 4:92:0:1460:5000,0:mss::0",
        "new TTL above | s | 4:64:0:1460:5000,0:mss::0 | 4:65:0:1460:5000,0:mss::0",
        "earlier bad TTL, new higher | s | 4:64-:0:1460:5000,0:mss::0 | 4:65:0:1460:5000,0:mss::0",
        "new wildcard MSS | s | 4:64:0:1460:5000,0:mss::0 | 4:64:0:*:5000,0:mss::0",
        "new wildcard window | s | 4:64:0:1460:5000,0:mss::0 | 4:64:0:1460:*,0:mss::0",
        "new mss*N vs earlier literal | s | 4:64:0:1460:29200,0:mss::0 | 4:64:0:1460:mss*20,0:mss::0",
        "different multiplier kind | s | 4:64:0:*:mss*4,0:mss::0 | 4:64:0:*:mtu*4,0:mss::0",
        "quirk vanished: fuzzy only | s | 4:64:0:1460:5000,0:mss:df:0 | 4:64:0:1460:5000,0:mss::0",
        "different layout | s | 4:64:0:1460:5000,0:mss::0 | 4:64:0:1460:5000,0:mss,nop::0",
        "different eol padding | s | 4:64:0:1460:5000,0:mss,eol+1::0 | 4:64:0:1460:5000,0:mss,eol+2::0",
        "different olen | s | 4:64:0:1460:5000,0:mss::0 | 4:64:4:1460:5000,0:mss::0",
        "new wildcard pclass | s | 4:64:0:1460:5000,0:mss::0 | 4:64:0:1460:5000,0:mss::*",
    })
    void notCovered(String what, String earlierType, String earlier, String newer) throws SignatureSyntaxException {
        SignatureDatabase db = SignatureDatabase.parse("dup.fp", file(earlierType, earlier, newer));
        assertEquals(2, db.tcpRequest().size());
    }

    @Test
    void sectionsAreCheckedSeparately() throws SignatureSyntaxException {
        String sig = "sig = 4:64:0:1460:5000,0:mss::0";
        SignatureDatabase db = SignatureDatabase.parse("dup.fp", String.join("\n", "classes = unix", "[tcp:request]",
                "label = s:unix:A:", sig, "[tcp:response]", "label = s:unix:A:", sig));
        assertEquals(1, db.tcpRequest().size());
        assertEquals(1, db.tcpResponse().size());
    }
}
