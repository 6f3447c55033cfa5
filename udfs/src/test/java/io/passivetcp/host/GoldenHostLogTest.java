package io.passivetcp.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.passivetcp.signature.TestDatabases;
import io.passivetcp.testutils.SharedData;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * p0f's own {@code uptime}, {@code host change} and {@code ip sharing} log lines of the golden captures
 * (spec/p0f-examples) against the host engine fed by {@link GoldenReplay}.
 */
class GoldenHostLogTest {

    @ParameterizedTest
    @ValueSource(strings = {"01-ipv4-curl-wget", "02-ipv6-curl", "03-http-apps", "04-ipv4-ip-sharing",
        "05-http-split", "06-sendsyn", "07-ipv4-socket-quirks", "08-http-edge-cases", "09-ipv4-uptime-syn",
        "synthetic/quirks"})
    void hostEngineLinesMatchP0f(String name) throws IOException {
        Path pcap = SharedData.resolve("spec/p0f-examples/" + name + ".pcap");
        Path log = SharedData.resolve("spec/p0f-examples/" + name + ".log");
        List<String> expected = GoldenReplay.expected(log);
        assertEquals(String.join("\n", expected),
                String.join("\n", GoldenReplay.run(TestDatabases.stock(), pcap)));
        if (!name.equals("06-sendsyn")) {
            assertFalse(expected.isEmpty(), "the capture exercises the host engine");
        }
    }
}
