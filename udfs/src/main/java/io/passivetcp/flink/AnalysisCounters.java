package io.passivetcp.flink;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

import io.passivetcp.Observation;
import io.passivetcp.tls.TlsTracker;

/**
 * The analysis' counters, the same whether flows are keyed ({@link FlowFunction}) or units are analysed whole
 * ({@link UnitAnalysisOperator}): {@code signaturesMatched} and {@code signaturesUnmatched} (SYN and SYN+ACK
 * fingerprints that found a signature or printed {@code ???}) and {@code tlsClientHellos}.
 */
final class AnalysisCounters {
    private final Counter signaturesMatched;
    private final Counter signaturesUnmatched;
    private final Counter tlsClientHellos;

    AnalysisCounters(MetricGroup metrics) {
        signaturesMatched = metrics.counter("signaturesMatched");
        signaturesUnmatched = metrics.counter("signaturesUnmatched");
        tlsClientHellos = metrics.counter("tlsClientHellos");
    }

    /** Counts an observation on its way out. */
    void count(Observation o) {
        if (o.step == Observation.STEP_FINGERPRINT) {
            (unmatched(o) ? signaturesUnmatched : signaturesMatched).inc();
        } else if (TlsTracker.MODULE.equals(o.module)) {
            tlsClientHellos.inc();
        }
    }

    /** Whether a fingerprint observation found no signature: p0f prints {@code ???}. */
    private static boolean unmatched(Observation fingerprint) {
        return "???".equals(fingerprint.value(0));
    }
}
