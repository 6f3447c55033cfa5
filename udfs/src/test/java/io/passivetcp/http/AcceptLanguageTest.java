package io.passivetcp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.passivetcp.testutils.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §7.7.2 and Appendix B. */
class AcceptLanguageTest {

    /** The table in the spec's Appendix B, read in place. */
    private static Map<String, String> appendixB() throws IOException {
        String spec = Files.readString(SharedData.resolve("spec/p0f-semantics.md"));
        int from = spec.indexOf("## Appendix B");
        String section = spec.substring(spec.indexOf('\n', spec.indexOf("printed name)", from)) + 1,
                spec.indexOf("(185 entries", from));
        Map<String, String> table = new LinkedHashMap<>();
        for (String entry : section.replace('\n', ' ').split(",")) {
            String[] kv = entry.trim().split("=", 2);
            table.put(kv[0], kv[1]);
        }
        return table;
    }

    @Test
    void everyAppendixBEntryIsLookedUp() throws IOException {
        Map<String, String> table = appendixB();
        assertEquals(185, table.size());
        assertEquals(185, AcceptLanguage.size());
        for (Map.Entry<String, String> e : table.entrySet()) {
            assertEquals(e.getValue(), AcceptLanguage.lookup(e.getKey()), e.getKey());
            assertEquals(e.getValue(), AcceptLanguage.lookup(e.getKey() + "-XX,en;q=0.5"), e.getKey());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "fr-FR,fr;q=0.8|French",
        "de|German",
        "en_US|English",
        "en;q=1|English",
        "EN-us,en;q=0.5|???", // [T 08 langupper] codes are matched case-sensitively
        "En|???",
        "xx|???",
        "fil,en;q=0.5|NULL", // [T 08 lang3] a third letter: none
        "e|NULL",
        "*|NULL",
        "1e|NULL",
        "' en'|NULL",
        "''|NULL",
    })
    void lookup(String value, String expected) {
        assertEquals(expected, AcceptLanguage.lookup(value));
    }

    @Test
    void nulEndsTheValue() {
        assertEquals("English", AcceptLanguage.lookup("en\u0000x"));
        assertNull(AcceptLanguage.lookup("e\u0000n"));
        assertNull(AcceptLanguage.lookup(null));
    }

    @Test
    void requestFieldsFromAcceptLanguage() {
        HttpFingerprint fr = lang("Accept-Language: fr-FR,fr;q=0.8\r\n");
        assertEquals("French", fr.lang());
        assertEquals("French", fr.language());
        HttpFingerprint upper = lang("Accept-Language: EN-us,en;q=0.5\r\n");
        assertEquals("???", upper.lang());
        assertNull(upper.language(), "??? is not remembered for the host");
        HttpFingerprint three = lang("Accept-Language: fil,en;q=0.5\r\n");
        assertEquals("none", three.lang());
        assertNull(three.language());
        assertEquals("none", lang("").lang());
        assertEquals("none", lang("Accept-Language:\r\n").lang(), "an empty value is no value");
        assertEquals("German", lang("Accept-Language: fr\r\nAccept-Language: de\r\n").lang(), "the last one wins");
        assertEquals("French", lang("Accept-Language: fr\r\nAccept-Language:\r\n").lang(), "empty ones do not count");
        assertEquals("none", lang("accept-language: fr\r\n").lang(), "Q-17");
    }

    private static HttpFingerprint lang(String headerLines) {
        Conversation c = new Conversation();
        c.client("GET / HTTP/1.1\r\nHost: h\r\n" + headerLines + "\r\n");
        return c.only();
    }
}
