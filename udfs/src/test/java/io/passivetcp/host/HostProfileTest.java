package io.passivetcp.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.passivetcp.Observation;
import io.passivetcp.tls.TlsTracker;

/** A host's profile depends on which events were folded, never on their order or on being folded in parts. */
class HostProfileTest {
    private static final byte[] HOST = {10, 0, 0, 1};
    private static final byte[] PEER = {10, 0, 0, 2};
    private static final Observation.Label LINUX =
            new Observation.Label("specific", "unix", "Linux", "3.11 and newer", "exact", 42);
    private static final Observation.Label WINDOWS =
            new Observation.Label("specific", "win", "Windows", "7 or 8", "fuzzy", 90);

    /** Two SYNs of one fingerprint, one of another, a SYN+ACK, MTU, two uptimes, HTTP both ways, TLS and NAT. */
    private static List<Observation> events() {
        List<Observation> events = new ArrayList<>();
        events.add(syn("syn", 1_000, 0, "4:61+3:0:1460:mss*20,7:mss,sok,ts,nop,ws:df,id+:0", 29200, LINUX));
        events.add(syn("syn", 2_000, 0, "4:61+3:0:1460:mss*20,7:mss,sok,ts,nop,ws:df,id+:0", 29200, LINUX));
        events.add(syn("syn", 3_000, 0, "4:125+3:0:1460:8192,8:mss,nop,ws,nop,nop,sok:df,id+:0", 8192, WINDOWS));
        events.add(syn("syn+ack", 4_000, 0, "4:64+0:0:1460:mss*20,7:mss,sok,ts,nop,ws:df:0", 65160,
                Observation.Label.NONE));
        events.add(event("mtu", 1_000, Observation.STEP_MTU, true, null, "link", "Ethernet or modem", "raw_mtu",
                "1500"));
        events.add(event("uptime", 2_000, Observation.STEP_UPTIME, true, new Observation.Uptime(100, 49, 1000.0)));
        events.add(event("uptime", 3_000, Observation.STEP_UPTIME, true, new Observation.Uptime(101, 49, 1000.0)));
        events.add(event("http request", 5_000, Observation.STEP_HTTP, true, http("Mozilla/5.0 (Windows NT 10.0)",
                "Windows")));
        events.add(event("http request", 6_000, Observation.STEP_HTTP, true, http("curl/8.5.0", null)));
        events.add(event("http response", 7_000, Observation.STEP_HTTP, false, http("nginx", null)));
        events.add(event(TlsTracker.MODULE, 5_000, Observation.STEP_TLS, true, new Observation.Tls(
                "t13d1516h2_8daaf6152771_e5627efa2ab1", "r", "o", "ro", "ja3", "ja3s", null, List.of(), List.of(),
                1)));
        events.add(event("host change", 8_000, Observation.STEP_TCP_NAT, true, null, "reason", "tstamp"));
        events.add(event("ip sharing", 8_000, Observation.STEP_HTTP_NAT, true, null, "reason", "app_vs_os"));
        return events;
    }

    @Test
    void foldsEveryKindOfEvent() {
        Observation row = fold(events());
        Observation.Host h = (Observation.Host) row.data;
        assertEquals(1_000, h.firstSeenMicros());
        assertEquals(8_000, h.lastSeenMicros());
        assertEquals(13, h.events());
        assertEquals(2, h.clientTcp().size());
        assertEquals(2, h.clientTcp().get(0).count(), "the most frequent fingerprint first");
        assertEquals(LINUX, h.clientTcp().get(0).value().label());
        assertEquals(WINDOWS, h.clientTcp().get(1).value().label());
        assertEquals(Observation.Label.NONE, h.serverTcp().get(0).value().label());
        assertEquals(List.of(new Observation.Tally<>(new Observation.Mtu(1500, "Ethernet or modem"), 1)), h.mtus());
        assertEquals(101, h.uptime().minutes(), "the latest uptime estimate");
        assertEquals(3_000, h.uptimeMicros());
        assertEquals(List.of(new Observation.Tally<>(new Observation.UserAgent("Mozilla/5.0 (Windows NT 10.0)",
                "Windows"), 1), new Observation.Tally<>(new Observation.UserAgent("curl/8.5.0", null), 1)),
                h.userAgents());
        assertEquals(List.of(new Observation.Tally<>("nginx", 1L)), h.servers());
        assertEquals(List.of(new Observation.Tally<>("t13d1516h2_8daaf6152771_e5627efa2ab1", 1L)), h.ja4());
        assertEquals(1, h.hostChanges());
        assertEquals(1, h.ipSharing());
        assertNull(h.capture());
        assertEquals(1_000, row.loggedMicros(), "the row is dated by its first event");
        assertEquals("v8", row.databaseVersion, "the latest event's database version");
    }

    @Test
    void orderOfArrivalDoesNotMatter() {
        Observation expected = fold(events());
        Random random = new Random(12);
        for (int i = 0; i < 20; i++) {
            List<Observation> shuffled = events();
            Collections.shuffle(shuffled, random);
            assertEquals(expected, fold(shuffled), "order " + shuffled);
        }
    }

    /** STREAMING keeps the profile as a row between events: folding on from it gives the same profile. */
    @Test
    void foldingOnFromAStoredRowGivesTheSameProfile() {
        List<Observation> events = events();
        Collections.shuffle(events, new Random(3));
        Observation row = null;
        for (Observation o : events) {
            HostProfile p = row == null ? new HostProfile(null)
                    : HostProfile.of((Observation) copy(row));
            p.add(o);
            row = p.row();
        }
        assertEquals(fold(events()), row);
    }

    /**
     * A unit's analysis folds parts of a host's events into partial profiles, which the host function folds with
     * one another and with other events: any split of the events, in any order, gives the same profile.
     */
    @Test
    void foldingPartialProfilesGivesTheSameProfile() {
        Observation expected = fold(events());
        Random random = new Random(5);
        for (int i = 0; i < 50; i++) {
            List<Observation> events = events();
            Collections.shuffle(events, random);
            HostProfile p = new HostProfile(null);
            int at = 0;
            while (at < events.size()) {
                int part = 1 + random.nextInt(4);
                List<Observation> slice = events.subList(at, Math.min(events.size(), at + part));
                if (random.nextBoolean()) {
                    p.fold(copy(fold(slice))); // a partial profile, as it crosses the network
                } else {
                    slice.forEach(p::fold);
                }
                at += part;
            }
            assertEquals(expected, p.row(), "split " + i);
        }
    }

    /** The events are cut to their essentials before the shuffle: nothing the profile reads may be lost. */
    @Test
    void essentialsMakeTheSameProfile() {
        assertEquals(fold(events()), fold(events().stream().map(HostProfile::essentials).toList()));
    }

    private static Observation copy(Observation row) {
        Observation c = new Observation();
        c.copyContextFrom(row);
        c.module = row.module;
        c.step = row.step;
        c.fields = row.fields;
        c.databaseVersion = row.databaseVersion;
        c.data = Observation.dataFromBytes(Observation.dataToBytes(row.data));
        return c;
    }

    private static Observation fold(List<Observation> events) {
        HostProfile p = new HostProfile(null);
        events.forEach(p::add);
        return p.row();
    }

    private static Observation syn(String module, long micros, int step, String rawSig, int window,
            Observation.Label label) {
        boolean client = module.equals("syn");
        return event(module, micros, step, client, new Observation.Tcp(61, 64, 3, false, 0, 1460, window, 7,
                "mss,sok,ts,nop,ws", "df", "0", 0, false, label), "os", "?", "raw_sig", rawSig);
    }

    private static Observation.Http http(String software, String os) {
        return new Observation.Http(1, List.of("User-Agent"), List.of(software), software, null, false,
                Observation.Label.NONE, os);
    }

    private static Observation event(String module, long micros, int step, boolean hostIsClient,
            Observation.Data data, String... fields) {
        Observation o = new Observation(module, hostIsClient, step, fields);
        o.tsMicros = micros;
        o.tsSeconds = micros / 1_000_000;
        o.orderMicros = micros;
        o.captureId = 7;
        o.capture = "test.pcap";
        o.ordinal = micros / 1_000;
        o.ipVersion = 4;
        o.client = hostIsClient ? HOST : PEER;
        o.server = hostIsClient ? PEER : HOST;
        o.clientPort = 40000;
        o.serverPort = 80;
        o.data = data;
        o.databaseVersion = "v" + o.ordinal;
        return o;
    }
}
