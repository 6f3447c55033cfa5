package io.passivetcp.job.discovery;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.avro.generic.GenericRecord;

import io.passivetcp.http.UserAgentOs;
import io.passivetcp.job.tables.Table;
import io.passivetcp.job.tables.TableFiles;
import io.passivetcp.signature.SignatureDatabase;

/**
 * What a table folder says about each host window, and the TCP signatures that no specific signature matched
 * exactly, with the host windows that sent them.
 */
final class Evidence {
    /** The SYN and SYN+ACK columns read. */
    private static final List<String> TCP_COLUMNS = List.of("event_time", "capture", "subject_address", "sendsyn",
            "raw_sig", "initial_ttl", "distance", "label", "match_kind");

    /** The {@code match_kind} of a row that a specific signature matched exactly: nothing to discover there. */
    private static final String EXACT = "exact";

    /** The database's name of a match nothing matched, in {@code label}. */
    static final String NO_MATCH = "???";

    final Map<HostWindow, HostEvidence> hosts = new TreeMap<>();
    final Map<Direction, Map<String, SignatureEvidence>> signatures = new TreeMap<>();
    /** Table files not read in full: their rows before the damage count. */
    final List<TableFiles.Unread> unreadFiles = new ArrayList<>();

    /** The TCP directions and the database section their signatures go to. */
    enum Direction {
        syn(Table.SYN, "tcp:request"),
        syn_ack(Table.SYN_ACK, "tcp:response");

        final Table table;
        final String section;

        Direction(Table table, String section) {
            this.table = table;
            this.section = section;
        }
    }

    /** Evidence a host window gave, whatever its signatures. */
    static final class HostEvidence {
        final Counts<String> userAgentOs = new Counts<>();
        final Counts<String> userAgents = new Counts<>();
        final Counts<String> ja4 = new Counts<>();
        final Counts<String> mtu = new Counts<>();
    }

    /** One candidate signature line's packets: where they came from and how the database labelled them. */
    static final class SignatureEvidence {
        final Map<HostWindow, Long> packets = new TreeMap<>();
        final Counts<String> labels = new Counts<>();
        final Counts<Integer> distances = new Counts<>();
        Instant first;
        Instant last;
    }

    /** Reads the SYN, SYN+ACK, HTTP request, TLS and MTU tables under {@code root}. */
    static Evidence read(Path root, EvidenceWindow window, SignatureDatabase db) throws IOException {
        Evidence e = new Evidence();
        for (Direction d : Direction.values()) {
            Map<String, SignatureEvidence> bySig = e.signatures.computeIfAbsent(d, k -> new TreeMap<>());
            TableRows.read(root, d.table, TCP_COLUMNS, row -> {
                if (Boolean.TRUE.equals(row.get("sendsyn")) || EXACT.equals(text(row, "match_kind"))) {
                    return;
                }
                SignatureEvidence s = bySig.computeIfAbsent(
                        candidateSig(text(row, "raw_sig"), (Integer) row.get("initial_ttl")),
                        k -> new SignatureEvidence());
                s.packets.merge(new HostWindow(text(row, "subject_address"), window.of(row)), 1L, Long::sum);
                String label = text(row, "label");
                s.labels.add(NO_MATCH.equals(label) ? label : label + " (" + text(row, "match_kind") + ")", 1);
                s.distances.add((Integer) row.get("distance"), 1);
                Instant t = EvidenceWindow.eventTime(row);
                s.first = s.first == null || t.isBefore(s.first) ? t : s.first;
                s.last = s.last == null || t.isAfter(s.last) ? t : s.last;
            }, e.unreadFiles);
        }
        TableRows.read(root, Table.HTTP_REQUEST, List.of("event_time", "capture", "subject_address", "user_agent"),
                row -> {
                    String ua = text(row, "user_agent");
                    io.passivetcp.signature.UserAgentOs os = UserAgentOs.find(db, ua);
                    if (os != null) {
                        HostEvidence h = e.host(row, window);
                        h.userAgentOs.add(os.name(), 1);
                        h.userAgents.add(ua, 1);
                    }
                }, e.unreadFiles);
        TableRows.read(root, Table.TLS, List.of("event_time", "capture", "subject_address", "ja4"),
                row -> e.host(row, window).ja4.add(text(row, "ja4"), 1), e.unreadFiles);
        TableRows.read(root, Table.MTU, List.of("event_time", "capture", "subject_address", "raw_mtu", "link"),
                row -> e.host(row, window).mtu.add(row.get("raw_mtu") + " " + text(row, "link"), 1), e.unreadFiles);
        return e;
    }

    /** The evidence of a host window; empty when the tables say nothing about it. */
    HostEvidence of(HostWindow hw) {
        return hosts.getOrDefault(hw, new HostEvidence());
    }

    private HostEvidence host(GenericRecord row, EvidenceWindow window) {
        return hosts.computeIfAbsent(new HostWindow(text(row, "subject_address"), window.of(row)),
                k -> new HostEvidence());
    }

    /**
     * The {@code sig} line a packet's raw signature proposes: the guessed initial TTL instead of the observed one
     * (a signature names where a stack starts, not how far it travelled), and any MSS, which depends on the link,
     * not the stack. Window, scale, options, quirks and payload class stay as the packet showed them.
     */
    static String candidateSig(String rawSig, int initialTtl) {
        String[] f = rawSig.split(":", -1);
        if (f.length != 8) {
            throw new IllegalArgumentException("not a TCP raw_sig (8 fields): " + rawSig);
        }
        return f[0] + ":" + initialTtl + ":" + f[2] + ":*:" + f[4] + ":" + f[5] + ":" + f[6] + ":" + f[7];
    }

    private static String text(GenericRecord row, String column) {
        Object v = row.get(column);
        return v == null ? null : v.toString();
    }
}
