package io.passivetcp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.TestDatabases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fingerprint fields host scoring needs (spec §7.9, §8.8): software, via, ua_os, fields(). */
class HttpHostFieldsTest {

    private static HttpFingerprint request(String headerLines) {
        Conversation c = new Conversation();
        c.client("GET / HTTP/1.1\r\nHost: h\r\n" + headerLines + "\r\n");
        return c.only();
    }

    /** [T 03 proxied]: Via / X-Forwarded-For with a value; printed as optional request headers. */
    @Test
    void viaAndForwardedFor() {
        HttpFingerprint proxied = request("Accept: */*\r\nX-Forwarded-For: 203.0.113.77\r\nVia: 1.1 proxy.example\r\n");
        assertTrue(proxied.hasVia());
        assertEquals("app=???|lang=none|params=anonymous|raw_sig=1:Host,Accept=[*/*],?X-Forwarded-For,?Via:"
                + "User-Agent,Connection,Accept-Encoding,Accept-Language,Accept-Charset,Keep-Alive:", proxied.toString());
        assertTrue(request("X-Forwarded-For: 1.2.3.4\r\n").hasVia());
        assertTrue(request("Via: x\r\n").hasVia());
        assertFalse(request("Via:\r\n").hasVia(), "an empty value is no value");
        assertFalse(request("via: x\r\nX-Forwarded-for: y\r\n").hasVia(), "Q-17: exact-case names only");
        assertFalse(request("Accept: */*\r\n").hasVia());
    }

    @Test
    void softwareOfARequestIsTheUserAgent() {
        assertEquals("curl/8", request("User-Agent: curl/8\r\nServer: s\r\n").software());
        assertEquals("b", request("User-Agent: a\r\nUser-Agent: b\r\n").software());
        assertEquals("a", request("User-Agent: a\r\nUser-Agent:\r\n").software());
        assertNull(request("Server: s\r\n").software());
        assertEquals("anonymous", request("Server: s\r\n").params());
        assertEquals(0, request("Date: Thu, 26 Nov 2026 16:20:31 GMT\r\n").date(), "requests have no date");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0|Linux",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:109.0) Gecko/20100101 Firefox/115.0|Windows",
        "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)|iOS",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)|iOS",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)|Mac OS X",
        "Mozilla/5.0 (Windows NT 6.1; Linux emulation)|Linux",
        "Mozilla/5.0 (X11; SunOS sun4u)|Solaris",
        "curl/7.88.1|NULL",
        "linux|NULL",
    })
    void userAgentOsUsesTheFirstEntryInFileOrder(String sw, String os) {
        SignatureDatabase db = TestDatabases.stock();
        io.passivetcp.signature.UserAgentOs u = UserAgentOs.find(db, sw);
        assertEquals(os, u == null ? null : u.name());
        if (u != null) {
            assertEquals(db.nameOf(u.nameId()), u.name());
        }
    }

    @Test
    void userAgentOsOfNothingIsNothing() {
        assertNull(UserAgentOs.find(TestDatabases.stock(), null));
    }

    @Test
    void fieldsInPrintOrder() {
        HttpFingerprint f = request("User-Agent: t/1\r\nAccept-Language: de\r\n");
        assertEquals(java.util.List.of("app", "???", "lang", "German", "params", "none", "raw_sig", f.rawSig()),
                java.util.List.of(f.fields()));
        assertNull(f.label());
        assertNull(f.match());
    }
}
