package io.passivetcp.flink;

import org.apache.flink.api.java.functions.KeySelector;

import io.passivetcp.Observation;
import io.passivetcp.host.ConnectionKey;

/**
 * The key of a host profile ({@link HostProfileFunction}): the subject's IP version and address, and the window the
 * profile covers, the UTC day of the event or, under {@code --state-scope capture}, its capture. A public-field
 * POJO, so Flink serializes it without Kryo.
 */
public class ProfileKey {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    /** UTC day (days since the epoch), or the capture id under {@code --state-scope capture}. */
    public long window;
    public int ipVersion;
    public long addressHigh;
    public long addressLow;

    public ProfileKey() {}

    ProfileKey(Observation o, boolean perCapture) {
        window = perCapture ? o.captureId : day(o.loggedMicros());
        ipVersion = o.ipVersion;
        byte[] a = o.subjectIsClient ? o.client : o.server;
        addressHigh = ConnectionKey.word(a, 0, a.length);
        addressLow = ConnectionKey.word(a, 8, a.length);
    }

    /** The UTC day (days since the epoch) of a time in microseconds since the epoch. */
    public static long day(long micros) {
        return Math.floorDiv(micros, MICROS_PER_DAY);
    }

    /** The last millisecond of a UTC day. */
    static long lastMillisOf(long day) {
        return (day + 1) * (MICROS_PER_DAY / 1000) - 1;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ProfileKey)) {
            return false;
        }
        ProfileKey k = (ProfileKey) o;
        return window == k.window && ipVersion == k.ipVersion && addressHigh == k.addressHigh
                && addressLow == k.addressLow;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(((window * 31 + ipVersion) * 31 + addressHigh) * 31 + addressLow);
    }

    /** Keys events by their subject host and day, or capture when {@code perCapture}. */
    public static final class Selector implements KeySelector<Observation, ProfileKey> {
        private static final long serialVersionUID = 1L;

        private final boolean perCapture;

        public Selector(boolean perCapture) {
            this.perCapture = perCapture;
        }

        @Override
        public ProfileKey getKey(Observation o) {
            return new ProfileKey(o, perCapture);
        }
    }
}
