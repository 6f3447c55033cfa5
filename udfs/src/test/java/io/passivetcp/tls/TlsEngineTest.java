package io.passivetcp.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.passivetcp.Observation;
import io.passivetcp.SequentialAnalyzer;
import io.passivetcp.output.P0fFormat;
import io.passivetcp.signature.TestDatabases;
import io.passivetcp.testutils.SharedData;

/** The whole engine prints one {@code tls client} event per fingerprinted ClientHello, after p0f's events. */
class TlsEngineTest {
    @Test
    void theSequentialEngineEmitsWhatTheTrackerFinds() throws IOException {
        for (String name : List.of("foxio__tls-sni.pcapng", "ndpi__smtp-starttls.pcap",
                "ndpi__heuristic_tcp_ack_payload.pcap")) {
            Path capture = SharedData.resolve("corpus/dev/" + name);
            List<Observation> events;
            try (InputStream in = Files.newInputStream(capture)) {
                events = new SequentialAnalyzer(TestDatabases.stock()).analyze(in, capture.toString());
            }
            List<String> tls = events.stream().filter(o -> o.module.equals(TlsTracker.MODULE))
                    .map(P0fFormat::logLine).sorted().toList();
            Map<TlsReject, Integer> rejections = new EnumMap<>(TlsReject.class);
            List<String> alone = TlsCorpus.fingerprints(capture, rejections).hellos().values().stream()
                    .flatMap(List::stream).map(h -> P0fFormat.logLine(h.observation())).sorted().toList();
            assertEquals(alone, tls, name);
            assertTrue(!tls.isEmpty() && tls.get(0).contains("|subj=cli|ja4=t1"), name + ": " + tls);
            for (int i = 1; i < events.size(); i++) {
                Observation a = events.get(i - 1), b = events.get(i);
                if (a.ordinal == b.ordinal && a.module.equals(TlsTracker.MODULE)) {
                    assertTrue(b.module.equals(TlsTracker.MODULE), "tls client comes last in its packet: " + b);
                }
            }
        }
    }
}
