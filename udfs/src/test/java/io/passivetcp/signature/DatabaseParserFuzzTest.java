package io.passivetcp.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for the p0f.fp parser ({@link SignatureDatabase#parse}, README, "Fuzzing"). The input is a database
 * file, read as the loader reads it ({@link SignatureDatabase#text}: UTF-8, else Latin-1) and byte for byte
 * (Latin-1, as p0f reads bytes). The contract: it parses, or throws {@link SignatureSyntaxException} naming the file and a line of the
 * text with a reason; no other exception; a parsed database holds no more signatures than it counted.
 */
class DatabaseParserFuzzTest {
    private static final String NAME = "fuzz.fp";

    @FuzzTest
    void parsesOrNamesTheLine(byte[] file) {
        check(SignatureDatabase.text(file));
        check(new String(file, StandardCharsets.ISO_8859_1));
    }

    private static void check(String text) {
        try {
            SignatureDatabase db = SignatureDatabase.parse(NAME, text);
            int kept = db.mtuSignatures().size() + db.tcpRequest().size() + db.tcpResponse().size()
                    + db.httpRequest().size() + db.httpResponse().size();
            assertTrue(kept <= db.signatureCount(), kept + " signatures kept of " + db.signatureCount());
        } catch (SignatureSyntaxException e) {
            assertEquals(NAME, e.file());
            assertTrue(e.line() >= 1 && e.line() <= lines(text), "line " + e.line() + " of " + lines(text));
            assertFalse(e.reason().isBlank(), "no reason given");
            assertEquals(NAME + ", line " + e.line() + ": " + e.reason(), e.getMessage());
        }
    }

    /** Lines p0f sees: up to the first NUL, 1 + the newlines before it. */
    private static int lines(String text) {
        int nul = text.indexOf('\0');
        String body = nul < 0 ? text : text.substring(0, nul);
        return 1 + (int) body.chars().filter(c -> c == '\n').count();
    }
}
