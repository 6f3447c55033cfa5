package io.passivetcp.host;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.passivetcp.Observation;
import io.passivetcp.output.OutputOrdered;
import io.passivetcp.tls.TlsTracker;

/**
 * Folds the events about one host over one UTC day (or one capture) into its profile, a row of the {@code hosts}
 * table ({@link Observation.Host}). The profile depends only on which events were folded, never on their order:
 * tallies are counts, and where one event wins (the first one, the latest uptime estimate, the latest database
 * version) it is the earliest or latest by time and then by p0f's output order.
 */
public final class HostProfile {
    /**
     * Which event is the earliest: by time, then by place in the input. The module is left out, since the row
     * that holds the earliest event's context is a {@code host} row; events of one packet and step share it.
     */
    private static final Comparator<Observation> FIRST = Comparator.comparingLong(Observation::loggedMicros)
            .thenComparingLong(Observation::orderMicros)
            .thenComparingLong(Observation::captureId)
            .thenComparingLong(Observation::ordinal)
            .thenComparingInt(Observation::step)
            .thenComparing(o -> !o.subjectIsClient);
    /** The printed fields {@link #add} reads. */
    private static final Set<String> ESSENTIAL_FIELDS = Set.of("raw_sig", "raw_mtu", "link");

    /** The earliest event: its packet context (subject address, capture, time) becomes the row's. */
    private Observation first;
    private long firstSeen = Long.MAX_VALUE;
    private long lastSeen = Long.MIN_VALUE;
    private long events;
    private final String capture;
    private final Map<Observation.Fingerprint, Long> clientTcp = new HashMap<>();
    private final Map<Observation.Fingerprint, Long> serverTcp = new HashMap<>();
    private final Map<Observation.Mtu, Long> mtus = new HashMap<>();
    private Observation.Position uptimeAt;
    private Observation.Uptime uptime;
    private long uptimeMicros;
    private final Map<Observation.UserAgent, Long> userAgents = new HashMap<>();
    private final Map<String, Long> servers = new HashMap<>();
    private final Map<String, Long> ja4 = new HashMap<>();
    private long hostChanges;
    private long ipSharing;
    private Observation.Position lastAt;
    private String databaseVersion;

    /** An empty profile; {@code capture} names the capture under {@code --state-scope capture}, else null. */
    public HostProfile(String capture) {
        this.capture = capture;
    }

    /** The profile a row holds, to fold more events into. */
    public static HostProfile of(Observation row) {
        Observation.Host h = (Observation.Host) row.data;
        HostProfile p = new HostProfile(h.capture());
        p.first = row;
        p.firstSeen = h.firstSeenMicros();
        p.lastSeen = h.lastSeenMicros();
        p.events = h.events();
        untally(h.clientTcp(), p.clientTcp);
        untally(h.serverTcp(), p.serverTcp);
        untally(h.mtus(), p.mtus);
        p.uptimeAt = h.uptimeAt();
        p.uptime = h.uptime();
        p.uptimeMicros = h.uptimeMicros();
        untally(h.userAgents(), p.userAgents);
        untally(h.servers(), p.servers);
        untally(h.ja4(), p.ja4);
        p.hostChanges = h.hostChanges();
        p.ipSharing = h.ipSharing();
        p.lastAt = h.lastAt();
        p.databaseVersion = row.databaseVersion;
        return p;
    }

    /**
     * What {@link #add} reads of an event, and nothing more: events cross the network to be keyed by host, and their
     * HTTP headers and TLS strings would be most of their bytes.
     */
    public static Observation essentials(Observation o) {
        List<String> fields = new ArrayList<>(4);
        for (int i = 0; i < o.fieldCount(); i++) {
            if (ESSENTIAL_FIELDS.contains(o.key(i))) {
                fields.add(o.key(i));
                fields.add(o.value(i));
            }
        }
        Observation e = new Observation(o.module, o.subjectIsClient, o.step, fields.toArray(new String[0]));
        e.copyContextFrom(o);
        e.databaseVersion = o.databaseVersion;
        if (o.data instanceof Observation.Http h) {
            e.data = new Observation.Http(h.httpVersion(), List.of(), List.of(), h.software(), null, false,
                    Observation.Label.NONE, h.userAgentOs());
        } else if (o.data instanceof Observation.Tls t) {
            e.data = new Observation.Tls(t.ja4(), null, null, null, null, null, null, List.of(), List.of(), 0);
        } else {
            e.data = o.data;
        }
        return e;
    }

    /** Folds in one event whose subject is this host. */
    public void add(Observation o) {
        long t = o.loggedMicros();
        Observation.Position at = Observation.Position.of(o);
        if (first == null || FIRST.compare(o, first) < 0) {
            first = o;
        }
        firstSeen = Math.min(firstSeen, t);
        lastSeen = Math.max(lastSeen, t);
        events++;
        if (lastAt == null || earlier(lastAt, at)) {
            lastAt = at;
            databaseVersion = o.databaseVersion;
        }
        switch (o.module) {
            case "syn", "syn+ack" -> {
                Observation.Tcp tcp = (Observation.Tcp) o.data;
                count(o.module.equals("syn") ? clientTcp : serverTcp, new Observation.Fingerprint(o.get("raw_sig"),
                        tcp.window(), tcp.ttl(), tcp.initialTtl(), tcp.distance(), tcp.label()));
            }
            case "mtu" -> count(mtus, new Observation.Mtu(Integer.parseInt(o.get("raw_mtu")), o.get("link")));
            case "uptime" -> {
                if (uptimeAt == null || earlier(uptimeAt, at)) {
                    uptimeAt = at;
                    uptime = (Observation.Uptime) o.data;
                    uptimeMicros = t;
                }
            }
            case "http request", "http response" -> {
                Observation.Http http = (Observation.Http) o.data;
                if (http.software() != null) {
                    if (o.module.equals("http request")) {
                        count(userAgents, new Observation.UserAgent(http.software(), http.userAgentOs()));
                    } else {
                        count(servers, http.software());
                    }
                }
            }
            case TlsTracker.MODULE -> count(ja4, ((Observation.Tls) o.data).ja4());
            case "host change" -> hostChanges++;
            case "ip sharing" -> ipSharing++;
            default -> { } // sendsyn probes and responses: p0f-sendsyn's own packets, not the host's
        }
    }

    /**
     * Folds in one event whose subject is this host, or a partial profile of it (a {@code host} row, as a unit's
     * analysis sends them): the result is the same as folding the events behind that row one by one.
     */
    public void fold(Observation o) {
        if (Observation.HOST.equals(o.module)) {
            merge(of(o));
        } else {
            add(o);
        }
    }

    /** Folds in the events another profile of this host and window holds. */
    private void merge(HostProfile other) {
        if (first == null || FIRST.compare(other.first, first) < 0) {
            first = other.first;
        }
        firstSeen = Math.min(firstSeen, other.firstSeen);
        lastSeen = Math.max(lastSeen, other.lastSeen);
        events += other.events;
        if (lastAt == null || earlier(lastAt, other.lastAt)) {
            lastAt = other.lastAt;
            databaseVersion = other.databaseVersion;
        }
        sum(other.clientTcp, clientTcp);
        sum(other.serverTcp, serverTcp);
        sum(other.mtus, mtus);
        if (other.uptimeAt != null && (uptimeAt == null || earlier(uptimeAt, other.uptimeAt))) {
            uptimeAt = other.uptimeAt;
            uptime = other.uptime;
            uptimeMicros = other.uptimeMicros;
        }
        sum(other.userAgents, userAgents);
        sum(other.servers, servers);
        sum(other.ja4, ja4);
        hostChanges += other.hostChanges;
        ipSharing += other.ipSharing;
    }

    /**
     * The {@code host} row: the earliest event's packet context (so its subject address, and its time, which
     * dates the row's partition), the latest event's database version, and the profile.
     */
    public Observation row() {
        Observation row = new Observation(Observation.HOST, first.subjectIsClient, 0);
        row.copyContextFrom(first);
        row.step = first.step;
        row.fields = new String[0];
        row.databaseVersion = databaseVersion;
        row.data = new Observation.Host(capture, firstSeen, lastSeen, events, tallies(clientTcp),
                tallies(serverTcp), tallies(mtus), uptimeAt, uptime, uptimeMicros,
                tallies(userAgents), tallies(servers), tallies(ja4), hostChanges, ipSharing, lastAt);
        return row;
    }

    private static boolean earlier(Observation.Position a, Observation.Position b) {
        return OutputOrdered.OUTPUT_ORDER.compare(a, b) < 0;
    }

    private static <K> void count(Map<K, Long> tally, K value) {
        tally.merge(value, 1L, Long::sum);
    }

    private static <K> void sum(Map<K, Long> counts, Map<K, Long> into) {
        counts.forEach((k, n) -> into.merge(k, n, Long::sum));
    }

    private static <K> void untally(List<Observation.Tally<K>> tallies, Map<K, Long> into) {
        for (Observation.Tally<K> t : tallies) {
            into.put(t.value(), t.count());
        }
    }

    /**
     * Most frequent first; ties by the value's text, which for the records lists every field, those the database
     * decides last: a fixed order whatever order the map holds them in, and which relabelling keeps.
     */
    private static <K> List<Observation.Tally<K>> tallies(Map<K, Long> counts) {
        List<Observation.Tally<K>> list = new ArrayList<>(counts.size());
        counts.forEach((k, n) -> list.add(new Observation.Tally<>(k, n)));
        list.sort(Comparator.<Observation.Tally<K>>comparingLong(Observation.Tally::count).reversed()
                .thenComparing(t -> String.valueOf(t.value())));
        return List.copyOf(list);
    }
}
