package io.passivetcp.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.passivetcp.Observation;
import io.passivetcp.host.HostProfile;

/**
 * A unit's partial host profiles, folded by the host function, give each host and day (or capture) the row that
 * folding its events gives, also when the cap on profiles held sends some of them in several parts.
 */
class PartialProfilesTest {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 1_000})
    void foldedPartsGiveTheRowsOfTheEvents(int max) {
        for (boolean perCapture : new boolean[] {false, true}) {
            List<Observation> events = events(new Random(max));
            List<Observation> sent = new ArrayList<>();
            PartialProfiles partial = new PartialProfiles(max, perCapture, sent::add);
            events.forEach(partial::add);
            partial.sendAll();

            Map<String, HostProfile> direct = new TreeMap<>();
            for (Observation e : events) {
                direct.computeIfAbsent(key(e, perCapture), k -> new HostProfile(perCapture ? e.capture : null))
                        .add(e);
            }
            Map<String, HostProfile> folded = new TreeMap<>();
            for (Observation row : sent) {
                folded.computeIfAbsent(key(row, perCapture), k -> new HostProfile(perCapture ? row.capture : null))
                        .fold(row);
            }
            if (max < direct.size()) {
                assertTrue(sent.size() > direct.size(), "some profiles went in parts: " + sent.size());
            }
            assertEquals(direct.keySet(), folded.keySet());
            direct.forEach((k, p) -> assertEquals(p.row(), folded.get(k).row(), k + " max=" + max));
        }
    }

    private static String key(Observation o, boolean perCapture) {
        ProfileKey k = new ProfileKey(o, perCapture);
        return k.window + "/" + k.ipVersion + "/" + k.addressHigh + "/" + k.addressLow;
    }

    /** MTU, host change and ip sharing events of 5 hosts over 3 days and 2 captures, in packet order. */
    private static List<Observation> events(Random random) {
        List<Observation> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int host = random.nextInt(5);
            long micros = i * (3 * MICROS_PER_DAY / 300) + random.nextInt(1_000);
            Observation o = switch (random.nextInt(3)) {
                case 0 -> new Observation("mtu", true, Observation.STEP_MTU, "link",
                        random.nextBoolean() ? "Ethernet or modem" : "DSL", "raw_mtu",
                        random.nextBoolean() ? "1500" : "1492");
                case 1 -> new Observation("host change", true, Observation.STEP_TCP_NAT, "reason", "tstamp");
                default -> new Observation("ip sharing", true, Observation.STEP_HTTP_NAT, "reason", "app_vs_os");
            };
            o.ipVersion = 4;
            o.client = new byte[] {10, 0, 0, (byte) host};
            o.server = new byte[] {10, 0, 1, 1};
            o.clientPort = 40_000 + i;
            o.serverPort = 80;
            o.tsSeconds = micros / 1_000_000;
            o.tsMicros = micros % 1_000_000;
            o.orderMicros = micros;
            o.captureId = i % 2;
            o.capture = "capture-" + (i % 2) + ".pcap";
            o.ordinal = i;
            o.databaseVersion = "v" + (i / 100);
            events.add(o);
        }
        return events;
    }
}
