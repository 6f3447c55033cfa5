package io.passivetcp.job.discovery;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The candidates as CSV (RFC 4180, one row per written candidate), for DuckDB, pandas or a spreadsheet. */
final class CandidateTable {
    private CandidateTable() {}

    static final List<String> COLUMNS = List.of("direction", "section", "fp_line", "label", "sig", "os", "purity",
            "os_claims", "claims", "support_hosts", "support_packets", "hosts_seen", "packets_seen", "current_labels",
            "user_agent_os", "user_agents", "ja4", "mtu", "distance_min", "distance_max", "example_hosts",
            "first_seen", "last_seen");

    static String csv(CandidateFile file) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (int i = 0; i < file.written.size(); i++) {
            Candidate c = file.written.get(i);
            out.append(Stream.of(c.direction().name(), c.direction().section, file.sigLines.get(i), c.label(),
                            c.sig(), c.os(), String.format(Locale.ROOT, "%.4f", c.purity()), c.osClaims(),
                            c.claims(), c.supportHosts(), c.supportPackets(), c.hostsSeen(), c.packetsSeen(),
                            c.currentLabels(), c.userAgentOs(), c.userAgents(), c.ja4(), c.mtu(), c.distanceMin(),
                            c.distanceMax(), c.exampleHosts(), c.first(), c.last())
                    .map(v -> quote(String.valueOf(v)))
                    .collect(Collectors.joining(","))).append('\n');
        }
        return out.toString();
    }

    private static String quote(String v) {
        if (v.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
