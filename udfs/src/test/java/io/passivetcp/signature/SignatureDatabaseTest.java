package io.passivetcp.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passivetcp.http.HttpSignature;
import io.passivetcp.tcp.TcpSignature;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Loading the stock and the custom golden databases: counts, tables and identifiers of spec §3. */
class SignatureDatabaseTest {

    @Test
    void stockDatabaseHasTheCountsOfSpec311() {
        SignatureDatabase db = TestDatabases.stock();
        assertEquals(322, db.signatureCount());
        assertEquals(25, db.mtuSignatures().size());
        assertEquals(14, db.mtuSignatures().stream().map(m -> m.link()).distinct().count());
        assertEquals(91, db.tcpRequest().size());
        assertEquals(45, distinctLabels(db.tcpRequest(), TcpSignature::label));
        assertEquals(101, db.tcpResponse().size());
        assertEquals(17, distinctLabels(db.tcpResponse(), TcpSignature::label));
        assertEquals(85, db.httpRequest().size());
        assertEquals(59, distinctLabels(db.httpRequest(), HttpSignature::label));
        assertEquals(20, db.httpResponse().size());
        assertEquals(8, distinctLabels(db.httpResponse(), HttpSignature::label));
        assertEquals(List.of("win", "unix", "other"), db.classes());
    }

    private static <T> long distinctLabels(List<T> sigs, Function<T, Label> label) {
        return sigs.stream().map(label).map(Label::id).distinct().count();
    }

    @Test
    void versionIsSha256PrefixOfTheText() throws SignatureSyntaxException {
        // p0f/README.md: the stock file's sha256 starts with 45f27bcc65de0f64
        assertEquals("sha256:45f27bcc65de0f64", TestDatabases.stock().version());
        assertEquals("sha256:e3b0c44298fc1c14", SignatureDatabase.parse("empty", "").version());
    }

    @Test
    void emptyTextLoadsNothing() throws SignatureSyntaxException {
        SignatureDatabase db = SignatureDatabase.parse("empty", "");
        assertEquals(0, db.signatureCount());
        assertTrue(db.tcpRequest().isEmpty());
        assertEquals("empty", db.sourceName());
    }

    @Test
    void labelsCarryTypeClassNameFlavorAndSequentialIds() {
        SignatureDatabase db = TestDatabases.stock();
        Label first = db.tcpRequest().get(0).label();
        assertEquals(1, first.id());
        assertFalse(first.generic());
        assertEquals(1, first.classId()); // unix
        assertEquals("Linux", first.name());
        assertEquals("3.11 and newer", first.flavor());
        assertEquals("Linux 3.11 and newer", first.displayName());
        Label macGeneric = db.labels().stream().filter(l -> l.name().equals("Mac OS X") && l.generic())
                .findFirst().orElseThrow();
        assertEquals("", macGeneric.flavor());
        assertEquals("Mac OS X", macGeneric.displayName());
        for (int i = 0; i < db.labels().size(); i++) {
            assertEquals(i + 1, db.labels().get(i).id());
        }
    }

    @Test
    void applicationLabelsHaveTheirSysEntries() {
        SignatureDatabase db = TestDatabases.stock();
        Label nmap = db.labels().stream().filter(l -> l.displayName().equals("NMap SYN scan")).findFirst()
                .orElseThrow();
        assertTrue(nmap.isApplication());
        assertEquals(Label.APPLICATION_CLASS, nmap.classId());
        assertEquals(List.of(new SysEntry(true, 1), new SysEntry(true, 0)), nmap.sys()); // @unix,@win
        Label firefox = db.httpRequest().get(0).label();
        assertEquals("Windows", db.nameOf(firefox.sys().get(0).id()));
        assertFalse(firefox.sys().get(0).isClass());
        assertTrue(db.tcpRequest().get(0).label().sys().isEmpty());
    }

    @Test
    void uaOsKeepsOrderAndDefaultsTheSubstringToTheName() {
        List<UserAgentOs> ua = TestDatabases.stock().uaOs();
        assertEquals(9, ua.size());
        assertEquals("Linux", ua.get(0).substring());
        assertEquals("iPad", ua.get(2).substring());
        assertEquals("iOS", ua.get(2).name());
        assertEquals(ua.get(2).nameId(), ua.get(3).nameId());
        assertEquals(new UserAgentOs("SunOS", ua.get(8).nameId(), "Solaris"), ua.get(8));
    }

    @Test
    void namesAreInternedCaseInsensitivelyWithTheFirstSpelling() {
        // customdb.fp: "s:UNIX:linux:specific second" after "g:unix:Linux:generic first" [T customdb]
        SignatureDatabase db = TestDatabases.customDb();
        Label generic = db.tcpRequest().get(0).label();
        Label specific = db.tcpRequest().get(1).label();
        assertEquals(generic.nameId(), specific.nameId());
        assertEquals("Linux", specific.name());
        assertEquals("Linux specific second", specific.displayName());
        assertEquals(generic.classId(), specific.classId()); // class lookup is case-insensitive too
    }

    @Test
    void uaOsSubstringDefaultsToTheFirstSpelling() {
        SignatureDatabase db = TestDatabases.parse("[tcp:request]", "label = s:!:Foo:",
                "sys = Linux", "sig = *:64:0:*:*,*:mss::0", "[http:request]", "ua_os = linux,Bar=[baz]quux");
        assertEquals(List.of(new UserAgentOs("Linux", 1, "Linux"), new UserAgentOs("baz", 2, "Bar"),
                new UserAgentOs("quux", 3, "quux")), db.uaOs()); // p0f tolerates a missing comma after ']'
    }

    @Test
    void mtuLookupIsExactAndTheFirstLabelWins() {
        SignatureDatabase stock = TestDatabases.stock();
        assertEquals("Ethernet or modem", stock.mtuLink(1500));
        assertEquals("DSL", stock.mtuLink(1492));
        assertNull(stock.mtuLink(1501));
        assertEquals("Custom link", TestDatabases.customDb().mtuLink(1500)); // [T customdb]
    }

    @Test
    void headerTableStartsWithBuiltInsThenSigNames() {
        SignatureDatabase db = TestDatabases.stock();
        List<String> names = db.headerNames();
        assertEquals(List.of("User-Agent", "Server", "Accept-Language", "Via", "X-Forwarded-For", "Date"),
                names.subList(0, 6));
        assertEquals(0, db.headerId("User-Agent"));
        assertEquals(-1, db.headerId("user-agent")); // exact case
        assertTrue(db.headerId("DNT") > 0);
        assertTrue(db.headerId("Accept-language") > db.headerId("DNT")); // Flipboard's odd spelling is its own
        assertEquals(names.size(), names.stream().collect(Collectors.toSet()).size());
        HttpSignature firefox = db.httpRequest().get(0);
        assertEquals(db.headerId("Host"), firefox.horder().get(0).id());
    }

    @Test
    void customDbLoadsWithBug3Olen() {
        SignatureDatabase db = TestDatabases.customDb();
        assertEquals(7, db.signatureCount());
        TcpSignature badTtl = db.tcpRequest().get(3);
        assertTrue(badTtl.badTtl());
        assertEquals(64, badTtl.ittl());
        assertEquals(0, badTtl.olen()); // "64-:4:" reads olen 0 (BUG-3)
    }

    @Test
    void nulEndsTheTextForTheParser() throws SignatureSyntaxException {
        SignatureDatabase db = SignatureDatabase.parse("nul", "classes = a\n\0garbage that would not parse");
        assertEquals(List.of("a"), db.classes());
    }

    @Test
    void leadingBlanksCommentsAndBlankLinesAreSkipped() {
        SignatureDatabase db = TestDatabases.parse("  ; comment", "", "\t classes =  a, b", " [mtu]",
                "\tlabel   =   Link  ", "sig=1500");
        assertEquals(List.of("a", "b"), db.classes());
        assertEquals("Link  ", db.mtuLink(1500)); // the value is verbatim after the blanks following '='
        assertEquals(6, db.mtuSignatures().get(0).line());
    }
}
