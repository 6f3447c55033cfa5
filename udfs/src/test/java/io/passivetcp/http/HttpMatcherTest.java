package io.passivetcp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.TestDatabases;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Spec §7.5–7.7: header identities, the ordered walk, generic fallback, dishonest / anonymous, label key. */
class HttpMatcherTest {

    /** A request database: one application label per sig, named A1, A2, ... ({@code g:} prefix = generic). */
    private static SignatureDatabase requestDb(String... sigs) {
        List<String> lines = new ArrayList<>(List.of("classes = win,unix,other", "[http:request]"));
        for (int i = 0; i < sigs.length; i++) {
            boolean generic = sigs[i].startsWith("g:");
            lines.add("label = " + (generic ? "g" : "s") + ":!:A" + (i + 1) + ":");
            lines.add("sys = Linux");
            lines.add("sig = " + (generic ? sigs[i].substring(2) : sigs[i]));
        }
        return TestDatabases.parse(lines.toArray(String[]::new));
    }

    private static HttpFingerprint request(SignatureDatabase db, String headerLines) {
        Conversation c = new Conversation(db);
        c.client("GET / HTTP/1.1\r\n" + headerLines + "\r\n");
        return c.only();
    }

    private static String matchOf(SignatureDatabase db, String headerLines) {
        return request(db, headerLines).labelValue();
    }

    @Test
    void orderMattersOtherHeadersMayBeAnywhere() {
        SignatureDatabase db = requestDb("*:Host,Accept::");
        assertEquals("A1", matchOf(db, "X-A: 1\r\nHost: h\r\nX-B: 2\r\nAccept: a\r\nX-C: 3\r\n"));
        assertEquals("???", matchOf(db, "Accept: a\r\nHost: h\r\n"));
        assertEquals("???", matchOf(db, "Host: h\r\n"));
        assertEquals("A1", matchOf(db, "Accept: a\r\nHost: h\r\nAccept: b\r\n"), "a later occurrence counts");
    }

    @Test
    void optionalHeadersMayBeMissingButNotOutOfOrder() {
        SignatureDatabase db = requestDb("*:Host,?Cookie,Accept::");
        assertEquals("A1", matchOf(db, "Host: h\r\nAccept: a\r\n"));
        assertEquals("A1", matchOf(db, "Host: h\r\nCookie: c\r\nAccept: a\r\n"));
        assertEquals("???", matchOf(db, "Cookie: c\r\nHost: h\r\nAccept: a\r\n"), "optional but before Host");
        assertEquals("???", matchOf(db, "Host: h\r\nAccept: a\r\nCookie: c\r\n"),
                "Cookie found after Accept moves the walk past Accept");
    }

    @Test
    void optionalHeaderWithValueMustCarryItWhenPresent() {
        SignatureDatabase db = requestDb("*:Host,?Accept-Language=[;q=]::");
        assertEquals("A1", matchOf(db, "Host: h\r\n"));
        assertEquals("A1", matchOf(db, "Host: h\r\nAccept-Language: en;q=0.5\r\n"));
        assertEquals("???", matchOf(db, "Host: h\r\nAccept-Language: en\r\n"));
    }

    @Test
    void requiredValueIsACaseSensitiveSubstring() {
        SignatureDatabase db = requestDb("*:Accept=[html]::");
        assertEquals("A1", matchOf(db, "Accept: text/html,*/*\r\n"));
        assertEquals("???", matchOf(db, "Accept: text/HTML\r\n"));
        assertEquals("???", matchOf(db, "Accept:\r\n"), "no value at all");
        assertEquals("???", matchOf(db, "Accept: te\u0000xt/html\r\n"), "values are C strings");
        assertEquals("???", matchOf(db, "Accept: x\r\nAccept: html\r\n"), "only the first Accept is tried");
    }

    @Test
    void absentHeadersMustNotAppearAnywhere() {
        SignatureDatabase db = requestDb("*:Host:Keep-Alive,Accept-Charset:");
        assertEquals("A1", matchOf(db, "Host: h\r\n"));
        assertEquals("???", matchOf(db, "Accept-Charset: x\r\nHost: h\r\n"));
        assertEquals("???", matchOf(db, "Host: h\r\nKeep-Alive:\r\n"), "even without a value");
    }

    @Test
    void versionMustMatchUnlessStar() {
        SignatureDatabase db = requestDb("0:Host::", "1:Host::");
        assertEquals("A2", matchOf(db, "Host: h\r\n"));
        Conversation c = new Conversation(db);
        c.client("GET / HTTP/1.0\r\nHost: h\r\n\r\n");
        assertEquals("A1", c.only().labelValue());
    }

    @Test
    void firstSpecificWinsElseFirstGeneric() {
        SignatureDatabase db = requestDb("g:*:Host::", "g:*:::", "*:Host,Accept::", "*:Host::");
        assertEquals("A3", matchOf(db, "Host: h\r\nAccept: a\r\n"), "a later specific beats an earlier generic");
        assertEquals("A4", matchOf(db, "Host: h\r\n"));
        HttpFingerprint f = request(db, "X: y\r\nUser-Agent: u\r\n");
        assertEquals("A2", f.labelValue());
        assertEquals("generic", f.params());
    }

    /** Q-17 [T 08 lowercase]: names are case-sensitive, so lower-case names are unknown headers. */
    @Test
    void lowerCaseNamesAreUnknownAndAnonymous() {
        SignatureDatabase db = requestDb("*:Host,User-Agent::");
        HttpFingerprint f = request(db, "host: h\r\nuser-agent: curl/7.88.1\r\naccept: */*\r\n");
        assertEquals("???", f.labelValue());
        assertEquals("anonymous", f.params());
        assertNull(f.software());
        assertEquals("1:host=[h],user-agent=[curl/7.88.1],accept=[*/*]:Host,User-Agent,Connection,Accept,"
                + "Accept-Encoding,Accept-Language,Accept-Charset,Keep-Alive:", f.rawSig());
    }

    @Test
    void unknownHeadersNeverSatisfyASigEntry() {
        SignatureDatabase db = requestDb("*:X-Custom::");
        assertEquals("A1", matchOf(db, "X-Custom: 1\r\n"), "names used by sigs are known");
        assertEquals("???", matchOf(db, "X-custom: 1\r\n"));
    }

    /** [T 03 fakeua]: Firefox layout with a curl User-Agent. */
    @Test
    void dishonestAnonymousAndStockMatches() {
        String firefox = "Host: h\r\nUser-Agent: %s\r\nAccept: text/html,*/*;q=0.8\r\nAccept-Language: en-US,en;q=0.5\r\n"
                + "Accept-Encoding: gzip, deflate\r\nConnection: keep-alive\r\n";
        SignatureDatabase stock = TestDatabases.stock();
        HttpFingerprint honest = request(stock, String.format(firefox,
                "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0"));
        assertEquals("Firefox 10.x or newer", honest.labelValue());
        assertEquals("app", honest.labelKey());
        assertEquals("none", honest.params());
        assertFalse(honest.dishonest());
        HttpFingerprint liar = request(stock, String.format(firefox, "curl/7.88.1"));
        assertEquals("Firefox 10.x or newer", liar.labelValue());
        assertEquals("dishonest", liar.params());
        assertTrue(liar.dishonest());
        HttpFingerprint empty = request(stock, String.format(firefox, "\u0000hidden"));
        assertEquals("dishonest", empty.params(), "a value starting with NUL is an empty software string");
        assertEquals("", empty.software());
    }

    @Test
    void emptyExpectedSoftwareNeverMakesDishonest() {
        HttpFingerprint f = request(requestDb("*:Host::"), "Host: h\r\nUser-Agent: anything\r\n");
        assertEquals("A1", f.labelValue());
        assertFalse(f.dishonest());
    }

    @Test
    void osClassLabelsPrintKeyOs() {
        SignatureDatabase db = TestDatabases.parse("classes = win,unix,other", "[http:request]",
                "label = s:unix:Linux:2.6", "sig = *:Host::Lin");
        HttpFingerprint f = request(db, "Host: h\r\nUser-Agent: Lynx\r\n");
        assertEquals("os", f.labelKey());
        assertEquals("Linux 2.6", f.labelValue());
        assertEquals("dishonest", f.params());
        assertSame(db.httpRequest().get(0), f.match());
        assertEquals("os=Linux 2.6|lang=none|params=dishonest|raw_sig=1:Host,User-Agent:Connection,Accept,"
                + "Accept-Encoding,Accept-Language,Accept-Charset,Keep-Alive:Lynx", f.toString());
    }

    @Test
    void nonAsciiSigValuesCompareAsUtf8Bytes() {
        SignatureDatabase db = requestDb("*:X-Name=[Jürgen]::");
        assertEquals("A1", matchOf(db, "X-Name: J\u00c3\u00bcrgen\r\n"), "UTF-8 bytes on the wire");
        assertEquals("???", matchOf(db, "X-Name: J\u00fcrgen\r\n"), "Latin-1 byte 0xFC is not the sig's text");
    }

    @Test
    void responsesUseTheResponseSection() {
        SignatureDatabase db = TestDatabases.parse("classes = win,unix,other", "[http:request]",
                "label = s:!:Req:", "sys = Linux", "sig = *:::", "[http:response]", "label = s:!:Resp:",
                "sys = Linux", "sig = *:Server::srv");
        Conversation c = new Conversation(db);
        c.client(Conversation.SIMPLE_REQUEST);
        c.server("HTTP/1.1 200 OK\r\nServer: srv/1\r\n\r\n");
        assertEquals("Req", c.request().labelValue());
        assertEquals("Resp", c.response().labelValue());
        assertEquals("none", c.response().params());
    }
}
