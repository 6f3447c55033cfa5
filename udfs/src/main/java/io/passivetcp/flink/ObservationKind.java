package io.passivetcp.flink;

import org.apache.flink.api.common.functions.FilterFunction;

import io.passivetcp.Observation;

/**
 * Keeps either the connection summaries or the p0f events and TLS fingerprints, of a stream that may also hold
 * {@code hosts} rows (which are neither).
 */
public final class ObservationKind implements FilterFunction<Observation> {
    private static final long serialVersionUID = 1L;

    private final boolean connections;

    public ObservationKind(boolean connections) {
        this.connections = connections;
    }

    @Override
    public boolean filter(Observation o) {
        if (o.step == Observation.STEP_CONNECTION) {
            return connections;
        }
        return !connections && !Observation.HOST.equals(o.module);
    }
}
