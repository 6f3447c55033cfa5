package io.passivetcp.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every database error is fatal and names its line (spec §3). Each case is a whole file, the line p0f would
 * report, and a fragment of the reason.
 */
class SignatureSyntaxErrorTest {
    private static final String HEAD = "classes = win,unix,other\n[tcp:request]\nlabel = s:unix:Linux:x\n";
    private static final String SIG = "*:64:0:*:mss*20,10:mss,sok,ts,nop,ws:df,id+:0";

    static Stream<Arguments> badFiles() {
        return Stream.of(lineErrors(), stateErrors(), statementErrors(), tcpSigErrors(), httpSigErrors())
                .flatMap(s -> s);
    }

    /** §3.1 lines and §3.2 sections. */
    private static Stream<Arguments> lineErrors() {
        return Stream.of(
                bad("CRLF line endings", "classes = win,unix,other\r\n[mtu]\r\n", 1, "malformed class entry"),
                bad("CR after a section header", "[mtu]\r\n", 1, "malformed section header"),
                bad("trailing blank after pclass", HEAD + "sig = " + SIG + " \n", 4, "malformed payload class"),
                bad("statement without '='", "classes win\n", 1, "unexpected statement"),
                bad("unknown field", "[mtu]\nname = x\n", 2, "unrecognized field 'name'"),
                bad("field names are case-sensitive", "Classes = a\n", 1, "unrecognized field 'Classes'"),
                bad("unknown section", "[udp:request]\n", 1, "unrecognized fingerprinting module 'udp'"),
                bad("unknown direction", "[tcp:sideways]\n", 1, "unrecognized traffic direction"),
                bad("section without colon", "[tcp]\n", 1, "malformed section header"));
    }

    /** §3.2 parser states. */
    private static Stream<Arguments> stateErrors() {
        return Stream.of(
                bad("classes after a section", "[mtu]\nclasses = a\n", 2, "misplaced 'classes'"),
                bad("label before any section", "classes = a\nlabel = s:a:X:\n", 2, "misplaced 'label'"),
                bad("sig before label", "classes = a\n[tcp:request]\n; c\nsig = " + SIG + "\n", 4,
                        "misplaced 'sig'"),
                bad("sig after a section header resets the label", HEAD + "sig = " + SIG + "\n[tcp:response]\nsig = "
                        + SIG + "\n", 6, "misplaced 'sig'"),
                bad("sys without '!' label", HEAD + "sys = Linux\n", 4, "misplaced 'sys'"),
                bad("'!' label without sys", "[tcp:request]\nlabel = s:!:Tool:\nsig = " + SIG + "\n", 3,
                        "followed by its 'sys' line"),
                bad("'!' label followed by a label", "[tcp:request]\nlabel = s:!:Tool:\nlabel = s:!:Tool2:\n", 3,
                        "misplaced 'label'"),
                bad("ua_os in a tcp section", "[tcp:request]\nua_os = Linux\n", 2, "misplaced 'ua_os'"),
                bad("ua_os in http:response", "[http:response]\nua_os = Linux\n", 2, "misplaced 'ua_os'"),
                bad("ua_os after a label", "classes = a\n[http:request]\nlabel = s:a:X:\nua_os = Linux\n", 4,
                        "misplaced 'ua_os'"));
    }

    /** §3.3–3.6, §3.8 classes, label, sys, [mtu], ua_os. */
    private static Stream<Arguments> statementErrors() {
        return Stream.of(
                bad("class with a dash", "classes = win,un-ix\n", 1, "malformed class entry"),
                bad("trailing comma in classes", "classes = win,\n", 1, "malformed class entry"),
                bad("unknown class", "classes = win\n[tcp:request]\nlabel = s:unix:X:\n", 3, "unknown class 'unix'"),
                bad("label type", HEAD + "label = x:unix:X:\n", 4, "malformed label type"),
                bad("label without name", HEAD + "label = s:unix::flavor\n", 4, "malformed name"),
                bad("label name without colon", HEAD + "label = s:unix:Name\n", 4, "malformed name"),
                bad("label name with ':'-less bad char", HEAD + "label = s:unix:Na*me:\n", 4, "malformed name"),
                bad("class token '!x'", HEAD + "label = s:!x:Name:\n", 4, "unknown class '!x'"),
                bad("sys with unknown class", "classes = a\n[tcp:request]\nlabel = s:!:T:\nsys = @b\n", 4,
                        "unknown class 'b'"),
                bad("sys with trailing comma", "[tcp:request]\nlabel = s:!:T:\nsys = Linux,\n", 3,
                        "malformed sys entry"),
                bad("empty mtu label", "[mtu]\nlabel = \n", 2, "empty MTU label"),
                bad("mtu value with text", "[mtu]\nlabel = L\nsig = 1500 \n", 3, "malformed MTU value"),
                bad("mtu value 0", "[mtu]\nlabel = L\nsig = 0\n", 3, "malformed MTU value"),
                bad("mtu value too big", "[mtu]\nlabel = L\nsig = 65536\n", 3, "malformed MTU value"),
                bad("malformed ua_os", "[http:request]\nua_os = Linux,=[x]\n", 2, "malformed system name"),
                bad("ua_os without '['", "[http:request]\nua_os = Linux=x\n", 2, "missing '['"));
    }

    /** §3.7 TCP sig grammar. */
    private static Stream<Arguments> tcpSigErrors() {
        return Stream.of(
                bad("IP version", HEAD + "sig = 5:64:0:*:*,*::df:0\n", 4, "unrecognized IP version"),
                bad("TTL 0", HEAD + "sig = *:0:0:*:*,*:mss::0\n", 4, "bogus initial TTL"),
                bad("TTL 256", HEAD + "sig = *:256:0:*:*,*:mss::0\n", 4, "bogus initial TTL"),
                bad("TTL + distance above 255", HEAD + "sig = *:250+6:0:*:*,*:mss::0\n", 4, "bogus initial TTL"),
                bad("TTL not numeric", HEAD + "sig = *:x:0:*:*,*:mss::0\n", 4, "malformed signature"),
                bad("olen 256", HEAD + "sig = *:64:256:*:*,*:mss::0\n", 4, "bogus IP option length"),
                bad("mss 65536", HEAD + "sig = *:64:0:65536:*,*:mss::0\n", 4, "bogus MSS"),
                bad("modulo 1", HEAD + "sig = *:64:0:*:%1,*:mss::0\n", 4, "bogus '%' value"),
                bad("multiplier 0", HEAD + "sig = *:64:0:*:mss*0,*:mss::0\n", 4, "bogus MSS/MTU multiplier"),
                bad("multiplier 1001", HEAD + "sig = *:64:0:*:mtu*1001,*:mss::0\n", 4, "multiplier"),
                bad("window 65536", HEAD + "sig = *:64:0:*:65536,*:mss::0\n", 4, "bogus window size"),
                bad("window wildcard without comma", HEAD + "sig = *:64:0:*:*:*:mss::0\n", 4, "malformed signature"),
                bad("scale 256", HEAD + "sig = *:64:0:*:*,256:mss::0\n", 4, "bogus window scale"),
                bad("unknown option", HEAD + "sig = *:64:0:*:*,*:mss,foo::0\n", 4, "unrecognized TCP option"),
                bad("eol not last", HEAD + "sig = *:64:0:*:*,*:eol+1,mss::0\n", 4, "EOL must be the last option"),
                bad("eol without +", HEAD + "sig = *:64:0:*:*,*:eol::0\n", 4, "malformed EOL option"),
                bad("truncated eol", HEAD + "sig = *:64:0:*:*,*:eol+1\n", 4, "truncated options"),
                bad("option ?256", HEAD + "sig = *:64:0:*:*,*:?256::0\n", 4, "bogus '?' option"),
                bad("option separator", HEAD + "sig = *:64:0:*:*,*:mss;nop::0\n", 4, "malformed TCP option layout"),
                bad("25 options", HEAD + "sig = *:64:0:*:*,*:" + "nop,".repeat(24) + "nop::0\n", 4,
                        "too many TCP options"),
                bad("unknown quirk", HEAD + "sig = *:64:0:*:*,*:mss:df,foo:0\n", 4, "unrecognized quirk"),
                bad("quirk separator", HEAD + "sig = *:64:0:*:*,*:mss:df;id+:0\n", 4, "malformed quirks"),
                bad("v6 sig with df", HEAD + "sig = 6:64:0:*:*,*:mss:df:0\n", 4, "'df' is not valid for IPv6"),
                bad("v6 sig with id-", HEAD + "sig = 6:64:0:*:*,*:mss:id-:0\n", 4, "'id-' is not valid for IPv6"),
                bad("v6 sig with 0+", HEAD + "sig = 6:64:0:*:*,*:mss:0+:0\n", 4, "'0+' is not valid for IPv6"),
                bad("v4 sig with flow", HEAD + "sig = 4:64:0:*:*,*:mss:flow:0\n", 4, "'flow' is not valid for IPv4"),
                bad("pclass 1", HEAD + "sig = *:64:0:*:*,*:mss::1\n", 4, "malformed payload class"),
                bad("sig cut short", HEAD + "sig = *:64:0\n", 4, "malformed signature"),
                bad("bad-TTL sig ending right after '-:'", HEAD + "sig = *:64-:\n", 4, "malformed signature"));
    }

    /** §3.8 HTTP sig grammar. */
    private static Stream<Arguments> httpSigErrors() {
        return Stream.of(
                bad("HTTP version 2", "[http:request]\nlabel = s:!:A:\nsys = Linux\nsig = 2:Host::\n", 4,
                        "bad HTTP version"),
                bad("HTTP version without colon", "[http:request]\nlabel = s:!:A:\nsys = Linux\nsig = 11:Host::\n",
                        4, "malformed signature"),
                bad("HTTP header name", "[http:request]\nlabel = s:!:A:\nsys = Linux\nsig = 1:Ho st::\n", 4,
                        "malformed signature"),
                bad("HTTP empty header name", "[http:request]\nlabel = s:!:A:\nsys = Linux\nsig = 1:Host,,X::\n", 4,
                        "malformed header name"),
                bad("HTTP value without [", "[http:request]\nlabel = s:!:A:\nsys = Linux\nsig = 1:Host=x::\n", 4,
                        "missing '['"),
                bad("HTTP empty value", "[http:request]\nlabel = s:!:A:\nsys = Linux\nsig = 1:Host=[]::\n", 4,
                        "non-empty"),
                bad("HTTP unterminated value", "[http:request]\nlabel = s:!:A:\nsys = Linux\nsig = 1:Host=[x\n", 4,
                        "non-empty"),
                bad("HTTP '?' in habsent", "[http:request]\nlabel = s:!:A:\nsys = Linux\nsig = 1:Host:?X:\n", 4,
                        "malformed header name"),
                bad("HTTP colon in expsw", "[http:request]\nlabel = s:!:A:\nsys = Linux\nsig = 1:Host::a:b\n", 4,
                        "must not contain ':'"),
                bad("33 HTTP headers", "[http:request]\nlabel = s:!:A:\nsys = Linux\nsig = 1:"
                        + "H,".repeat(32) + "H::\n", 4, "too many headers"));
    }

    private static Arguments bad(String what, String text, int line, String reasonFragment) {
        return Arguments.of(what, text, line, reasonFragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void failsAtTheRightLineWithAReason(String what, String text, int line, String reasonFragment) {
        SignatureSyntaxException e = assertThrows(SignatureSyntaxException.class,
                () -> SignatureDatabase.parse("bad.fp", text));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals("bad.fp", e.file());
        assertTrue(e.reason().contains(reasonFragment), e.getMessage());
        assertEquals("bad.fp, line " + line + ": " + e.reason(), e.getMessage());
    }

    /** A file saved with Windows line endings fails as in p0f, and the message says why: nothing else shows the CR. */
    @Test
    void aLineEndingInACarriageReturnIsPointedOut() {
        SignatureSyntaxException crlf = assertThrows(SignatureSyntaxException.class,
                () -> SignatureDatabase.parse("bad.fp", "; saved on Windows\r\nclasses = win,unix,other\r\n"));
        assertEquals(2, crlf.line());
        assertEquals("malformed class entry (classes are letters and digits, separated by commas); the line ends in a "
                + "carriage return (Windows line endings, which p0f refuses too: convert the file, e.g. dos2unix)",
                crlf.reason());
        SignatureSyntaxException lf = assertThrows(SignatureSyntaxException.class,
                () -> SignatureDatabase.parse("bad.fp", "; a comment\r\nclasses win\n"));
        assertEquals(2, lf.line());
        assertEquals("unexpected statement (expected a [section] or 'name = value')", lf.reason());
    }

    @Test
    void trailingBlankInALabelBecomesPartOfTheFlavor() {
        SignatureDatabase db = TestDatabases.parse("classes = unix", "[tcp:request]", "label = s:unix:Linux:x ",
                "sig = " + SIG);
        assertEquals("Linux x ", db.tcpRequest().get(0).label().displayName());
    }

    @Test
    void bug3NMinusColonSkipsTheFirstOlenCharacter() {
        SignatureDatabase db = TestDatabases.tcpRequest("label = s:unix:A:", "sig = *:64-:12:1460:1024,0:mss::0",
                "label = s:unix:B:", "sig = *:64-:0:1460:1024,0:mss,nop::0");
        assertEquals(2, db.tcpRequest().get(0).olen());
        assertTrue(db.tcpRequest().get(0).badTtl());
        assertEquals(0, db.tcpRequest().get(1).olen());
    }

    @Test
    void dashNotFollowedByColonIsJustASeparator() {
        // p0f only treats "-:" as bad-TTL; "64-0:" reads TTL 64 and olen 0
        SignatureDatabase db = TestDatabases.tcpRequest("label = s:unix:A:", "sig = *:64-0:1460:1024,0:mss::0");
        assertEquals(64, db.tcpRequest().get(0).ittl());
        assertEquals(false, db.tcpRequest().get(0).badTtl());
        assertEquals(1460, db.tcpRequest().get(0).mss());
    }
}
