package io.passivetcp.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passivetcp.http.HttpSignature;
import io.passivetcp.tcp.TcpSignature;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * config/passivetcp.fp, the default database: it loads (so p0f's duplicate rule passes), it starts each section
 * with p0f's own signatures in p0f's order (so none of p0f's specific matches is taken away: matching decides an
 * exact specific match before it reaches a later line), and every line added after them names its evidence.
 */
class PassiveTcpDatabaseTest {
    private static final String BANNER = "; passivetcp additions to ";
    private static final Pattern SOURCE = Pattern.compile("\\b(own|corpus|pm|huginn|satori)\\b");

    private final SignatureDatabase stock = TestDatabases.stock();
    private final SignatureDatabase ours = BundledDatabases.load(BundledDatabases.DEFAULT);

    @Test
    void p0fsTablesAreKept() {
        assertEquals(stock.classes(), ours.classes());
        assertEquals(stock.uaOs(), ours.uaOs());
        assertEquals(P0fDatabaseCopyTest.mtu(stock), P0fDatabaseCopyTest.mtu(ours));
    }

    @Test
    void eachSectionStartsWithP0fsSignaturesInP0fsOrder() {
        assertPrefix(stock.tcpRequest(), ours.tcpRequest(), PassiveTcpDatabaseTest::tcp);
        assertPrefix(stock.tcpResponse(), ours.tcpResponse(), PassiveTcpDatabaseTest::tcp);
        assertPrefix(stock.httpRequest(), ours.httpRequest(), PassiveTcpDatabaseTest::http);
        assertPrefix(stock.httpResponse(), ours.httpResponse(), PassiveTcpDatabaseTest::http);
    }

    @Test
    void itAddsSignatures() {
        assertTrue(ours.tcpRequest().size() > stock.tcpRequest().size());
        assertTrue(ours.tcpResponse().size() > stock.tcpResponse().size());
    }

    @Test
    void everyAddedSignatureNamesItsEvidence() {
        List<String> lines = ours.text().lines().collect(Collectors.toList());
        List<String> unexplained = new ArrayList<>();
        int added = 0;
        boolean inAdditions = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("[")) {
                inAdditions = false;
            } else if (line.startsWith(BANNER)) {
                inAdditions = true;
            } else if (inAdditions && line.startsWith("sig")) {
                added++;
                // the comment block above the line, or above the run of sig lines it belongs to
                int j = i - 1;
                while (j >= 0 && lines.get(j).startsWith("sig")) {
                    j--;
                }
                if (j < 0 || !lines.get(j).startsWith(";") || !SOURCE.matcher(commentBlock(lines, j)).find()) {
                    unexplained.add("line " + (i + 1) + ": " + line);
                }
            }
        }
        assertEquals(ours.signatureCount() - stock.signatureCount(), added, "sig lines outside the additions");
        assertEquals(List.of(), unexplained);
    }

    private static String commentBlock(List<String> lines, int last) {
        StringBuilder sb = new StringBuilder();
        for (int j = last; j >= 0 && lines.get(j).startsWith(";"); j--) {
            sb.insert(0, lines.get(j) + "\n");
        }
        return sb.toString();
    }

    private static <T> void assertPrefix(List<T> stockSigs, List<T> ourSigs, Function<T, String> key) {
        assertTrue(ourSigs.size() >= stockSigs.size());
        assertEquals(stockSigs.stream().map(key).collect(Collectors.toList()),
                ourSigs.subList(0, stockSigs.size()).stream().map(key).collect(Collectors.toList()));
    }

    // label ids differ (added labels shift the later ones), so labels are compared by what they say
    private static String label(Label l) {
        return l.generic() + " " + l.classId() + " " + l.displayName() + " " + l.sys();
    }

    private static String tcp(TcpSignature s) {
        return label(s.label()) + " " + s;
    }

    private static String http(HttpSignature s) {
        return label(s.label()) + " " + s;
    }
}
