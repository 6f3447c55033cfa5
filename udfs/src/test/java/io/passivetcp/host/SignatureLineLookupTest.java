package io.passivetcp.host;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.passivetcp.http.HttpSignature;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.TestDatabases;
import io.passivetcp.tcp.TcpSignature;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Host state refers to matched sigs by line: every sig of the stock database is found again, nothing else. */
class SignatureLineLookupTest {
    private final SignatureDatabase db = TestDatabases.stock();

    @Test
    void everySignatureIsFoundByItsLine() {
        List<TcpSignature> tcp = new ArrayList<>(db.tcpRequest());
        tcp.addAll(db.tcpResponse());
        for (TcpSignature s : tcp) {
            assertSame(s, db.tcpSignatureAtLine(s.line()));
            assertNull(db.httpSignatureAtLine(s.line()));
        }
        List<HttpSignature> http = new ArrayList<>(db.httpRequest());
        http.addAll(db.httpResponse());
        for (HttpSignature s : http) {
            assertSame(s, db.httpSignatureAtLine(s.line()));
            assertNull(db.tcpSignatureAtLine(s.line()));
        }
    }

    @Test
    void otherLinesFindNothing() {
        for (int line : new int[] {-1, 0, 1, Integer.MAX_VALUE}) {
            assertNull(db.tcpSignatureAtLine(line));
            assertNull(db.httpSignatureAtLine(line));
        }
        assertNull(db.tcpSignatureAtLine(db.tcpRequest().get(0).line() - 1)); // its label line
    }
}
