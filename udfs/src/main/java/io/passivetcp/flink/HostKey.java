package io.passivetcp.flink;

import org.apache.flink.api.java.functions.KeySelector;

import io.passivetcp.host.ConnectionKey;
import io.passivetcp.host.HostEvent;

/**
 * The key of a host: IP version and address (as p0f's host lookup), and the capture under
 * {@code --state-scope capture}. A public-field POJO, so Flink serializes it without Kryo.
 */
public class HostKey {
    public long captureId;
    public int ipVersion;
    public long addressHigh;
    public long addressLow;

    public HostKey() {}

    HostKey(HostEvent e, boolean perCapture) {
        captureId = perCapture ? e.captureId : 0;
        ipVersion = e.ipVersion;
        byte[] a = e.subjectIsClient ? e.client : e.server;
        addressHigh = ConnectionKey.word(a, 0, a.length);
        addressLow = ConnectionKey.word(a, 8, a.length);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HostKey)) {
            return false;
        }
        HostKey k = (HostKey) o;
        return captureId == k.captureId && ipVersion == k.ipVersion && addressHigh == k.addressHigh
                && addressLow == k.addressLow;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(((captureId * 31 + ipVersion) * 31 + addressHigh) * 31 + addressLow);
    }

    /** Keys host events by their subject host; {@code perCapture} for {@code --state-scope capture}. */
    public static KeySelector<HostEvent, HostKey> selector(boolean perCapture) {
        return new Selector(perCapture);
    }

    /**
     * A named class, not a lambda: a TaskManager that cannot load the job's classes then fails naming it, where a
     * lambda fails as a SerializedLambda cast that names nothing (JobGraphLambdaTest).
     */
    private static final class Selector implements KeySelector<HostEvent, HostKey> {
        private static final long serialVersionUID = 1L;
        private final boolean perCapture;

        Selector(boolean perCapture) {
            this.perCapture = perCapture;
        }

        @Override
        public HostKey getKey(HostEvent e) {
            return new HostKey(e, perCapture);
        }
    }
}
