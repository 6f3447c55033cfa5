package io.passivetcp.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passivetcp.P0fConfig;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.TestDatabases;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Garbage, huge and endless inputs never throw and never break the state's invariants, even when the caller keeps
 * feeding a flow that was reported done.
 */
class HttpHostileInputTest {
    private static final SignatureDatabase DB = TestDatabases.stock();
    private static final byte[] REQUEST_HEAD = "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESPONSE_HEAD = "HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Feeds {@code data} in random pieces to one direction, ignoring "done", and checks the invariants each time. */
    private static void feed(HttpFlowState st, boolean toServer, byte[] data, Random rnd) {
        int at = 0;
        while (at < data.length) {
            int n = Math.min(data.length - at, 1 + rnd.nextInt(rnd.nextBoolean() ? 16 : 3000));
            int from = at;
            assertDoesNotThrow(() -> HttpTracker.onPayload(st, toServer, data, from, n, 42, DB, f -> {
                assertTrue(f.rawSig().length() < 64 * 1024);
            }));
            checkInvariants(st);
            at += n;
        }
    }

    static void checkInvariants(HttpFlowState st) {
        assertTrue(st.requestLength >= 0 && st.requestLength <= P0fConfig.MAX_FLOW_DATA);
        assertTrue(st.responseLength >= 0 && st.responseLength <= P0fConfig.MAX_FLOW_DATA);
        int current = st.requestComplete ? st.responseLength : st.requestLength;
        assertTrue(st.parsePosition >= 0 && st.parsePosition <= Math.max(current, 0), "parse position in buffer");
        assertTrue(st.headerCount >= 0 && st.headerCount <= P0fConfig.HTTP_MAX_HDRS);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static byte[] random(Random rnd, int n, String alphabet) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = alphabet == null ? (byte) rnd.nextInt(256) : (byte) alphabet.charAt(rnd.nextInt(alphabet.length()));
        }
        return b;
    }

    @Test
    void binaryGarbageInBothDirections() {
        Random rnd = new Random(1);
        for (int i = 0; i < 300; i++) {
            HttpFlowState st = new HttpFlowState();
            for (int k = 0; k < 6; k++) {
                feed(st, rnd.nextBoolean(), random(rnd, rnd.nextInt(5000), null), rnd);
            }
        }
    }

    /** Text made of the characters the parsers care about, behind valid start lines. */
    @Test
    void structuredGarbageBehindValidStartLines() {
        Random rnd = new Random(2);
        String alphabet = "\r\n\r\n:: \tAa-_zZ09]|\u0000\u00ff/HTTP1.GET";
        for (int i = 0; i < 500; i++) {
            HttpFlowState st = new HttpFlowState();
            feed(st, true, concat(REQUEST_HEAD, random(rnd, rnd.nextInt(3000), alphabet)), rnd);
            feed(st, true, Conversation.bytes("\r\n\r\n"), rnd);
            feed(st, false, concat(RESPONSE_HEAD, random(rnd, rnd.nextInt(3000), alphabet)), rnd);
            feed(st, false, random(rnd, rnd.nextInt(9000), alphabet), rnd);
        }
    }

    @Test
    void hugeValuesTenThousandHeadersAndEmptyLines() {
        Random rnd = new Random(3);
        StringBuilder tenK = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            tenK.append("X-H").append(i).append(": v\r\n");
        }
        String[] bodies = {"X-Big: " + "v".repeat(100_000) + "\r\n\r\n", tenK + "\r\n", "\r\n".repeat(50_000),
            "\n".repeat(20_000), "A".repeat(200_000), ":".repeat(10_000), "User-Agent: " + "\u00ff".repeat(5000)};
        for (String body : bodies) {
            for (boolean asResponse : new boolean[] {false, true}) {
                HttpFlowState st = new HttpFlowState();
                if (asResponse) {
                    feed(st, true, Conversation.bytes(Conversation.SIMPLE_REQUEST), rnd);
                    feed(st, false, concat(RESPONSE_HEAD, Conversation.bytes(body)), rnd);
                } else {
                    feed(st, true, concat(REQUEST_HEAD, Conversation.bytes(body)), rnd);
                    feed(st, false, Conversation.bytes(body), rnd);
                }
            }
        }
    }

    @Test
    void longResponseHeaderBlocksInManySegments() {
        Random rnd = new Random(4);
        for (int i = 0; i < 200; i++) {
            HttpFlowState st = new HttpFlowState();
            feed(st, true, Conversation.bytes(Conversation.SIMPLE_REQUEST), rnd);
            StringBuilder sb = new StringBuilder("HTTP/1.1 200 OK\r\n");
            while (sb.length() < 4000) {
                sb.append("X-").append(rnd.nextInt(1000)).append(": ").append("v".repeat(rnd.nextInt(80))).append("\r\n");
            }
            feed(st, false, Conversation.bytes(sb + "\r\n"), rnd);
        }
    }
}
