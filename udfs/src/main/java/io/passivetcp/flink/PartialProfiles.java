package io.passivetcp.flink;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.passivetcp.Observation;
import io.passivetcp.host.HostProfile;

/**
 * The host profiles a unit's analysis folds before {@link HostProfileFunction} folds them again: by host and day, or
 * host and capture ({@link ProfileKey}), at most {@code max} at once. When one more is needed, all held are sent
 * and folding starts again; {@link #sendAll()} sends the rest at the end of the unit. Each sent profile is a
 * {@code host} row, which {@link HostProfile#fold} takes as the events behind it.
 */
final class PartialProfiles {
    private final int max;
    private final boolean perCapture;
    private final Consumer<Observation> send;
    private final Map<ProfileKey, HostProfile> held = new HashMap<>();

    PartialProfiles(int max, boolean perCapture, Consumer<Observation> send) {
        this.max = max;
        this.perCapture = perCapture;
        this.send = send;
    }

    /** Folds in one event (connection summaries are not events of a host). */
    void add(Observation event) {
        ProfileKey key = new ProfileKey(event, perCapture);
        HostProfile profile = held.get(key);
        if (profile == null) {
            if (held.size() == max) {
                sendAll();
            }
            profile = new HostProfile(perCapture ? event.capture : null);
            held.put(key, profile);
        }
        profile.add(event);
    }

    void sendAll() {
        for (HostProfile profile : held.values()) {
            send.accept(profile.row());
        }
        held.clear();
    }
}
