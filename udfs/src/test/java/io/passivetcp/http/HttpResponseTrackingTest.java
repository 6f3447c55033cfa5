package io.passivetcp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** Spec §7.3 (with BUG-6) and the response side of §7.4: when a server's bytes become an {@code http response}. */
class HttpResponseTrackingTest {
    static final String DATE = "Thu, 26 Nov 2026 16:20:31 GMT";
    static final String NGINX = "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: " + DATE + "\r\n"
            + "Content-Type: text/html\r\nContent-Length: 35\r\nLast-Modified: Wed, 25 Nov 2026 16:20:31 GMT\r\n"
            + "Connection: keep-alive\r\nKeep-Alive: timeout=5\r\nAccept-Ranges: bytes\r\n\r\n<html>";
    static final String NGINX_SIG = "1:Server,Date,Content-Type,?Content-Length,?Last-Modified,"
            + "Connection=[keep-alive],Keep-Alive=[timeout=5],Accept-Ranges=[bytes]::nginx/1.22.1";

    private static Conversation respond(String... segments) {
        Conversation c = Conversation.afterRequest(Conversation.SIMPLE_REQUEST);
        for (String s : segments) {
            c.server(s);
        }
        return c;
    }

    @Test
    void wholeResponseMatchesAndEndsTheFlow() {
        Conversation c = Conversation.afterRequest(Conversation.SIMPLE_REQUEST);
        assertTrue(c.server(NGINX), "the first response is all p0f looks at");
        HttpFingerprint f = c.response();
        assertEquals("app=nginx 1.x|lang=none|params=none|raw_sig=" + NGINX_SIG, f.toString());
        assertFalse(f.request());
        assertEquals("nginx/1.22.1", f.software());
        assertEquals(ZonedDateTime.of(2026, 11, 26, 16, 20, 31, 0, ZoneOffset.UTC).toEpochSecond(), f.date());
        assertEquals(c.seconds, f.receivedSeconds());
        assertEquals(2, c.fingerprints.size());
    }

    /** BUG-6 [T 05-http-split]: the first line of the second segment is skipped as a "status line". */
    @Test
    void headerBlockInTwoSegmentsLosesOneLine() {
        int cut = NGINX.indexOf("Content-Type");
        Conversation c = respond(NGINX.substring(0, cut), NGINX.substring(cut));
        assertEquals("app=???|lang=none|params=none|raw_sig=1:Server,Date,?Content-Length,?Last-Modified,"
                + "Connection=[keep-alive],Keep-Alive=[timeout=5],Accept-Ranges=[bytes]:Content-Type:nginx/1.22.1",
                c.response().toString());
    }

    @Test
    void headerBlockInThreeSegmentsLosesTwoLines() {
        int cut1 = NGINX.indexOf("Content-Type");
        int cut2 = NGINX.indexOf("Connection");
        Conversation c = respond(NGINX.substring(0, cut1), NGINX.substring(cut1, cut2), NGINX.substring(cut2));
        assertEquals("1:Server,Date,?Content-Length,?Last-Modified,Keep-Alive=[timeout=5],Accept-Ranges=[bytes]"
                + ":Content-Type,Connection:nginx/1.22.1", c.response().rawSig());
    }

    @Test
    void aLineCutBySegmentsIsTheOneLost() {
        int cut = NGINX.indexOf("Date") + 3;
        Conversation c = respond(NGINX.substring(0, cut), NGINX.substring(cut));
        assertEquals("1:Server,Content-Type,?Content-Length,?Last-Modified,Connection=[keep-alive],"
                + "Keep-Alive=[timeout=5],Accept-Ranges=[bytes]:Date:nginx/1.22.1", c.response().rawSig());
        assertEquals(0, c.response().date());
    }

    @Test
    void splitStatusLineLosesNothing() {
        assertEquals(NGINX_SIG, respond("HTTP/1.1 200", NGINX.substring(12)).response().rawSig(), "< 13 bytes wait");
        assertEquals(NGINX_SIG, respond("HTTP/1.1 200 ", NGINX.substring(13)).response().rawSig(),
                "the rest of the status line is what gets skipped");
        int firstHeader = NGINX.indexOf("Server");
        assertEquals("1:Date,Content-Type,?Content-Length,?Last-Modified,Connection=[keep-alive],"
                + "Keep-Alive=[timeout=5],Accept-Ranges=[bytes]::", respond(NGINX.substring(0, firstHeader + 3),
                        NGINX.substring(firstHeader + 3)).response().rawSig(), "Server line lost: no software");
    }

    /** BUG-6 corner: past absolute offset 1024 the scan does not run and exactly one byte is skipped. */
    @Test
    void pastOffset1024ExactlyOneByteIsSkipped() {
        String first = "HTTP/1.1 200 OK\r\nX-Pad: " + "p".repeat(1000) + "\r\n"; // 1026 bytes
        assertEquals(1026, first.length());
        Conversation c = respond(first, "Xabc: v\r\n\r\n");
        assertEquals("1:X-Pad=[" + "p".repeat(200) + "],abc=[v]:Content-Type,Connection,Keep-Alive,Accept-Ranges,"
                + "Date:", c.response().rawSig());
    }

    @Test
    void atExactlyOffset1024TheResponseIsAbandoned() {
        String first = "HTTP/1.1 200 OK\r\nX-Pad: " + "p".repeat(998) + "\r\n";
        assertEquals(1024, first.length());
        Conversation c = Conversation.afterRequest(Conversation.SIMPLE_REQUEST);
        assertFalse(c.server(first));
        assertTrue(c.server("Xabc: v\r\n\r\n"));
        assertEquals(1, c.fingerprints.size());
    }

    @Test
    void statusLineRules() {
        assertEquals(0, respond("HTTP/1.0 200 OK\r\nServer: s\r\n\r\n").response().httpVersion());
        for (String bad : new String[] {"HTTP/2 200 OK\r\n\r\n", "HTTP/1.1 20\r\n\r\n", "http/1.1 200 OK\r\n\r\n",
            "HTTP/1.1 200 \u0001K\r\n\r\n", "HTTP/1.1 200 \u00c4K\r\n\r\n", " HTTP/1.1 200 OK\r\n\r\n"}) {
            Conversation c = Conversation.afterRequest(Conversation.SIMPLE_REQUEST);
            assertTrue(c.server(bad), bad);
            assertEquals(1, c.fingerprints.size(), bad);
        }
    }

    @Test
    void shortResponsesWait() {
        Conversation c = Conversation.afterRequest(Conversation.SIMPLE_REQUEST);
        assertFalse(c.server("HTTP/1.1 2"), "fewer than 13 bytes");
        assertFalse(c.server("00 OK\r\nServer: s\r\n"));
        assertFalse(c.server("\r\n"), "BUG-6: the blank line arriving alone is skipped as a status line");
        assertEquals(1, c.fingerprints.size());
        assertFalse(c.server("<html>"), "the body is in turn taken for a status line still incomplete");
        assertTrue(c.server("\n<p>"), "and then fails as a header line");
        assertEquals(1, c.fingerprints.size());
    }

    /** [T 03 fakeapache]: nginx layout, Apache Server string. */
    @Test
    void dishonestResponse() {
        HttpFingerprint f = respond(NGINX.replace("nginx/1.22.1", "Apache/2.4.57 (Debian)")).response();
        assertEquals("nginx 1.x", f.labelValue());
        assertEquals("dishonest", f.params());
        assertTrue(f.dishonest());
    }

    @Test
    void responseSpecialHeaders() {
        HttpFingerprint f = respond("HTTP/1.1 200 OK\r\nUser-Agent: ua\r\nVia: 1.1 p\r\nServer: a\r\nServer: b\r\n"
                + "Accept-Language: de\r\n\r\n").response();
        assertEquals("b", f.software(), "a repeated special header overwrites");
        assertTrue(f.hasVia());
        assertEquals("none", f.lang(), "responses never have a lang");
        assertNull(f.language());
        assertEquals(0, f.date());
        assertEquals("1:User-Agent=[ua],Via=[1.1 p],Server,Server,Accept-Language=[de]:Content-Type,Connection,"
                + "Keep-Alive,Accept-Ranges,Date:b", f.rawSig());
    }

    @Test
    void unparsableDateIsZero() {
        assertEquals(0, respond("HTTP/1.1 200 OK\r\nDate: yesterday\r\n\r\n").response().date());
    }
}
