package io.passivetcp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request parsing does not depend on how the client's bytes are cut into segments (spec §7.2/§7.4: an incomplete
 * line is re-parsed, the start-line scan resumes). Every request is fed in pieces of every size from 1 to its length,
 * followed by one whole response, and must give exactly what the unsplit request gives. (Responses are NOT
 * fragment-independent: BUG-6.)
 */
class HttpFragmentationTest {
    private static final String RESPONSE = HttpResponseTrackingTest.NGINX;

    static Stream<String> requests() {
        List<String> r = new ArrayList<>(List.of(
                Conversation.SIMPLE_REQUEST,
                "GET / HTTP/1.1\r\nHost: 198.51.100.20\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n",
                "GET / HTTP/1.1\r\nUser-Agent: Wget/1.21.3\r\nAccept: */*\r\nAccept-Encoding: identity\r\n"
                        + "Host: 198.51.100.20\r\nConnection: Keep-Alive\r\n\r\n",
                "GET / HTTP/1.1\r\nUser-Agent: curl/7.19.7 (x86_64-pc-linux-gnu)\r\nHost: 198.51.100.20\r\n"
                        + "Accept: */*\r\n\r\n",
                "GET /nginx HTTP/1.1\r\nHost: 198.51.100.20:8080\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64; "
                        + "rv:109.0) Gecko/20100101 Firefox/115.0\r\nAccept: text/html,application/xhtml+xml,"
                        + "application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8\r\nAccept-Language: fr-FR,fr;q=0.8,"
                        + "en-US;q=0.5,en;q=0.3\r\nAccept-Encoding: gzip, deflate\r\nConnection: keep-alive\r\n\r\n",
                "GET /nginx HTTP/1.1\r\nAccept: */*\r\nAccept-Language: en-US\r\nUser-Agent: Mozilla/5.0 "
                        + "(Windows NT 6.1; Trident/7.0; rv:11.0) like Gecko\r\nAccept-Encoding: gzip, deflate\r\n"
                        + "Host: 198.51.100.20:8080\r\nConnection: Keep-Alive\r\n\r\n",
                "GET /nginx HTTP/1.1\r\nHost: h\r\nAccept: */*\r\nX-Forwarded-For: 203.0.113.77\r\n"
                        + "Via: 1.1 proxy.example\r\n\r\n",
                // 08-http-edge-cases
                "GET / HTTP/1.1\r\nhost: h\r\nuser-agent: curl/7.88.1\r\naccept: */*\r\n\r\n",
                "GET /lf HTTP/1.1\nHost: h\nUser-Agent: lf-client/1.0\nAccept: */*\n\n",
                "GET / HTTP/1.0\r\nUser-Agent:Lynx/2.8.9\r\nAccept:  text/html\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: h\r\nUser-Agent: curl/7.88.1\r\nContent-Length: 0\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: h\r\nUser-Agent: t/1\r\nAccept-Language: EN-us,en;q=0.5\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: h\r\nUser-Agent: t/1\r\nAccept-Language: fil,en;q=0.5\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: h\r\nUser-Agent: " + "A".repeat(1100) + "\r\n\r\n",
                "GET /\u00ff HTTP/1.1\r\nHost: h\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: h\r\nUser-Agent: t/1\r\nX-Odd: a|b]c\r\nAccept: " + "x".repeat(250)
                        + "\r\n\r\n",
                // more corners
                "HEAD /" + "p".repeat(990) + " HTTP/1.0\r\nX: y\r\n\r",
                "GET / HTTP/1.1\r\nBad Name: v\r\n\r\n",
                "GET / HTTP/1.1\r\nA:\r\nB: \r\nC:\t\t\r\r\nD: \u0000x\r\nUser-Agent: \u0000\r\n\n",
                "GET / HTTP/1.1\r\n\r\n"));
        StringBuilder many = new StringBuilder("GET / HTTP/1.1\r\n");
        for (int i = 0; i < 33; i++) {
            many.append(String.format("X-H%02d: v\r\n", i));
        }
        r.add(many + "\r\n");
        return r.stream();
    }

    @ParameterizedTest
    @MethodSource("requests")
    void everyFragmentSizeGivesTheSameResult(String request) {
        byte[] bytes = Conversation.bytes(request);
        Conversation whole = new Conversation();
        whole.client(request);
        whole.server(RESPONSE);
        String expected = describe(whole);
        for (int size = 1; size <= bytes.length; size++) {
            Conversation pieces = new Conversation().sendInPieces(true, bytes, size);
            pieces.server(RESPONSE);
            assertEquals(expected, describe(pieces), "pieces of " + size);
        }
    }

    /** Everything observable about the conversation except when exactly it ended (BUG-8 ends one segment later). */
    private static String describe(Conversation c) {
        StringBuilder sb = new StringBuilder();
        for (HttpFingerprint f : c.fingerprints) {
            sb.append(f.request()).append(' ').append(f).append(" sw=").append(f.software())
                    .append(" language=").append(f.language()).append(" via=").append(f.hasVia())
                    .append(" date=").append(f.date()).append(" v=").append(f.httpVersion())
                    .append(" at=").append(f.receivedSeconds()).append('\n');
        }
        return sb.append("state=").append(c.state.httpState).append(" complete=").append(c.state.requestComplete)
                .toString();
    }
}
