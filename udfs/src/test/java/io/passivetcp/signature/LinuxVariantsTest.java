package io.passivetcp.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passivetcp.Observation;
import io.passivetcp.SequentialAnalyzer;
import io.passivetcp.testutils.RepoFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real Linux traffic (datasets/linux-variants/, made by capture.sh there in network namespaces): every variant's
 * SYNs and SYN+ACKs, IPv4 and IPv6, get the label config/passivetcp.fp claims for them, as exact matches. The
 * raw signatures are checked against the variant first, so a capture that does not show its sysctl or MTU fails.
 */
class LinuxVariantsTest {
    private static final String CLAIMED = "Linux 4.19 and newer";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // variant,     option layout,          ECN,   MTU
            "default,        mss|sok|ts|nop|ws,       false, 1500",
            "wscale-off,     mss|sok|ts,              false, 1500",
            "timestamps-off, mss|nop|nop|sok|nop|ws,  false, 1500",
            "sack-off,       mss|nop|nop|ts|nop|ws,   false, 1500",
            "ecn-on,         mss|sok|ts|nop|ws,       true,  1500",
            "mtu-1280,       mss|sok|ts|nop|ws,       false, 1280",
            "mtu-1492,       mss|sok|ts|nop|ws,       false, 1492",
            "mtu-9000,       mss|sok|ts|nop|ws,       false, 9000"})
    void eachVariantGetsTheClaimedLabel(String variant, String layout, boolean ecn, int mtu) throws IOException {
        List<Observation> handshakes = handshakes(BundledDatabases.load(BundledDatabases.DEFAULT), variant);
        assertEquals(List.of("syn", "syn+ack", "syn", "syn+ack"),
                handshakes.stream().map(o -> o.module).collect(Collectors.toList()), variant);
        for (Observation o : handshakes) {
            String[] raw = o.get("raw_sig").split(":");
            boolean v4 = raw[0].equals("4");
            String what = variant + " " + o.module + " " + o.get("raw_sig");
            assertEquals(layout.replace('|', ','), raw[5], what);
            assertEquals(ecn, List.of(raw[6].split(",")).contains("ecn"), what);
            assertEquals(Integer.toString(mtu - (v4 ? 40 : 60)), raw[3], what);
            assertEquals(CLAIMED, o.get("os"), what);
            assertEquals("none", o.get("params"), what); // exact and specific: neither generic nor fuzzy
        }
        // the claim is the additions' doing: p0f's own lines label none of these packets so
        for (Observation o : handshakes(TestDatabases.stock(), variant)) {
            assertNotEquals(CLAIMED, o.get("os"));
        }
        assertTrue(handshakes.stream().anyMatch(o -> o.get("raw_sig").startsWith("6:")), variant + ": no IPv6");
    }

    private static List<Observation> handshakes(SignatureDatabase db, String variant) throws IOException {
        Path capture = RepoFiles.resolve("datasets/linux-variants/" + variant + ".pcap");
        try (InputStream in = Files.newInputStream(capture)) {
            return new SequentialAnalyzer(db).analyze(in, capture.toString()).stream()
                    .filter(o -> o.module.equals("syn") || o.module.equals("syn+ack"))
                    .collect(Collectors.toList());
        }
    }
}
