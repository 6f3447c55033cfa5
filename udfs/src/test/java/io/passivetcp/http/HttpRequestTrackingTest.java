package io.passivetcp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passivetcp.P0fConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §7.1, §7.2 and the request side of §7.4: when a client's bytes become an {@code http request} event. */
class HttpRequestTrackingTest {
    private static final String MISSING_AFTER_ACCEPT =
            "Connection,Accept-Encoding,Accept-Language,Accept-Charset,Keep-Alive";

    @Test
    void simpleRequestCompletesAndWaitsForTheResponse() {
        Conversation c = new Conversation();
        assertFalse(c.client(Conversation.SIMPLE_REQUEST));
        HttpFingerprint f = c.only();
        assertTrue(f.request());
        assertEquals("app=???|lang=none|params=none|raw_sig=1:Host,User-Agent,Accept=[*/*]:"
                + MISSING_AFTER_ACCEPT + ":t/1", f.toString());
        assertEquals(1, f.httpVersion());
        assertEquals(c.seconds, f.receivedSeconds());
        assertTrue(c.state.requestComplete);
        assertEquals(0, c.state.parsePosition);
        assertEquals(0, c.state.headerCount);
    }

    @Test
    void headRequestsCountToo() {
        Conversation c = new Conversation();
        c.client("HEAD /x HTTP/1.0\r\nUser-Agent: t/1\r\n\r\n");
        assertEquals("0:User-Agent:Host,Connection,Accept,Accept-Encoding,Accept-Language,Accept-Charset,Keep-Alive:t/1",
                c.only().rawSig());
    }

    /** [T 08 post]: other methods, lower-case methods and paths not starting with '/' end HTTP tracking. */
    @ParameterizedTest
    @ValueSource(strings = {
        "POST / HTTP/1.1\r\nHost: h\r\nUser-Agent: curl/7.88.1\r\nContent-Length: 0\r\n\r\n",
        "get / HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET http://h/ HTTP/1.1\r\nHost: h\r\n\r\n",
        "HEAD  / HTTP/1.1\r\nHost: h\r\n\r\n",
        "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003abcdefgh", // TLS ClientHello
    })
    void onlyGetAndHeadWithAbsolutePathAreLookedAt(String request) {
        Conversation c = new Conversation();
        assertTrue(c.client(request));
        assertTrue(c.fingerprints.isEmpty());
        assertEquals(HttpFlowState.NOT_HTTP, c.state.httpState);
    }

    @Test
    void fewerThan15BytesWaitWithoutJudging() {
        Conversation c = new Conversation();
        assertFalse(c.client("POST / HTTP/1"));
        assertEquals(HttpFlowState.UNDECIDED, c.state.httpState);
        assertTrue(c.client(".1\r\n"), "judged once 15 bytes are there");
    }

    @Test
    void newlineBeforeOffset14IsNotHttp() {
        Conversation c = new Conversation();
        assertTrue(c.client("GET / HTTP/1.\nHost: h\n\n")); // '\n' at offset 13
        assertTrue(c.fingerprints.isEmpty());
        Conversation ok = new Conversation();
        ok.client("GET /a HTTP/1.1\nHost: h\n\n"); // '\n' at offset 15
        assertEquals(1, ok.fingerprints.size());
    }

    @Test
    void requestLineMustEndWithHttp1Tag() {
        for (String bad : new String[] {"GET / HTTP/2.0\r\n\r\n", "GET / HTTP/1.1 \r\n\r\n", "GET / FTP/1.1\r\n\r\n",
            "GET / HTTP/1.1\r\r\n\r\n"}) {
            Conversation c = new Conversation();
            assertTrue(c.client(bad), bad);
            assertTrue(c.fingerprints.isEmpty(), bad);
        }
    }

    @Test
    void versionIsOneOnlyForHttp11() {
        assertEquals(1, versionOf("GET / HTTP/1.1\r\n\r\n"));
        assertEquals(0, versionOf("GET / HTTP/1.0\r\n\r\n"));
        assertEquals(0, versionOf("GET / HTTP/1.9\n\n"));
        assertEquals(1, versionOf("GET /xHTTP/1.1\n\n"), "the tag is found by position, not after a space");
    }

    private static int versionOf(String request) {
        Conversation c = new Conversation();
        c.client(request);
        return c.only().httpVersion();
    }

    /** [T 08 binary]: any byte but '\r' below 0x20 or above 0x7F in the request line ends tracking. */
    @Test
    void nonAsciiRequestLineIsIgnored() {
        Conversation c = new Conversation();
        assertTrue(c.client("GET /\u00ff HTTP/1.1\r\nHost: h\r\n\r\n"));
        assertTrue(c.fingerprints.isEmpty());
        Conversation tab = new Conversation();
        assertTrue(tab.client("GET /\t HTTP/1.1\r\nHost: h\r\n\r\n"));
        Conversation allowed = new Conversation();
        allowed.client("GET /\u007f\r HTTP/1.1\r\nHost: h\r\n\r\n");
        assertEquals(1, allowed.fingerprints.size(), "DEL and a stray CR are allowed");
    }

    @Test
    void requestLineMustEndBeforeOffset1024() {
        String longest = "GET /" + "a".repeat(P0fConfig.HTTP_MAX_URL - 1 - 5 - 9) + " HTTP/1.1\n\n"; // '\n' at 1023
        assertEquals(P0fConfig.HTTP_MAX_URL - 1, longest.indexOf('\n'));
        Conversation c = new Conversation();
        c.client(longest);
        assertEquals(1, c.fingerprints.size());

        String tooLong = "GET /" + "a".repeat(P0fConfig.HTTP_MAX_URL - 5 - 9) + " HTTP/1.1\n\n"; // '\n' at 1024
        Conversation c2 = new Conversation();
        assertTrue(c2.client(tooLong));
        assertTrue(c2.fingerprints.isEmpty());
    }

    @Test
    void requestLineThatStaysIncompletePast1024IsAbandonedEvenInPieces() {
        Conversation c = new Conversation();
        assertFalse(c.client("GET /" + "a".repeat(1000)));
        assertTrue(c.client("a".repeat(100)));
    }

    @Test
    void splitRequestIsHandled() {
        Conversation c = new Conversation();
        assertFalse(c.client("GET / HTTP/1.1\r\n"));
        assertFalse(c.client("Host: h\r\nUser-"));
        assertFalse(c.client("Agent: t/1\r\nAccept: */*\r"));
        assertTrue(c.fingerprints.isEmpty());
        c.seconds += 3;
        assertFalse(c.client("\n\r\n"));
        assertEquals("1:Host,User-Agent,Accept=[*/*]:" + MISSING_AFTER_ACCEPT + ":t/1", c.only().rawSig());
        assertEquals(c.seconds, c.only().receivedSeconds(), "recv_date: the segment that completed the block");
    }

    /** [T 08 lf-only]. */
    @Test
    void lfOnlyLines() {
        Conversation c = new Conversation();
        c.client("GET /lf HTTP/1.1\nHost: h\nUser-Agent: lf-client/1.0\nAccept: */*\n\n");
        assertEquals("1:Host,User-Agent,Accept=[*/*]:" + MISSING_AFTER_ACCEPT + ":lf-client/1.0", c.only().rawSig());
    }

    @Test
    void aLoneCarriageReturnEndsTheHeaderBlock() {
        Conversation c = new Conversation();
        c.client("GET / HTTP/1.1\r\nHost: h\r\n\r");
        assertEquals(1, c.fingerprints.size());
    }

    /** [T 08 http10]: no blank needed after the colon, only one blank skipped. */
    @Test
    void http10WithoutHost() {
        Conversation c = new Conversation();
        c.client("GET / HTTP/1.0\r\nUser-Agent:Lynx/2.8.9\r\nAccept:  text/html\r\n\r\n");
        assertEquals("app=???|lang=none|params=none|raw_sig=0:User-Agent,Accept=[ text/html]:"
                + "Host,Connection,Accept-Encoding,Accept-Language,Accept-Charset,Keep-Alive:Lynx/2.8.9",
                c.only().toString());
    }

    /** [T 08 manyhdrs]: 33 header lines end tracking without an event; 32 are fine. */
    @Test
    void atMost32Headers() {
        StringBuilder r = new StringBuilder("GET / HTTP/1.1\r\n");
        for (int i = 0; i < P0fConfig.HTTP_MAX_HDRS; i++) {
            r.append(String.format("X-H%02d: v\r\n", i));
        }
        Conversation ok = new Conversation();
        ok.client(r + "\r\n");
        assertEquals(1, ok.fingerprints.size());
        Conversation bad = new Conversation();
        assertTrue(bad.client(r + "X-H32: v\r\n\r\n"));
        assertTrue(bad.fingerprints.isEmpty());
    }

    /** [T 08 longval], BUG-8: the flow lives on until its next segment. */
    @Test
    void valueOver1024BytesIsIgnored() {
        Conversation c = new Conversation();
        assertFalse(c.client("GET / HTTP/1.1\r\nHost: h\r\nUser-Agent: " + "A".repeat(1100) + "\r\n\r\n"),
                "BUG-8: p0f still answers 'need more'");
        assertTrue(c.fingerprints.isEmpty());
        assertEquals(HttpFlowState.NOT_HTTP, c.state.httpState);
        assertTrue(c.client("x"), "the next segment ends the flow");
    }

    @Test
    void valueLimitCountsTheCarriageReturn() {
        Conversation lf = new Conversation();
        lf.client("GET / HTTP/1.1\nX-A: " + "v".repeat(P0fConfig.HTTP_MAX_HDR_VAL) + "\n\n");
        assertEquals(1, lf.fingerprints.size(), "1024 value bytes are fine");
        Conversation crlf = new Conversation();
        crlf.client("GET / HTTP/1.1\nX-A: " + "v".repeat(P0fConfig.HTTP_MAX_HDR_VAL) + "\r\n\n");
        assertTrue(crlf.fingerprints.isEmpty(), "1024 bytes + CR reach 1025 before the LF");
    }

    @Test
    void headerNameRules() {
        String name32 = "X".repeat(P0fConfig.HTTP_MAX_HDR_NAME);
        Conversation ok = new Conversation();
        ok.client("GET / HTTP/1.1\r\n" + name32 + ": v\r\nA_b-9: w\r\n\r\n");
        assertEquals("1:" + name32 + "=[v],A_b-9=[w]:Host,User-Agent,Connection,Accept,Accept-Encoding,"
                + "Accept-Language,Accept-Charset,Keep-Alive:", ok.only().rawSig());
        for (String bad : new String[] {name32 + "X: v", "Host : h", " folded", ": v", "X.Y: v", "Hö: v"}) {
            Conversation c = new Conversation();
            assertTrue(c.client("GET / HTTP/1.1\r\nAccept: */*\r\n" + bad + "\r\n\r\n"), bad);
            assertTrue(c.fingerprints.isEmpty(), bad);
        }
    }

    @Test
    void nameOrValueCutBySegmentIsReparsed() {
        Conversation c = new Conversation();
        c.client("GET / HTTP/1.1\r\nAcc");
        assertEquals(16, c.state.parsePosition);
        c.client("ept: *");
        assertEquals(16, c.state.parsePosition);
        c.client("/*\r\n\r\n");
        assertEquals("1:Accept=[*/*]:Host,User-Agent,Connection,Accept-Encoding,Accept-Language,Accept-Charset,"
                + "Keep-Alive:", c.only().rawSig());
    }

    @Test
    void onlyTheFirstRequestCounts() {
        Conversation c = new Conversation();
        c.client(Conversation.SIMPLE_REQUEST + Conversation.SIMPLE_REQUEST);
        assertFalse(c.client(Conversation.SIMPLE_REQUEST), "later client data waits for the response");
        assertEquals(1, c.fingerprints.size());
    }

    @Test
    void serverTalkingFirstEndsTracking() {
        Conversation c = new Conversation();
        assertTrue(c.server("HTTP/1.1 200 OK\r\n\r\n"));
        assertEquals(HttpFlowState.NOT_HTTP, c.state.httpState);
    }

    @Test
    void responseBeforeTheRequestCompletedEndsTracking() {
        Conversation c = new Conversation();
        c.client("GET / HTTP/1.1\r\nHost: h\r\n");
        assertTrue(c.server("HTTP/1.1 200 OK\r\nServer: s\r\n\r\n"));
        assertTrue(c.fingerprints.isEmpty());
    }

    @Test
    void emptySegmentChangesNothing() {
        HttpFlowState st = new HttpFlowState();
        assertFalse(HttpTracker.onPayload(st, true, new byte[0], 0, 0, 0, new Conversation().db, f -> {
            throw new AssertionError();
        }));
        assertEquals(0, st.requestLength);
        assertEquals(HttpFlowState.UNDECIDED, st.httpState);
    }

    @Test
    void offsetAndLengthSelectThePayload() {
        byte[] framed = Conversation.bytes("junk" + Conversation.SIMPLE_REQUEST + "tail");
        HttpFlowState st = new HttpFlowState();
        java.util.List<HttpFingerprint> out = new java.util.ArrayList<>();
        HttpTracker.onPayload(st, true, framed, 4, framed.length - 8, 5, new Conversation().db, out::add);
        assertEquals(1, out.size());
        assertEquals(framed.length - 8, st.requestLength);
    }

    /** §7.1: at most MAX_FLOW_DATA bytes are kept; a header block still open then is given up. */
    @Test
    void bufferCapEndsAnUnfinishedHeaderBlock() {
        Conversation c = new Conversation();
        c.client("GET / HTTP/1.1\r\n");
        int sent = 16;
        while (!c.done) {
            c.client("X-A: " + "v".repeat(1000) + "\r\n");
            sent += 1007;
            if (c.state.headerCount > 8) {
                break;
            }
        }
        assertTrue(c.done);
        assertEquals(P0fConfig.MAX_FLOW_DATA, c.state.requestLength);
        assertTrue(sent > P0fConfig.MAX_FLOW_DATA);
        assertEquals(HttpFlowState.NOT_HTTP, c.state.httpState);
    }

    /** BUG-8 answers "need more"; only the both-buffers-full rule of §7.1 then ends the flow at once. */
    @Test
    void bothBuffersFullEndTheFlow() {
        String longValueResponse = "HTTP/1.1 200 OK\r\nX-A: " + "v".repeat(P0fConfig.MAX_FLOW_DATA);
        Conversation requestSideFree = Conversation.afterRequest(Conversation.SIMPLE_REQUEST);
        assertFalse(requestSideFree.server(longValueResponse));
        assertEquals(P0fConfig.MAX_FLOW_DATA, requestSideFree.state.responseLength);

        Conversation c = Conversation.afterRequest(Conversation.SIMPLE_REQUEST);
        assertFalse(c.client("x".repeat(P0fConfig.MAX_FLOW_DATA)), "request side full, response empty");
        assertEquals(P0fConfig.MAX_FLOW_DATA, c.state.requestLength);
        assertTrue(c.server(longValueResponse));
        assertEquals(P0fConfig.MAX_FLOW_DATA, c.state.responseLength);
    }
}
