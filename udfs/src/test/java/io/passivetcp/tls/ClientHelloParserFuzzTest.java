package io.passivetcp.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Fuzz target for {@link ClientHelloParser} (README, "Fuzzing"). The input is a client's first bytes. The parser's
 * contract: it never throws; COMPLETE carries a hello whose JA3 and JA4 can be computed, REJECTED a reason, the
 * other outcomes neither; it reads only {@code b[off .. off+len)}; and a decided outcome does not change when more
 * bytes follow, which is what lets the tracker decide on a prefix of the flow.
 */
class ClientHelloParserFuzzTest {
    private static final Pattern JA4 =
            Pattern.compile("t[0-9a-z]{2}[di][0-9]{4}[0-9A-Za-z]{2}_[0-9a-f]{12}_[0-9a-f]{12}");
    private static final Pattern JA3_HASH = Pattern.compile("[0-9a-f]{32}");
    /** Bytes around the input that look like another TLS record, so a read out of bounds would change the outcome. */
    private static final byte[] JUNK = {22, 3, 1, 0, 5, 1, 0, 0, 1};

    @FuzzTest
    void parsesOrNamesWhyNot(byte[] flight) {
        ParseResult r = ClientHelloParser.parse(flight, 0, flight.length);
        assertNotNull(r);
        switch (r.status()) {
            case COMPLETE -> {
                assertNotNull(r.hello());
                assertNull(r.reject());
                assertTrue(JA3_HASH.matcher(Ja3.hash(Ja3.string(r.hello()))).matches());
                String ja4 = Ja4.of(r.hello()).fingerprint();
                assertTrue(JA4.matcher(ja4).matches(), ja4);
            }
            case REJECTED -> {
                assertNotNull(r.reject());
                assertNull(r.hello());
            }
            case NEED_MORE, NOT_CLIENT_HELLO -> {
                assertNull(r.hello());
                assertNull(r.reject());
            }
        }

        byte[] placed = new byte[JUNK.length + flight.length + JUNK.length];
        System.arraycopy(JUNK, 0, placed, 0, JUNK.length);
        System.arraycopy(flight, 0, placed, JUNK.length, flight.length);
        System.arraycopy(JUNK, 0, placed, JUNK.length + flight.length, JUNK.length);
        assertSame(r, ClientHelloParser.parse(placed, JUNK.length, flight.length), "input placed inside junk");

        if (r.status() != ParseResult.Status.NEED_MORE) {
            byte[] longer = Arrays.copyOf(placed, placed.length);
            assertSame(r, ClientHelloParser.parse(longer, JUNK.length, flight.length + JUNK.length),
                    "more bytes after a decided outcome");
        }
    }

    private static void assertSame(ParseResult expected, ParseResult actual, String when) {
        assertEquals(expected.status(), actual.status(), when);
        assertEquals(expected.reject(), actual.reject(), when);
        if (expected.hello() != null) {
            assertEquals(Ja3.string(expected.hello()), Ja3.string(actual.hello()), when);
            assertEquals(Ja4.of(expected.hello()).raw(), Ja4.of(actual.hello()).raw(), when);
            assertEquals(expected.hello().sni(), actual.hello().sni(), when);
        }
    }
}
