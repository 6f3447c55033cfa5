package io.passivetcp.flink;

import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * How many keys (flows, hosts) one subtask holds in state, and the most it held, as gauges {@code NAME} and
 * {@code NAMEPeak}: what shows that expiry keeps a long stream's state bounded. Counted since the subtask started
 * (after a restore, from the restore on).
 */
final class StateCount {
    private long current;
    private long peak;

    StateCount(MetricGroup metrics, String name) {
        metrics.gauge(name, (Gauge<Long>) () -> current);
        metrics.gauge(name + "Peak", (Gauge<Long>) () -> peak);
    }

    void increment() {
        current++;
        peak = Math.max(peak, current);
    }

    void decrement() {
        current--;
    }
}
