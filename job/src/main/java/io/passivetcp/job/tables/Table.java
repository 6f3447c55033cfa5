package io.passivetcp.job.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import io.passivetcp.Observation;
import io.passivetcp.output.P0fFormat;
import io.passivetcp.tls.TlsTracker;

/**
 * The Parquet tables: folder name, the events that go into each, and how an {@link Observation} becomes a row of its
 * explicit, versioned Avro schema ({@code schemas/<folder>.avsc}, namespace {@code io.passivetcp.tables.v1}).
 * Column names are part of the schema's contract: add columns, never rename them.
 */
public enum Table {
    SYN("syn", "syn", "sendsyn probe"),
    SYN_ACK("syn_ack", "syn+ack", "sendsyn response"),
    MTU("mtu", "mtu"),
    UPTIME("uptime", "uptime"),
    HTTP_REQUEST("http_request", "http request"),
    HTTP_RESPONSE("http_response", "http response"),
    HOST_CHANGE("host_change", "host change"),
    IP_SHARING("ip_sharing", "ip sharing"),
    TLS("tls", TlsTracker.MODULE),
    CONNECTIONS("connections", Observation.CONNECTION),
    HOSTS("hosts", Observation.HOST);

    /**
     * Version of the schemas, in each file's metadata: bumped when columns are added (2: the HTTP header values and
     * the DSCP of the connections, which relabelling needs). The {@code v1} of their namespace changes only with an
     * incompatible change.
     */
    public static final int SCHEMA_VERSION = 2;

    private final String folder;
    private final Set<String> modules;

    Table(String folder, String... modules) {
        this.folder = folder;
        this.modules = Set.of(modules);
    }

    /** The table's folder under the output directory, e.g. {@code syn_ack}. */
    public String folder() {
        return folder;
    }

    /** Whether a row of this table is one event, a line of the {@code -o} log (not a connection or host). */
    public boolean eventTable() {
        return this != CONNECTIONS && this != HOSTS;
    }

    /** Whether an observation with this {@code mod=} value is a row of this table. */
    public boolean accepts(String module) {
        return modules.contains(module);
    }

    /** The table holding events of this {@code mod=} value, or null. */
    public static Table of(String module) {
        for (Table t : values()) {
            if (t.accepts(module)) {
                return t;
            }
        }
        return null;
    }

    /** The schema's JSON text, from the classpath. */
    public String schemaText() {
        try (InputStream in = Table.class.getResourceAsStream("/schemas/" + folder + ".avsc")) {
            if (in == null) {
                throw new IllegalStateException("schema missing from the jar: schemas/" + folder + ".avsc");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Schema schema() {
        return new Schema.Parser().parse(schemaText());
    }

    /** The table's schema and its columns' positions, for {@link #toRecord}. */
    public Columns columns() {
        return new Columns(schema());
    }

    /**
     * A table's schema with the positions of its columns, each found by name once per name instance: the rows the
     * job makes then set their columns without hashing and comparing names, which was a thirtieth of a run. Rows
     * name their columns by constants (literals, {@link MessageColumns}), so few instances are ever looked up.
     */
    public static final class Columns {
        /** More instances than the rows' code names: a name built per row is looked up, not remembered. */
        private static final int REMEMBERED_NAMES = 1024;
        private final Schema schema;
        private final Map<String, Integer> positions = new IdentityHashMap<>();

        Columns(Schema schema) {
            this.schema = schema;
        }

        int position(String name) {
            Integer position = positions.get(name);
            if (position == null) {
                Schema.Field field = schema.getField(name);
                if (field == null) {
                    throw new AvroRuntimeException("Not a valid schema field: " + name);
                }
                position = field.pos();
                if (positions.size() < REMEMBERED_NAMES) {
                    positions.put(name, position);
                }
            }
            return position;
        }
    }

    /** A row whose columns are set by name through {@link Columns}. */
    private static final class Row extends GenericData.Record {
        private final Columns columns;

        Row(Columns columns) {
            super(columns.schema);
            this.columns = columns;
        }

        @Override
        public void put(String key, Object value) {
            put(columns.position(key), value);
        }
    }

    /** One row of this table, of the schema of {@code columns}. */
    public GenericRecord toRecord(Observation o, Columns columns) {
        Schema schema = columns.schema;
        GenericData.Record r = new Row(columns);
        if (this == CONNECTIONS) {
            connection(r, o);
            return r;
        }
        if (this == HOSTS) {
            host(r, o, schema);
            return r;
        }
        r.put("event_time", o.loggedMicros());
        r.put("capture", o.capture);
        r.put("packet_index", o.ordinal);
        r.put("subject", o.subjectIsClient ? "cli" : "srv");
        String client = address(o.client);
        String server = address(o.server);
        r.put("subject_address", o.subjectIsClient ? client : server);
        r.put("ip_version", o.ipVersion);
        r.put("client_address", client);
        r.put("client_port", o.clientPort);
        r.put("server_address", server);
        r.put("server_port", o.serverPort);
        r.put("db_version", o.databaseVersion);
        switch (this) {
            case SYN, SYN_ACK -> tcp(r, o);
            case MTU -> {
                r.put("link", o.get("link"));
                r.put("raw_mtu", Integer.parseInt(o.get("raw_mtu")));
            }
            case UPTIME -> {
                Observation.Uptime u = (Observation.Uptime) o.data;
                r.put("uptime", o.get("uptime"));
                r.put("uptime_minutes", u.minutes());
                r.put("modulo_days", u.moduloDays());
                r.put("raw_freq_hz", u.rawFrequency());
            }
            case HTTP_REQUEST, HTTP_RESPONSE -> http(r, o);
            case HOST_CHANGE, IP_SHARING -> {
                r.put("reason", o.get("reason"));
                r.put("raw_hits", o.get("raw_hits"));
            }
            case TLS -> {
                Observation.Tls t = (Observation.Tls) o.data;
                tls(r, t);
                r.put("ja4_ro", t.ja4RawOriginal());
                r.put("ja3_string", t.ja3String());
                r.put("versions", t.versions());
                r.put("segments", t.segments());
            }
            default -> throw new IllegalStateException(name());
        }
        return r;
    }

    private static void tcp(GenericData.Record r, Observation o) {
        Observation.Tcp t = (Observation.Tcp) o.data;
        r.put("sendsyn", t.sendsyn());
        r.put("ttl", t.ttl());
        r.put("initial_ttl", t.initialTtl());
        r.put("distance", t.distance());
        r.put("distance_is_bound", t.distanceIsBound());
        r.put("ip_option_length", t.ipOptionLength());
        r.put("mss", t.mss());
        r.put("window", t.window());
        r.put("window_scale", t.windowScale());
        r.put("option_layout", t.optionLayout());
        r.put("quirks", t.quirks());
        r.put("payload_class", t.payloadClass());
        r.put("tos", t.tos());
        r.put("raw_sig", o.get("raw_sig"));
        label(r, o.key(0), o.value(0), t.label());
        r.put("params", o.get("params"));
    }

    private static void http(GenericData.Record r, Observation o) {
        Observation.Http h = (Observation.Http) o.data;
        r.put("http_version", h.httpVersion());
        r.put("header_names", h.headerNames());
        r.put("header_values", h.headerValues());
        if (o.module.equals("http request")) {
            r.put("user_agent", h.software());
            r.put("accept_language", h.acceptLanguage());
            r.put("lang", o.get("lang"));
        } else {
            r.put("server", h.software());
        }
        r.put("raw_sig", o.get("raw_sig"));
        label(r, o.key(0), o.value(0), h.label());
        r.put("params", o.get("params"));
        r.put("dishonest", h.dishonest());
    }

    /** The TLS columns an event row and a connection row share. */
    private static void tls(GenericData.Record r, Observation.Tls t) {
        r.put("ja4", t.ja4());
        r.put("ja4_r", t.ja4Raw());
        r.put("ja4_o", t.ja4Original());
        r.put("ja3", t.ja3());
        r.put("sni", t.sni());
        r.put("alpn", t.alpn());
    }

    /** The label columns of an event row: {@code label_key}, {@code label}, ..., {@code signature_line}. */
    public static void label(GenericRecord r, String key, String printed, Observation.Label l) {
        r.put("label_key", key);
        r.put("label", printed);
        r.put("label_type", l.type());
        r.put("label_class", l.labelClass());
        r.put("label_name", l.name());
        r.put("label_flavor", l.flavor());
        r.put("match_kind", l.matchKind());
        r.put("signature_line", l.line() < 0 ? null : l.line());
    }

    private static void connection(GenericData.Record r, Observation o) {
        Observation.Connection c = (Observation.Connection) o.data;
        r.put("event_time", c.startMicros());
        r.put("end_time", c.endMicros());
        r.put("end_reason", c.endReason());
        r.put("packets", c.packets());
        r.put("capture", o.capture);
        r.put("ip_version", o.ipVersion);
        r.put("client_address", address(o.client));
        r.put("client_port", o.clientPort);
        r.put("server_address", address(o.server));
        r.put("server_port", o.serverPort);
        r.put("db_version", o.databaseVersion);
        connectionTcp(r, MessageColumns.SYN, c.syn(), c.synRawSig(), c.synParams());
        connectionTcp(r, MessageColumns.SYN_ACK, c.synAck(), c.synAckRawSig(), c.synAckParams());
        r.put("client_mtu", c.clientMtu() < 0 ? null : c.clientMtu());
        r.put("client_link", c.clientLink());
        r.put("server_mtu", c.serverMtu() < 0 ? null : c.serverMtu());
        r.put("server_link", c.serverLink());
        if (c.request() != null) {
            connectionHttpLabel(r, MessageColumns.HTTP_REQUEST, c.request().label());
            r.put(MessageColumns.HTTP_REQUEST.rawSig, c.requestRawSig());
            r.put(MessageColumns.HTTP_REQUEST.params, c.requestParams());
            r.put("user_agent", c.request().software());
            r.put("accept_language", c.request().acceptLanguage());
            r.put("lang", c.requestLang());
            connectionHeaders(r, MessageColumns.HTTP_REQUEST, c.request());
        }
        if (c.response() != null) {
            connectionHttpLabel(r, MessageColumns.HTTP_RESPONSE, c.response().label());
            r.put(MessageColumns.HTTP_RESPONSE.rawSig, c.responseRawSig());
            r.put(MessageColumns.HTTP_RESPONSE.params, c.responseParams());
            r.put("server", c.response().software());
            connectionHeaders(r, MessageColumns.HTTP_RESPONSE, c.response());
        }
        if (c.tls() != null) {
            tls(r, c.tls());
            r.put("tls_versions", c.tls().versions());
        }
    }

    private static void host(GenericData.Record r, Observation o, Schema schema) {
        Observation.Host h = (Observation.Host) o.data;
        r.put("first_seen", h.firstSeenMicros());
        r.put("last_seen", h.lastSeenMicros());
        r.put("capture", h.capture());
        r.put("subject_address", address(o.subjectIsClient ? o.client : o.server));
        r.put("ip_version", o.ipVersion);
        r.put("db_version", o.databaseVersion);
        r.put("events", h.events());
        r.put("client_tcp", hostTcp(h.clientTcp(), schema));
        r.put("server_tcp", hostTcp(h.serverTcp(), schema));
        r.put("mtus", tallies(h.mtus(), schema, "mtus", (x, m) -> {
            x.put("mtu", m.mtu());
            x.put("link", m.link());
        }));
        if (h.uptime() != null) {
            r.put("uptime_time", h.uptimeMicros());
            r.put("uptime_minutes", h.uptime().minutes());
            r.put("uptime_modulo_days", h.uptime().moduloDays());
            r.put("uptime_raw_freq_hz", h.uptime().rawFrequency());
        }
        r.put("user_agents", tallies(h.userAgents(), schema, "user_agents", (x, u) -> {
            x.put("user_agent", u.userAgent());
            x.put("os", u.os());
        }));
        r.put("servers", tallies(h.servers(), schema, "servers", (x, s) -> x.put("server", s)));
        r.put("ja4", tallies(h.ja4(), schema, "ja4", (x, j) -> x.put("ja4", j)));
        r.put("host_change", h.hostChanges() > 0);
        r.put("host_changes", h.hostChanges());
        r.put("ip_sharing", h.ipSharing() > 0);
        r.put("ip_sharing_events", h.ipSharing());
    }

    private static List<GenericRecord> hostTcp(List<Observation.Tally<Observation.Fingerprint>> fingerprints,
            Schema schema) {
        return tallies(fingerprints, schema, "client_tcp", (x, f) -> {
            x.put("raw_sig", f.rawSig());
            x.put("window", f.window());
            x.put("ttl", f.ttl());
            x.put("initial_ttl", f.initialTtl());
            x.put("distance", f.distance());
            hostTcpLabel(x, f.label());
        });
    }

    /** The label fields of a fingerprint in a {@code hosts} row ({@code client_tcp}, {@code server_tcp}). */
    public static void hostTcpLabel(GenericRecord x, Observation.Label l) {
        x.put("label", printed(l));
        x.put("label_class", l.labelClass());
        x.put("label_name", l.name());
        x.put("label_flavor", l.flavor());
        x.put("match_kind", l.matchKind());
        x.put("signature_line", l.line() < 0 ? null : l.line());
    }

    /** A tally as a list of the records of array column {@code column}, each value's fields and its count. */
    private static <K> List<GenericRecord> tallies(List<Observation.Tally<K>> tallies, Schema schema, String column,
            BiConsumer<GenericRecord, K> fields) {
        Schema item = schema.getField(column).schema().getElementType();
        List<GenericRecord> records = new ArrayList<>(tallies.size());
        for (Observation.Tally<K> t : tallies) {
            GenericData.Record x = new GenericData.Record(item);
            fields.accept(x, t.value());
            x.put("count", t.count());
            records.add(x);
        }
        return records;
    }

    private static void connectionTcp(GenericData.Record r, MessageColumns m, Observation.Tcp t, String rawSig,
            String params) {
        if (t == null) {
            return;
        }
        connectionTcpLabel(r, m, t.label());
        r.put(m.rawSig, rawSig);
        r.put(m.params, params);
        r.put(m.ttl, t.ttl());
        r.put(m.distance, t.distance());
        r.put(m.mss, t.mss());
        r.put(m.window, t.window());
        r.put(m.windowScale, t.windowScale());
        r.put(m.optionLayout, t.optionLayout());
        r.put(m.quirks, t.quirks());
        r.put(m.tos, t.tos());
    }

    /** The label columns of a SYN or SYN+ACK in a connection row. */
    public static void connectionTcpLabel(GenericRecord r, MessageColumns m, Observation.Label l) {
        r.put(m.label, printed(l));
        r.put(m.labelClass, l.labelClass());
        r.put(m.labelName, l.name());
        r.put(m.labelFlavor, l.flavor());
        r.put(m.matchKind, l.matchKind());
    }

    /** The label columns of an HTTP message in a connection row. */
    public static void connectionHttpLabel(GenericRecord r, MessageColumns m, Observation.Label l) {
        r.put(m.label, printed(l));
        r.put(m.matchKind, l.matchKind());
    }

    private static void connectionHeaders(GenericData.Record r, MessageColumns m, Observation.Http h) {
        r.put(m.version, h.httpVersion());
        r.put(m.headerNames, h.headerNames());
        r.put(m.headerValues, h.headerValues());
    }

    /** A label as p0f prints it: {@code Name[ Flavor]}, or {@code ???}. */
    private static String printed(Observation.Label l) {
        if (l.name() == null) {
            return "???";
        }
        return l.flavor().isEmpty() ? l.name() : l.name() + " " + l.flavor();
    }

    /** An address as p0f prints it (and as the -o log shows it). */
    static String address(byte[] a) {
        return P0fFormat.address(new StringBuilder(39), a).toString();
    }
}
