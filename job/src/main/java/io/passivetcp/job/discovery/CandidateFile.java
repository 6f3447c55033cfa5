package io.passivetcp.job.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.passivetcp.job.discovery.Evidence.Direction;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.SignatureSyntaxException;

/**
 * The candidate {@code .fp} text: sections to append to the database the tables were labelled with, one label and
 * sig per candidate, each under a comment with its evidence. Every candidate is checked by loading the database
 * with it appended; one p0f would refuse (an earlier specific signature, or an earlier candidate, already covers
 * it) is left out with the reason.
 */
final class CandidateFile {
    /** The written candidates, in file order, with the line of their {@code sig} in {@link #text}. */
    final List<Candidate> written = new ArrayList<>();
    final List<Integer> sigLines = new ArrayList<>();
    /** Why each left-out candidate was refused, in proposal order. */
    final List<String> refused = new ArrayList<>();
    final String text;

    CandidateFile(SignatureDatabase db, String header, List<Candidate> candidates) {
        String base = db.text().endsWith("\n") || db.text().isEmpty() ? db.text() : db.text() + "\n";
        StringBuilder out = new StringBuilder(header);
        Direction section = null;
        for (Candidate c : candidates) {
            StringBuilder block = new StringBuilder();
            if (c.direction() != section) {
                block.append("\n[").append(c.direction().section).append("]\n");
            }
            block.append('\n').append(comment(c));
            block.append("label = ").append(c.label()).append('\n');
            block.append("sig   = ").append(c.sig()).append('\n');
            String attempt = out + block.toString();
            try {
                SignatureDatabase.parse("database + candidates", base + attempt);
            } catch (SignatureSyntaxException e) {
                refused.add(c.sig() + " (" + c.os() + "): " + e.reason());
                continue;
            }
            section = c.direction();
            out.append(block);
            written.add(c);
            sigLines.add((int) out.chars().filter(ch -> ch == '\n').count());
        }
        text = out.toString();
    }

    private static String comment(Candidate c) {
        String packets = c.direction() == Direction.syn ? "SYNs" : "SYN+ACKs";
        return String.format(Locale.ROOT, """
                ; %s, purity %.2f (%d of %d User-Agent OS claims), %d hosts, %d %s (seen: %d hosts, %d %s)
                ;   now labelled: %s
                ;   User-Agent OS: %s
                ;   User-Agents: %s
                ;   JA4: %s
                ;   distance %d-%d; MTU: %s
                ;   hosts: %s
                """, c.os(), c.purity(), c.osClaims(), c.claims(), c.supportHosts(), c.supportPackets(), packets,
                c.hostsSeen(), c.packetsSeen(), packets, line(c.currentLabels()), line(c.userAgentOs()),
                line(c.userAgents()), line(c.ja4()), c.distanceMin(), c.distanceMax(), line(c.mtu()),
                line(c.exampleHosts()));
    }

    /** A comment value that cannot end the comment line: control characters become '?', absent ones "none". */
    private static String line(String value) {
        if (value.isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return b.toString();
    }
}
