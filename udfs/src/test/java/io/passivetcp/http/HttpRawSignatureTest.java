package io.passivetcp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Spec §7.8 and Appendix A: rendering the observed header block. */
class HttpRawSignatureTest {
    private static final String REQUEST_COMMON =
            "Host,User-Agent,Connection,Accept,Accept-Encoding,Accept-Language,Accept-Charset,Keep-Alive";

    private static String requestSig(String headerLines) {
        Conversation c = new Conversation();
        c.client("GET / HTTP/1.1\r\n" + headerLines + "\r\n");
        return c.only().rawSig();
    }

    private static String responseSig(String headerLines) {
        Conversation c = Conversation.afterRequest(Conversation.SIMPLE_REQUEST);
        c.server("HTTP/1.0 200 OK\r\n" + headerLines + "\r\n");
        return c.response().rawSig();
    }

    /** [T 08 oddvalues]: a known header's value stops at ']' or '|', an unknown one's only at ']'; 200 bytes max. */
    @Test
    void valueCutting() {
        assertEquals("1:Host,User-Agent,X-Odd=[a|b],Accept=[" + "x".repeat(200) + "]:Connection,Accept-Encoding,"
                + "Accept-Language,Accept-Charset,Keep-Alive:t/1",
                requestSig("Host: h\r\nUser-Agent: t/1\r\nX-Odd: a|b]c\r\nAccept: " + "x".repeat(250) + "\r\n"));
        assertEquals("1:Accept=[a],Connection=[b],X-A=[c\u007fd]:Host,User-Agent,Accept-Encoding,Accept-Language,"
                + "Accept-Charset,Keep-Alive:", requestSig("Accept: a|b\r\nConnection: b\u00e9c\r\nX-A: c\u007fd\u0001e\r\n"));
    }

    @Test
    void emptyOrFullyCutValuesPrintNoBrackets() {
        assertEquals("1:Accept,X-A,X-B,Connection:Host,User-Agent,Accept-Encoding,Accept-Language,Accept-Charset,"
                + "Keep-Alive:", requestSig("Accept: |x\r\nX-A:\r\nX-B: ]\r\nConnection: \r\n"));
    }

    @Test
    void carriageReturnsBeyondTheLastOneStayInTheValue() {
        assertEquals("1:X-A=[v]:" + REQUEST_COMMON + ":", requestSig("X-A: v\r\r\n"));
    }

    @Test
    void requestOptionalAndSkipValueLists() {
        assertEquals("1:Host,User-Agent,?Cookie,?Referer,?Via,?X-Forwarded-For,?Cache-Control,Accept-Charset=[u]"
                + ":Connection,Accept,Accept-Encoding,Accept-Language,Keep-Alive:ua",
                requestSig("Host: h\r\nUser-Agent: ua\r\nCookie: c\r\nReferer: r\r\nVia: v\r\nX-Forwarded-For: f\r\n"
                        + "Cache-Control: x\r\nAccept-Charset: u\r\n"));
    }

    @Test
    void responseOptionalSkipValueAndCommonLists() {
        assertEquals("0:Date,Content-Type,Server,?Set-Cookie,?ETag,?Vary,Host=[h],Cookie=[c],Via=[v]"
                + ":Connection,Keep-Alive,Accept-Ranges:srv",
                responseSig("Date: d\r\nContent-Type: t\r\nServer: srv\r\nSet-Cookie: s\r\nETag: e\r\nVary: v\r\n"
                        + "Host: h\r\nCookie: c\r\nVia: v\r\n"));
    }

    /** [T 01 response]: Python's Content-type is an unknown header; Content-Type is then missing. */
    @Test
    void pythonContentTypeIsUnknown() {
        assertEquals("0:Server,Date,Content-type=[text/html],?Content-Length:Content-Type,Connection,Keep-Alive,"
                + "Accept-Ranges:SimpleHTTP/0.6 Python/3.11.7", responseSig("Server: SimpleHTTP/0.6 Python/3.11.7\r\n"
                        + "Date: Thu, 26 Nov 2026 16:20:22 GMT\r\nContent-type: text/html\r\nContent-Length: 35\r\n"));
    }

    @Test
    void softwareIsCutLikeAnUnknownValue() {
        Conversation c = new Conversation();
        c.client("GET / HTTP/1.1\r\nUser-Agent: a|b]c\r\n\r\n");
        assertEquals("1:User-Agent:Host,Connection,Accept,Accept-Encoding,Accept-Language,Accept-Charset,Keep-Alive"
                + ":a|b", c.only().rawSig());
        assertEquals("a|b]c", c.only().software());
        Conversation longUa = new Conversation();
        longUa.client("GET / HTTP/1.1\r\nUser-Agent: " + "u".repeat(300) + "\u00e4\r\n\r\n");
        assertEquals(":" + "u".repeat(200), longUa.only().rawSig().substring(longUa.only().rawSig().lastIndexOf(':')));
        assertEquals("u".repeat(300) + "\u00e4", longUa.only().software(), "sw itself is not cut");
    }

    @Test
    void repeatedHeadersAreAllListed() {
        assertEquals("1:Accept=[a],Accept=[b]:Host,User-Agent,Connection,Accept-Encoding,Accept-Language,"
                + "Accept-Charset,Keep-Alive:", requestSig("Accept: a\r\nAccept: b\r\n"));
    }

    @Test
    void tabAfterColonIsSkippedLikeASpace() {
        assertEquals("1:Accept=[a]:Host,User-Agent,Connection,Accept-Encoding,Accept-Language,Accept-Charset,"
                + "Keep-Alive:", requestSig("Accept:\ta\r\n"));
    }
}
