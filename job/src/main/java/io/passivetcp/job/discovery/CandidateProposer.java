package io.passivetcp.job.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.passivetcp.job.discovery.Evidence.Direction;
import io.passivetcp.job.discovery.Evidence.HostEvidence;
import io.passivetcp.job.discovery.Evidence.SignatureEvidence;
import io.passivetcp.signature.Label;
import io.passivetcp.signature.SignatureDatabase;

/** Turns the evidence into candidates: the OS the User-Agents name, with enough hosts and purity. */
final class CandidateProposer {
    /** How many of the most frequent values the evidence lists. */
    static final int LISTED = 3;

    /** The class a name gets when no label of the database names it. */
    static final String UNKNOWN_CLASS = "other";

    private final SignatureDatabase db;
    private final int minSupport;
    private final double minPurity;

    CandidateProposer(SignatureDatabase db, int minSupport, double minPurity) {
        this.db = db;
        this.minSupport = minSupport;
        this.minPurity = minPurity;
    }

    /** The candidates that pass both thresholds, strongest first (SYN before SYN+ACK). */
    List<Candidate> propose(Evidence evidence) {
        List<Candidate> out = new ArrayList<>();
        for (Map.Entry<Direction, Map<String, SignatureEvidence>> d : evidence.signatures.entrySet()) {
            for (Map.Entry<String, SignatureEvidence> s : d.getValue().entrySet()) {
                Candidate c = candidate(d.getKey(), s.getKey(), s.getValue(), evidence);
                if (c != null && c.supportHosts() >= minSupport && c.purity() >= minPurity) {
                    out.add(c);
                }
            }
        }
        out.sort(Comparator.comparing(Candidate::direction)
                .thenComparing(Candidate::supportHosts, Comparator.reverseOrder())
                .thenComparing(Candidate::supportPackets, Comparator.reverseOrder())
                .thenComparing(Candidate::sig));
        return out;
    }

    /** The candidate a signature's evidence makes, or null when no User-Agent of its hosts names an OS. */
    private Candidate candidate(Direction direction, String sig, SignatureEvidence s, Evidence evidence) {
        Counts<String> claims = new Counts<>();
        for (HostWindow hw : s.packets.keySet()) {
            claims.addAll(evidence.of(hw).userAgentOs);
        }
        if (claims.isEmpty()) {
            return null;
        }
        String os = claims.top(1).get(0).getKey();
        Set<String> supportHosts = new TreeSet<>();
        Set<String> hostsSeen = new TreeSet<>();
        long supportPackets = 0;
        long packetsSeen = 0;
        Counts<String> perHost = new Counts<>();
        Counts<String> userAgents = new Counts<>();
        Counts<String> ja4 = new Counts<>();
        Counts<String> mtu = new Counts<>();
        for (Map.Entry<HostWindow, Long> p : s.packets.entrySet()) {
            HostWindow hw = p.getKey();
            hostsSeen.add(hw.address());
            packetsSeen += p.getValue();
            HostEvidence h = evidence.of(hw);
            if (h.userAgentOs.get(os) == 0) {
                continue;
            }
            supportHosts.add(hw.address());
            supportPackets += p.getValue();
            perHost.add(hw.address(), p.getValue());
            h.userAgents.top(Integer.MAX_VALUE).stream()
                    .filter(ua -> os.equals(io.passivetcp.http.UserAgentOs.find(db, ua.getKey()).name()))
                    .forEach(ua -> userAgents.add(ua.getKey(), ua.getValue()));
            ja4.addAll(h.ja4);
            mtu.addAll(h.mtu);
        }
        List<Integer> distances = s.distances.top(Integer.MAX_VALUE).stream().map(Map.Entry::getKey)
                .sorted().collect(Collectors.toList());
        return new Candidate(direction, sig, os, classOf(os), claims.total(), claims.get(os), supportHosts.size(),
                supportPackets, hostsSeen.size(), packetsSeen, s.labels.describe(LISTED),
                claims.describe(Integer.MAX_VALUE), userAgents.describe(LISTED), ja4.describe(LISTED),
                mtu.describe(LISTED), distances.get(0), distances.get(distances.size() - 1),
                perHost.describe(LISTED), s.first, s.last);
    }

    /** The class of the first OS label of the database with this name (case-insensitive, as p0f interns names). */
    private String classOf(String os) {
        for (Label l : db.labels()) {
            if (!l.isApplication() && l.name().equalsIgnoreCase(os)) {
                return db.classes().get(l.classId());
            }
        }
        return UNKNOWN_CLASS;
    }
}
