package io.passivetcp.host;

import io.passivetcp.Observation;
import io.passivetcp.signature.SignatureDatabase;

import java.util.ArrayList;
import java.util.List;

/** One host's state driven through a {@link HostTracker}, collecting what each event printed. */
final class Host {
    final HostTracker tracker;
    final SignatureDatabase db;
    HostState state;

    Host(SignatureDatabase db) {
        this(new HostTracker(), db);
    }

    Host(HostTracker tracker, SignatureDatabase db) {
        this.tracker = tracker;
        this.db = db;
    }

    /** Applies the event; returns its observations rendered by {@link #render}. */
    List<String> apply(Ev ev) {
        return apply(ev.build());
    }

    List<String> apply(HostEvent e) {
        List<Observation> out = new ArrayList<>();
        state = tracker.process(state, e, db, out::add);
        return out.stream().map(Host::render).toList();
    }

    List<Observation> observe(HostEvent e) {
        List<Observation> out = new ArrayList<>();
        state = tracker.process(state, e, db, out::add);
        return out;
    }

    /** {@code mod=...|subj=...|key=value|...}: the part of a p0f log line the host engine decides. */
    static String render(Observation o) {
        StringBuilder sb = new StringBuilder("mod=").append(o.module).append("|subj=")
                .append(o.subjectIsClient ? "cli" : "srv");
        for (int i = 0; i < o.fieldCount(); i++) {
            sb.append('|').append(o.key(i)).append('=').append(o.value(i));
        }
        return sb.toString();
    }
}
