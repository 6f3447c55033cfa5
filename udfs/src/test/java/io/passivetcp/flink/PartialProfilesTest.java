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
 * A unit's host profiles give each host and day (or capture) the row that folding its events gives: held whole
 * when they fit, as complete rows at the end of the unit; else sent in parts, which the host function folds again.
 */
class PartialProfilesTest {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 1_000})
    void aUnitsProfilesAreItsHostsRowsWholeOrFoldedFromParts(int max) {
        for (boolean perCapture : new boolean[] {false, true}) {
            List<Observation> events = events(new Random(max), 0);
            List<Observation> parts = new ArrayList<>();
            List<Observation> complete = new ArrayList<>();
            PartialProfiles partial = new PartialProfiles(max, perCapture, parts::add);
            events.forEach(partial::add);
            partial.endUnit(complete::add);

            Map<String, HostProfile> direct = rows(events, perCapture);
            if (max < direct.size()) {
                assertTrue(complete.isEmpty(), "a unit that sent parts sends the rest as parts");
                assertTrue(parts.size() > direct.size(), "some profiles went in parts: " + parts.size());
                Map<String, HostProfile> folded = new TreeMap<>();
                for (Observation row : parts) {
                    folded.computeIfAbsent(key(row, perCapture),
                            k -> new HostProfile(perCapture ? row.capture : null)).fold(row);
                }
                assertEquals(direct.keySet(), folded.keySet());
                direct.forEach((k, p) -> assertEquals(p.row(), folded.get(k).row(), k + " max=" + max));
            } else {
                assertTrue(parts.isEmpty(), "nothing sent in parts: " + parts.size());
                Map<String, Observation> rows = new TreeMap<>();
                complete.forEach(row -> rows.put(key(row, perCapture), row));
                assertEquals(direct.size(), complete.size());
                assertEquals(direct.keySet(), rows.keySet());
                direct.forEach((k, p) -> assertEquals(p.row(), rows.get(k), k + " max=" + max));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aUnitAfterOneThatSentPartsIsHeldWholeAgain(boolean perCapture) {
        List<Observation> parts = new ArrayList<>();
        List<Observation> complete = new ArrayList<>();
        PartialProfiles partial = new PartialProfiles(4, perCapture, parts::add);
        List<Observation> large = events(new Random(1), 0);
        large.forEach(partial::add);
        partial.endUnit(complete::add);
        assertTrue(complete.isEmpty() && !parts.isEmpty(), "the first unit has more hosts than are held");
        parts.clear();

        List<Observation> small = events(new Random(2), 2).subList(0, 4);
        small.forEach(partial::add);
        partial.endUnit(complete::add);
        assertTrue(parts.isEmpty(), "the second unit's profiles were all held");
        Map<String, HostProfile> direct = rows(small, perCapture);
        assertEquals(direct.size(), complete.size());
        for (Observation row : complete) {
            assertEquals(direct.get(key(row, perCapture)).row(), row);
        }
    }

    private static Map<String, HostProfile> rows(List<Observation> events, boolean perCapture) {
        Map<String, HostProfile> direct = new TreeMap<>();
        for (Observation e : events) {
            direct.computeIfAbsent(key(e, perCapture), k -> new HostProfile(perCapture ? e.capture : null)).add(e);
        }
        return direct;
    }

    private static String key(Observation o, boolean perCapture) {
        ProfileKey k = new ProfileKey(o, perCapture);
        return k.window + "/" + k.ipVersion + "/" + k.addressHigh + "/" + k.addressLow;
    }

    /**
     * MTU, host change and ip sharing events of 5 hosts (10.0.{@code subnet}.0-4) over 3 days and 2 captures, in
     * packet order.
     */
    private static List<Observation> events(Random random, int subnet) {
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
            o.client = new byte[] {10, 0, (byte) subnet, (byte) host};
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
