package io.passivetcp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.TestDatabases;
import io.passivetcp.testutils.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden: every {@code http request|response} line of p0f's real logs, reproduced from the pcaps with the stock
 * database. The TCP side is a minimal version of spec §8.2 (SYN opens a flow and fixes the client's ISN, SYN+ACK the
 * server's; only in-order ACK segments with payload reach HTTP; FIN/RST end the flow without looking at their
 * payload, BUG-16; "done" ends the flow).
 */
class HttpGoldenTest {
    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** The TCP flow fields HTTP needs. */
    private static final class Flow {
        final String client;
        final String server;
        final long isn;
        long nextClientSeq;
        long nextServerSeq;
        boolean acked;
        final HttpFlowState http = new HttpFlowState();

        Flow(String client, String server, long isn) {
            this.client = client;
            this.server = server;
            this.isn = isn;
            this.nextClientSeq = (isn + 1) & 0xFFFF_FFFFL;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"01-ipv4-curl-wget", "03-http-apps", "05-http-split", "08-http-edge-cases"})
    void httpLinesMatchP0f(String name) throws IOException {
        Path dir = SharedData.resolve("spec/p0f-examples");
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(name + ".log"))) {
            if (line.contains("] mod=http request|") || line.contains("] mod=http response|")) {
                expected.add(line);
            }
        }
        List<String> actual = replay(GoldenPcap.read(dir.resolve(name + ".pcap")), TestDatabases.stock());
        int same = 0;
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            same += expected.get(i).equals(actual.get(i)) ? 1 : 0;
        }
        System.out.printf("golden %s: %d/%d http lines identical (%d produced)%n", name, same, expected.size(),
                actual.size());
        assertFalse(expected.isEmpty());
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    private static List<String> replay(List<GoldenPcap.Segment> segments, SignatureDatabase db) {
        Map<String, Flow> flows = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (GoldenPcap.Segment s : segments) {
            String src = endpoint(s.src(), s.srcPort());
            String dst = endpoint(s.dst(), s.dstPort());
            Flow flow = flows.get(src + ">" + dst);
            boolean toServer = flow != null;
            if (flow == null) {
                flow = flows.get(dst + ">" + src);
            }
            int type = s.flags() & (GoldenPcap.SYN | GoldenPcap.ACK | GoldenPcap.FIN | GoldenPcap.RST);
            if (type == GoldenPcap.SYN) {
                if (flow != null && toServer && s.seq() == flow.isn) {
                    continue; // retransmitted SYN
                }
                remove(flows, flow);
                flows.put(src + ">" + dst, new Flow(src, dst, s.seq()));
            } else if (type == (GoldenPcap.SYN | GoldenPcap.ACK)) {
                if (flow != null && !toServer && !flow.acked) {
                    flow.acked = true;
                    flow.nextServerSeq = (s.seq() + 1) & 0xFFFF_FFFFL;
                }
            } else if (s.has(GoldenPcap.FIN) || s.has(GoldenPcap.RST)) {
                remove(flows, flow); // BUG-16: the payload is not looked at
            } else if (type == GoldenPcap.ACK && flow != null) {
                if (!flow.acked) {
                    remove(flows, flow);
                } else if (data(flow, toServer, s, db, lines)) {
                    remove(flows, flow);
                }
            }
        }
        return lines;
    }

    /** An ACK segment: in-order check, sequence advance, HTTP; returns "destroy the flow". */
    private static boolean data(Flow flow, boolean toServer, GoldenPcap.Segment s, SignatureDatabase db,
            List<String> lines) {
        long expected = toServer ? flow.nextClientSeq : flow.nextServerSeq;
        if (s.seq() != expected) {
            return false;
        }
        long next = (expected + s.payload().length) & 0xFFFF_FFFFL;
        if (toServer) {
            flow.nextClientSeq = next;
        } else {
            flow.nextServerSeq = next;
        }
        if (s.payload().length == 0) {
            return false;
        }
        return HttpTracker.onPayload(flow.http, toServer, s.payload(), 0, s.payload().length, s.seconds(), db,
                f -> lines.add(render(flow, f)));
    }

    private static String render(Flow flow, HttpFingerprint f) {
        return "[" + LOG_TIME.format(Instant.ofEpochSecond(f.receivedSeconds())) + "] mod=http "
                + (f.request() ? "request" : "response") + "|cli=" + flow.client + "|srv=" + flow.server + "|subj="
                + (f.request() ? "cli" : "srv") + "|" + f;
    }

    private static void remove(Map<String, Flow> flows, Flow flow) {
        if (flow != null) {
            flows.remove(flow.client + ">" + flow.server);
        }
    }

    /** p0f's address rendering: dotted IPv4, IPv6 as eight lower-case hex groups without compression. */
    private static String endpoint(byte[] addr, int port) {
        StringBuilder sb = new StringBuilder();
        if (addr.length == 4) {
            for (int i = 0; i < 4; i++) {
                sb.append(i > 0 ? "." : "").append(addr[i] & 0xFF);
            }
        } else {
            for (int i = 0; i < 16; i += 2) {
                sb.append(i > 0 ? ":" : "").append(Integer.toHexString(((addr[i] & 0xFF) << 8) | (addr[i + 1] & 0xFF)));
            }
        }
        return sb.append('/').append(port).toString();
    }
}
