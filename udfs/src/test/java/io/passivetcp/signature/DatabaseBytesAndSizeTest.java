package io.passivetcp.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Any bytes load as in p0f (or fail naming their line), and a database of 100,000 sigs loads in seconds. */
class DatabaseBytesAndSizeTest {
    private static final String SIG = "sig = 4:64:0:*:mss*20,10:mss,sok,ts,nop,ws:df,id+:0\n";

    @Test
    void aLatin1ByteInAFlavorLoads() throws Exception {
        byte[] file = bytes("classes = win,unix\n[tcp:request]\nlabel = s:unix:Linux:caf", 0xE9, "\n" + SIG);
        SignatureDatabase db = SignatureDatabase.parse("latin1.fp", SignatureDatabase.text(file));
        assertEquals("caf\u00e9", db.tcpRequest().get(0).label().flavor());
    }

    @Test
    void utf8TextIsReadAsUtf8() throws Exception {
        byte[] file = ("classes = win,unix\n[tcp:request]\nlabel = s:unix:Linux:caf\u00e9\n" + SIG)
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("caf\u00e9",
                SignatureDatabase.parse("utf8.fp", SignatureDatabase.text(file)).tcpRequest().get(0).label().flavor());
    }

    @Test
    void aLatin1ByteInANameIsRefusedWithItsLine() {
        byte[] file = bytes("classes = win,unix\n[tcp:request]\nlabel = s:unix:Lin", 0xE9, "x:2.6\n" + SIG);
        SignatureSyntaxException e = assertThrows(SignatureSyntaxException.class,
                () -> SignatureDatabase.parse("latin1.fp", SignatureDatabase.text(file)));
        assertTrue(e.getMessage().startsWith("latin1.fp, line 3: "), e.getMessage());
    }

    @Test
    void aHundredThousandSigsLoadInSeconds() {
        StringBuilder text = new StringBuilder("classes = win,unix\n");
        int perSection = 49_000;
        for (String section : new String[] {"[tcp:request]", "[tcp:response]"}) {
            text.append(section).append('\n');
            for (int i = 0; i < perSection; i++) {
                if (i % 1000 == 0) {
                    text.append("label = s:unix:Linux:gen").append(i / 1000).append('\n');
                }
                // distinct literal windows and MSS values: no sig covers another
                text.append("sig = 4:64:0:").append(500 + i / 60_000).append(':').append(1 + i % 60_000)
                        .append(",7:mss,sok,ts,nop,ws:df,id+:0\n");
            }
        }
        // HTTP sigs with the same required headers are still tested pairwise (the stock database has 105 in all)
        text.append("[http:request]\n");
        for (int i = 0; i < 2_000; i++) {
            if (i % 1000 == 0) {
                text.append("label = s:!:gen").append(i / 1000).append(":\nsys = Linux\n");
            }
            text.append("sig = *:Host,User-Agent,X-Generated=[v").append(i).append(";]:Accept:\n");
        }
        SignatureDatabase db = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> SignatureDatabase.parse("large.fp", text.toString()));
        assertEquals(100_000, db.signatureCount());
    }

    @Test
    void theSameTextIsParsedOncePerJvm() throws Exception {
        String text = "classes = win,unix\n[tcp:request]\nlabel = s:unix:Linux:shared\n" + SIG;
        assertSame(SignatureDatabase.parseShared("a.fp", text), SignatureDatabase.parseShared("a.fp", text));
    }

    private static byte[] bytes(String before, int b, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.writeBytes(after.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
