package io.passivetcp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.passivetcp.signature.BundledDatabases;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.TestDatabases;

/**
 * A header block kept as names and values (a table row) matches as the packets did, under any database; a raw_sig
 * read back gives the same label unless a tested value is beyond what it shows.
 */
class HttpStoredFingerprintTest {
    private static final String CURL = "Host: example.com\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n";
    private static final String FIREFOX = "Host: example.com\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) "
            + "Gecko/20100101 Firefox/128.0\r\nAccept: text/html,application/xhtml+xml\r\nAccept-Language: "
            + "en-US,en;q=0.5\r\nAccept-Encoding: gzip, deflate\r\nConnection: keep-alive\r\nCookie: a=b\r\n"
            + "X-Odd: a|b\r\nUpgrade-Insecure-Requests: 1\r\n";
    private static final String NGINX = "Server: nginx/1.24.0\r\nDate: Mon, 07 Dec 2026 00:00:00 GMT\r\n"
            + "Content-Type: text/html\r\nContent-Length: 5\r\nConnection: keep-alive\r\nETag: \"x\"\r\n";

    private static HttpFingerprint request(SignatureDatabase db, String headerLines) {
        Conversation c = new Conversation(db);
        c.client("GET / HTTP/1.1\r\n" + headerLines + "\r\n");
        return c.only();
    }

    private static HttpFingerprint response(SignatureDatabase db, String headerLines) {
        Conversation c = new Conversation(db);
        c.client(Conversation.SIMPLE_REQUEST);
        c.server("HTTP/1.1 200 OK\r\n" + headerLines + "\r\n");
        return c.response();
    }

    private static void assertStoredMatchesAsObserved(SignatureDatabase db, HttpFingerprint observed) {
        HttpFingerprint stored = HttpFingerprint.of(db, observed.request(), observed.httpVersion(),
                observed.headerNames(), observed.headerValues());
        assertEquals(observed.toString(), stored.toString());
        assertEquals(observed.dishonest(), stored.dishonest());
        assertEquals(observed.match(), stored.match());
        HttpFingerprint fromRawSig = HttpFingerprint.ofRawSignature(db, observed.rawSig(), observed.request());
        assertEquals(observed.labelValue(), fromRawSig.labelValue(), observed.rawSig());
        assertEquals(observed.rawSig(), fromRawSig.rawSig());
    }

    @Test
    void requestsAndResponsesMatchFromTheirStoredHeadersInBothBundledDatabases() {
        for (String name : BundledDatabases.NAMES) {
            SignatureDatabase db = BundledDatabases.load(name);
            for (String headers : List.of(CURL, FIREFOX)) {
                assertStoredMatchesAsObserved(db, request(db, headers));
            }
            assertStoredMatchesAsObserved(db, response(db, NGINX));
        }
    }

    /** Labelled by one database, relabelled with another: the same as observed under the other. */
    @Test
    void headersStoredUnderOneDatabaseMatchUnderAnother() {
        SignatureDatabase stock = BundledDatabases.load("p0f");
        SignatureDatabase other = TestDatabases.parse("classes = win,unix,other", "[http:request]",
                "label = s:!:Odd:", "sys = Linux", "sig = *:Host,User-Agent,X-Odd=[a|b]:Keep-Alive:");
        HttpFingerprint underStock = request(stock, FIREFOX);
        HttpFingerprint underOther = request(other, FIREFOX);
        assertEquals("Odd", underOther.labelValue());
        HttpFingerprint relabelled = HttpFingerprint.of(other, true, underStock.httpVersion(),
                underStock.headerNames(), underStock.headerValues());
        assertEquals(underOther.toString(), relabelled.toString());
    }

    /** The raw_sig's limit: a tested value beyond its 200 bytes; the stored values still carry it. */
    @Test
    void aValueCutFromTheRawSigIsStillInTheStoredValues() {
        SignatureDatabase db = TestDatabases.parse("classes = win,unix,other", "[http:request]",
                "label = s:!:Far:", "sys = Linux", "sig = *:Accept=[needle]::");
        HttpFingerprint observed = request(db, "Accept: " + "x".repeat(250) + "needle\r\n");
        assertEquals("Far", observed.labelValue());
        assertEquals("Far", HttpFingerprint.of(db, true, observed.httpVersion(), observed.headerNames(),
                observed.headerValues()).labelValue());
        assertEquals(HttpFingerprint.UNKNOWN,
                HttpFingerprint.ofRawSignature(db, observed.rawSig(), true).labelValue());
    }

    @Test
    void refusesWhatIsNotARawSignature() {
        SignatureDatabase db = BundledDatabases.load("p0f");
        for (String bad : List.of("", "2:Host::", "1:Host", "1:Host=[x:", "1:,Host::", "1:Host:Accept")) {
            assertThrows(IllegalArgumentException.class, () -> HttpFingerprint.ofRawSignature(db, bad, true), bad);
        }
        assertEquals(HttpFingerprint.UNKNOWN, HttpFingerprint.ofRawSignature(db, "1::Host:", true).labelValue());
        assertThrows(IllegalArgumentException.class,
                () -> HttpFingerprint.of(db, true, 1, List.of("Host"), List.of()));
    }
}
