package io.passivetcp.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.passivetcp.http.HttpSignature;
import io.passivetcp.tcp.TcpSignature;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * config/p0f.fp, the project's own default database, must give exactly the matching results of p0f's stock file:
 * same classes, names, ua_os, MTU table, and the same labels and signatures in the same order per section.
 * Only comments, blank lines and therefore line numbers may differ.
 */
class ProjectDatabaseTest {
    private final SignatureDatabase stock = TestDatabases.stock();
    private final SignatureDatabase project = TestDatabases.load(TestDatabases.projectDatabaseFile());

    @Test
    void sameTables() {
        assertEquals(stock.signatureCount(), project.signatureCount());
        assertEquals(stock.classes(), project.classes());
        assertEquals(stock.names(), project.names());
        assertEquals(stock.uaOs(), project.uaOs());
        assertEquals(stock.headerNames(), project.headerNames());
        assertEquals(mtu(stock), mtu(project));
        assertEquals(labels(stock.labels()), labels(project.labels()));
    }

    @Test
    void sameTcpSignaturesInTheSameOrder() {
        assertEquals(tcp(stock.tcpRequest()), tcp(project.tcpRequest()));
        assertEquals(tcp(stock.tcpResponse()), tcp(project.tcpResponse()));
    }

    @Test
    void sameHttpSignaturesInTheSameOrder() {
        assertEquals(http(stock.httpRequest()), http(project.httpRequest()));
        assertEquals(http(stock.httpResponse()), http(project.httpResponse()));
    }

    @Test
    void itIsAFileOfItsOwn() {
        assertNotEquals(stock.version(), project.version()); // own comments and layout, not a copy
    }

    private static List<String> mtu(SignatureDatabase db) {
        return db.mtuSignatures().stream().map(m -> m.link() + "=" + m.mtu()).collect(Collectors.toList());
    }

    private static List<String> labels(List<Label> labels) {
        return labels.stream().map(l -> l.id() + " " + l.generic() + " " + l.classId() + " " + l.nameId() + " "
                + l.displayName() + " " + l.sys()).collect(Collectors.toList());
    }

    private static List<String> tcp(List<TcpSignature> sigs) {
        return sigs.stream().map(s -> s.label().id() + " " + s).collect(Collectors.toList());
    }

    private static List<String> http(List<HttpSignature> sigs) {
        return sigs.stream().map(s -> s.label().id() + " " + s + " " + s.horder().stream()
                .map(h -> Integer.toString(h.id())).collect(Collectors.joining(","))).collect(Collectors.toList());
    }
}
