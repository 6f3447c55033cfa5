package io.passivetcp.flink;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.passivetcp.Observation;
import io.passivetcp.host.HostProfile;

/**
 * The host profiles a unit's analysis folds: by host and day, or host and capture ({@link ProfileKey}), at most
 * {@code max} at once. When one more is needed, all held are sent as parts, which {@link HostProfileFunction} folds
 * again, and folding starts again. Each sent profile is a {@code host} row, which {@link HostProfile#fold} takes as
 * the events behind it.
 *
 * <p>At the end of a unit ({@link #endUnit}) the held profiles are complete rows when none had to be sent before:
 * no host is in two units ({@link io.passivetcp.AnalysisUnits}), so a profile folded from the whole unit holds
 * every event of its host and day, and needs no second fold.
 */
final class PartialProfiles {
    private final int max;
    private final boolean perCapture;
    private final Consumer<Observation> send;
    private final Map<ProfileKey, HostProfile> held = new HashMap<>();
    /** Whether profiles were sent as parts since the unit began: then the ones held are parts too. */
    private boolean sentParts;

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
                sentParts = true;
            }
            profile = new HostProfile(perCapture ? event.capture : null);
            held.put(key, profile);
        }
        profile.add(event);
    }

    /**
     * Ends a unit: the held profiles go to {@code complete} as the hosts' rows when they hold all the unit's events,
     * else to the partial profiles' consumer, to be folded with the parts sent before.
     */
    void endUnit(Consumer<Observation> complete) {
        sendAll(sentParts ? send : complete);
        sentParts = false;
    }

    /** Sends every held profile as a part. */
    void sendAll() {
        sendAll(send);
    }

    private void sendAll(Consumer<Observation> to) {
        for (HostProfile profile : held.values()) {
            to.accept(profile.row());
        }
        held.clear();
    }
}
