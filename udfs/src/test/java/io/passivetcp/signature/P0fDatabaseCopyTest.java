package io.passivetcp.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.passivetcp.http.HttpSignature;
import io.passivetcp.tcp.TcpSignature;
import io.passivetcp.testutils.RepoFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * config/p0f.fp ({@code --db p0f}) must give exactly the matching results of p0f's stock file (read in place from
 * ../shared; under CI=true a missing one fails): same classes, names, ua_os, MTU table, and the same labels and
 * signatures in the same order per section. Only comments, blank lines and so line numbers may differ.
 */
class P0fDatabaseCopyTest {
    private final SignatureDatabase stock = TestDatabases.stock();
    private final SignatureDatabase copy = BundledDatabases.load("p0f");

    @Test
    void sameTables() {
        assertEquals(stock.signatureCount(), copy.signatureCount());
        assertEquals(stock.classes(), copy.classes());
        assertEquals(stock.names(), copy.names());
        assertEquals(stock.uaOs(), copy.uaOs());
        assertEquals(stock.headerNames(), copy.headerNames());
        assertEquals(mtu(stock), mtu(copy));
        assertEquals(labels(stock.labels()), labels(copy.labels()));
    }

    @Test
    void sameTcpSignaturesInTheSameOrder() {
        assertEquals(tcp(stock.tcpRequest()), tcp(copy.tcpRequest()));
        assertEquals(tcp(stock.tcpResponse()), tcp(copy.tcpResponse()));
    }

    @Test
    void sameHttpSignaturesInTheSameOrder() {
        assertEquals(http(stock.httpRequest()), http(copy.httpRequest()));
        assertEquals(http(stock.httpResponse()), http(copy.httpResponse()));
    }

    @Test
    void itIsAFileOfItsOwn() {
        assertNotEquals(stock.version(), copy.version()); // own comments and layout, not a copy of p0f's text
    }

    @Test
    void theJarCarriesTheRepositorysFiles() throws IOException {
        for (String name : BundledDatabases.NAMES) {
            assertEquals(Files.readString(RepoFiles.resolve("config/" + name + ".fp"), StandardCharsets.UTF_8),
                    BundledDatabases.text(name), name);
        }
    }

    static List<String> mtu(SignatureDatabase db) {
        return db.mtuSignatures().stream().map(m -> m.link() + "=" + m.mtu()).collect(Collectors.toList());
    }

    static List<String> labels(List<Label> labels) {
        return labels.stream().map(P0fDatabaseCopyTest::label).collect(Collectors.toList());
    }

    static String label(Label l) {
        return l.id() + " " + l.generic() + " " + l.classId() + " " + l.nameId() + " " + l.displayName() + " "
                + l.sys();
    }

    static List<String> tcp(List<TcpSignature> sigs) {
        return sigs.stream().map(s -> s.label().id() + " " + s).collect(Collectors.toList());
    }

    static List<String> http(List<HttpSignature> sigs) {
        return sigs.stream().map(s -> s.label().id() + " " + s + " " + s.horder().stream()
                .map(h -> Integer.toString(h.id())).collect(Collectors.joining(","))).collect(Collectors.toList());
    }
}
