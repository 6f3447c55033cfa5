package io.passivetcp.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

import io.passivetcp.Observation;
import io.passivetcp.tls.TlsTracker;

/** Fingerprints count as matched or not by what p0f prints; TLS client hellos count apart; other events do not. */
class AnalysisCountersTest {
    @Test
    void countsFingerprintsByMatchAndClientHellos() {
        Map<String, Counter> registered = new HashMap<>();
        AnalysisCounters counters = new AnalysisCounters(new UnregisteredMetricsGroup() {
            @Override
            public Counter counter(String name) {
                return registered.computeIfAbsent(name, n -> new SimpleCounter());
            }
        });
        counters.count(new Observation("syn", true, Observation.STEP_FINGERPRINT, "os", "???"));
        counters.count(new Observation("syn+ack", false, Observation.STEP_FINGERPRINT, "os", "Linux 3.x"));
        counters.count(new Observation("syn", true, Observation.STEP_FINGERPRINT, "os", "Windows 7 or 8"));
        counters.count(new Observation("http request", true, Observation.STEP_HTTP, "app", "Firefox 10.x"));
        counters.count(new Observation(TlsTracker.MODULE, true, Observation.STEP_TLS));
        counters.count(new Observation("mtu", true, Observation.STEP_MTU, "link", "Ethernet or modem"));
        assertEquals(2, registered.get("signaturesMatched").getCount());
        assertEquals(1, registered.get("signaturesUnmatched").getCount());
        assertEquals(1, registered.get("tlsClientHellos").getCount());
    }
}
