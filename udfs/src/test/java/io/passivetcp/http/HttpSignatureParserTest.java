package io.passivetcp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.SignatureSyntaxException;
import io.passivetcp.signature.TestDatabases;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §3.8 HTTP sig grammar, the header-name table of §7.5 and HTTP duplicate detection of §3.9. */
class HttpSignatureParserTest {

    private static SignatureDatabase requests(String... sigs) {
        String[] lines = new String[sigs.length + 3];
        lines[0] = "[http:request]";
        lines[1] = "label = s:!:App:";
        lines[2] = "sys = Linux";
        for (int i = 0; i < sigs.length; i++) {
            lines[i + 3] = "sig = " + sigs[i];
        }
        return TestDatabases.parse(lines);
    }

    @Test
    void fields() {
        SignatureDatabase db = requests("1:Host,?Referer,Accept=[*/*],X-Odd_Name:Keep-Alive,Accept-Charset:curl/");
        HttpSignature s = db.httpRequest().get(0);
        assertEquals(1, s.version());
        assertEquals(4, s.line());
        assertEquals("App", s.label().name());
        assertEquals(List.of(
                new HttpSignature.Header("Host", db.headerId("Host"), false, null),
                new HttpSignature.Header("Referer", db.headerId("Referer"), true, null),
                new HttpSignature.Header("Accept", db.headerId("Accept"), false, "*/*"),
                new HttpSignature.Header("X-Odd_Name", db.headerId("X-Odd_Name"), false, null)), s.horder());
        assertEquals(List.of("Keep-Alive", "Accept-Charset"), s.habsent().stream().map(h -> h.name()).toList());
        assertEquals("curl/", s.expsw());
        assertEquals("1:Host,?Referer,Accept=[*/*],X-Odd_Name:Keep-Alive,Accept-Charset:curl/", s.toString());
    }

    @Test
    void versionsAndEmptyParts() {
        SignatureDatabase db = requests("0:Host::", "*:::");
        assertEquals(0, db.httpRequest().get(0).version());
        assertEquals(HttpSignature.ANY_VERSION, db.httpRequest().get(1).version());
        assertTrue(db.httpRequest().get(1).horder().isEmpty());
        assertEquals("", db.httpRequest().get(1).expsw());
    }

    @Test
    void valuesMayContainAnythingButTheClosingBracket() {
        HttpSignature s = requests("1:Accept=[a, b;q=0.5 :=[x],Host::").httpRequest().get(0);
        assertEquals("a, b;q=0.5 :=[x", s.horder().get(0).value());
        assertEquals("Host", s.horder().get(1).name());
    }

    @Test
    void headerNamesAreCaseSensitiveAndRegisteredOnce() {
        SignatureDatabase db = requests("1:user-agent,User-Agent,X-New:X-Gone:");
        assertEquals(0, db.headerId("User-Agent"));
        int lower = db.headerId("user-agent");
        assertTrue(lower > 0);
        assertEquals(lower + 1, db.headerId("X-New"));
        assertEquals(lower + 2, db.headerId("X-Gone"));
        assertEquals(db.headerNames().size() - 1, db.headerId("X-Gone"));
        // built-ins come first even when no sig uses them
        assertTrue(db.headerId("Proxy-Authorization") > 0 && db.headerId("Proxy-Authorization") < lower);
        assertEquals(-1, db.headerId("X-Unknown"));
    }

    @Test
    void stockRoundTripsAndIsNotDishonestWithoutExpsw() {
        SignatureDatabase db = TestDatabases.stock();
        HttpSignature gws = db.httpResponse().get(db.httpResponse().size() - 1);
        assertEquals("", gws.expsw());
        assertEquals(List.of("Connection", "Accept-Ranges", "Keep-Alive"),
                gws.habsent().stream().map(h -> h.name()).toList());
        HttpSignature sffe = db.httpResponse().get(db.httpResponse().size() - 3);
        assertEquals(4, sffe.habsent().size()); // "Connection" listed twice is kept twice
        assertFalse(db.httpRequest().get(0).generic());
        assertNull(db.httpRequest().get(0).horder().get(0).value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "identical                               | 1:Host,User-Agent:Accept:x      | 1:Host,User-Agent:Accept:x",
        "earlier any version                     | *:Host,User-Agent::             | 1:Host,User-Agent::",
        "extra headers in the newer sig          | 1:Host,User-Agent::             | 1:Host,Accept,User-Agent,Via::",
        "earlier optional header missing         | 1:Host,?Referer,User-Agent::    | 1:Host,User-Agent::",
        "newer has more absent headers           | 1:Host:Accept:                  | 1:Host:Accept,Via:",
        "value substring                         | 1:Accept=[html]::               | 1:Accept=[text/html;q=1]::",
        "expsw does not matter                   | 1:Host::a                       | 1:Host::b",
    })
    void covered(String what, String earlier, String newer) {
        SignatureSyntaxException e = assertThrows(SignatureSyntaxException.class,
                () -> SignatureDatabase.parse("dup.fp", String.join("\n", "[http:request]", "label = s:!:A:",
                        "sys = Linux", "sig = " + earlier, "label = s:!:B:", "sys = Linux", "sig = " + newer)));
        assertEquals(7, e.line());
        assertEquals("Signature in line 7 is already covered by line 4.", e.reason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "other version                           | 0:Host::                        | 1:Host::",
        "newer any version vs earlier 1          | 1:Host::                        | *:Host::",
        "order differs                           | 1:Host,User-Agent::             | 1:User-Agent,Host::",
        "required header missing                 | 1:Host,User-Agent::             | 1:Host::",
        "required header only optional in newer  | 1:Host,User-Agent::             | 1:Host,?User-Agent::",
        "earlier optional present out of order   | 1:Host,?Referer,User-Agent::    | 1:Referer,Host,User-Agent::",
        "newer has fewer absent headers          | 1:Host:Accept,Via:              | 1:Host:Accept:",
        "newer lists an earlier-absent header    | 1:Host:Via:                     | 1:Host,Via:Via:",
        "value not contained                     | 1:Accept=[html]::               | 1:Accept=[text/plain]::",
        "value required but newer has none       | 1:Accept=[html]::               | 1:Accept::",
        "absent list same size but different     | 1:Host:Accept:                  | 1:Host:Via:",
    })
    void notCovered(String what, String earlier, String newer) {
        SignatureDatabase db = TestDatabases.parse("[http:request]", "label = s:!:A:", "sys = Linux",
                "sig = " + earlier, "label = s:!:B:", "sys = Linux", "sig = " + newer);
        assertEquals(2, db.httpRequest().size());
    }

    @Test
    void earlierGenericDoesNotCount() {
        SignatureDatabase db = TestDatabases.parse("[http:request]", "label = g:!:A:", "sys = Linux",
                "sig = 1:Host::", "label = s:!:B:", "sys = Linux", "sig = 1:Host::");
        assertEquals(2, db.httpRequest().size());
    }

    @Test
    void newerOptionalHeaderDoesNotTripTheEarlierAbsentList() {
        // spec §3.9: the newer sig's '?' headers are treated as absent for the earlier sig's absent list
        assertThrows(SignatureSyntaxException.class, () -> SignatureDatabase.parse("dup.fp", String.join("\n",
                "[http:request]", "label = s:!:A:", "sys = Linux", "sig = 1:Host:Via:", "label = s:!:B:",
                "sys = Linux", "sig = 1:Host,?Via:Via:")));
    }
}
