package io.passivetcp.job.relabel;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.generic.GenericRecord;

import io.passivetcp.Observation;
import io.passivetcp.http.HttpFingerprint;
import io.passivetcp.http.UserAgentOs;
import io.passivetcp.job.tables.MessageColumns;
import io.passivetcp.job.tables.Table;
import io.passivetcp.mtu.MtuMatcher;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.tcp.TcpFingerprint;
import io.passivetcp.tcp.TcpMatch;
import io.passivetcp.tcp.TcpMatcher;
import io.passivetcp.tcp.TcpRawSignature;

/**
 * One table row labelled again with another database, in place: the stored fingerprint fields go through the
 * engine's matchers as the packets did, and every column they decide is rewritten (labels, match kinds, distances,
 * params, MTU links, HTTP raw_sigs and dishonest flags, the fingerprints, links and User-Agent OS of a
 * {@code hosts} profile), with the new {@code db_version}. Rows of the tables that hold
 * no label ({@code uptime}, {@code tls}) and of those derived from host tracking ({@code host_change},
 * {@code ip_sharing}, which this does not recompute) only get the new {@code db_version}.
 */
final class Relabeller {
    private final SignatureDatabase db;
    private final String dbVersion;

    Relabeller(SignatureDatabase db) {
        this.db = db;
        this.dbVersion = db.version();
    }

    void relabel(Table table, GenericRecord r) {
        r.put("db_version", dbVersion);
        switch (table) {
            case SYN, SYN_ACK -> tcp(r, table == Table.SYN_ACK);
            case MTU -> r.put("link", MtuMatcher.link(db, (Integer) r.get("raw_mtu")));
            case HTTP_REQUEST, HTTP_RESPONSE -> http(r, table == Table.HTTP_REQUEST);
            case CONNECTIONS -> connection(r);
            case HOSTS -> host(r);
            default -> { }
        }
    }

    private void tcp(GenericRecord r, boolean synAck) {
        String rawSig = string(r, "raw_sig");
        TcpMatch m = TcpMatcher.match(db, TcpRawSignature.parse(rawSig, (Integer) r.get("window")), synAck);
        TcpFingerprint fp = TcpFingerprint.of(m, (Boolean) r.get("sendsyn"), (Integer) r.get("tos"), rawSig);
        Table.label(r, fp.labelKey(), fp.labelValue(), Observation.Label.of(db, m));
        r.put("distance", m.distance());
        r.put("distance_is_bound", m.badTtl());
        r.put("params", fp.params());
    }

    private void http(GenericRecord r, boolean request) {
        HttpFingerprint fp = HttpFingerprint.of(db, request, (Integer) r.get("http_version"),
                strings(r, "header_names"), strings(r, "header_values"));
        r.put("raw_sig", fp.rawSig());
        Table.label(r, fp.labelKey(), fp.labelValue(), Observation.Label.of(db, fp));
        r.put("params", fp.params());
        r.put("dishonest", fp.dishonest());
    }

    private void connection(GenericRecord r) {
        connectionTcp(r, MessageColumns.SYN, false);
        connectionTcp(r, MessageColumns.SYN_ACK, true);
        if (r.get("client_mtu") != null) {
            r.put("client_link", MtuMatcher.link(db, (Integer) r.get("client_mtu")));
        }
        if (r.get("server_mtu") != null) {
            r.put("server_link", MtuMatcher.link(db, (Integer) r.get("server_mtu")));
        }
        connectionHttp(r, MessageColumns.HTTP_REQUEST, true);
        connectionHttp(r, MessageColumns.HTTP_RESPONSE, false);
    }

    /** Connections are never kept for sendsyn flows. */
    private void connectionTcp(GenericRecord r, MessageColumns c, boolean synAck) {
        String rawSig = string(r, c.rawSig);
        if (rawSig == null) {
            return;
        }
        TcpMatch m = TcpMatcher.match(db, TcpRawSignature.parse(rawSig, (Integer) r.get(c.window)), synAck);
        TcpFingerprint fp = TcpFingerprint.of(m, false, (Integer) r.get(c.tos), rawSig);
        Table.connectionTcpLabel(r, c, Observation.Label.of(db, m));
        r.put(c.distance, m.distance());
        r.put(c.params, fp.params());
    }

    private void connectionHttp(GenericRecord r, MessageColumns c, boolean request) {
        if (r.get(c.rawSig) == null) {
            return;
        }
        HttpFingerprint fp = HttpFingerprint.of(db, request, (Integer) r.get(c.version),
                strings(r, c.headerNames), strings(r, c.headerValues));
        Table.connectionHttpLabel(r, c, Observation.Label.of(db, fp));
        r.put(c.rawSig, fp.rawSig());
        r.put(c.params, fp.params());
    }

    /** A host profile's fingerprints, MTU links and User-Agent OS; its tallies keep their order (HostProfile). */
    private void host(GenericRecord r) {
        for (String column : List.of("client_tcp", "server_tcp")) {
            for (GenericRecord f : records(r, column)) {
                TcpMatch m = TcpMatcher.match(db, TcpRawSignature.parse(string(f, "raw_sig"),
                        (Integer) f.get("window")), column.equals("server_tcp"));
                Table.hostTcpLabel(f, Observation.Label.of(db, m));
                f.put("distance", m.distance());
            }
        }
        for (GenericRecord m : records(r, "mtus")) {
            m.put("link", MtuMatcher.link(db, (Integer) m.get("mtu")));
        }
        for (GenericRecord u : records(r, "user_agents")) {
            u.put("os", UserAgentOs.name(db, string(u, "user_agent")));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<GenericRecord> records(GenericRecord r, String column) {
        return (List<GenericRecord>) r.get(column);
    }

    /** Avro reads strings as {@code Utf8}. */
    private static String string(GenericRecord r, String column) {
        Object v = r.get(column);
        return v == null ? null : v.toString();
    }

    private static List<String> strings(GenericRecord r, String column) {
        List<?> values = (List<?>) r.get(column);
        List<String> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(v == null ? null : v.toString());
        }
        return out;
    }
}
