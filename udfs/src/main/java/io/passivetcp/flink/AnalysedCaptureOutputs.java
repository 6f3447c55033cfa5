package io.passivetcp.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

import io.passivetcp.Observation;
import io.passivetcp.tls.TlsTracker;

/**
 * Behind {@link CaptureAnalysisFormat}: sends the connection summaries to the {@link FlowFunction#CONNECTIONS} side
 * output, as the flow function does, and publishes the metrics the flow function would have counted
 * ({@code signaturesMatched}, {@code signaturesUnmatched}, {@code tlsClientHellos}, {@code tlsRejected.<reason>},
 * and the readers' {@code captures} gauges).
 */
public final class AnalysedCaptureOutputs extends ProcessFunction<Observation, Observation> {
    private static final long serialVersionUID = 1L;

    private transient Counter signaturesMatched;
    private transient Counter signaturesUnmatched;
    private transient Counter tlsClientHellos;

    @Override
    public void open(OpenContext openContext) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        signaturesMatched = metrics.counter("signaturesMatched");
        signaturesUnmatched = metrics.counter("signaturesUnmatched");
        tlsClientHellos = metrics.counter("tlsClientHellos");
        CaptureStatistics.registerGauges(metrics);
        CaptureStatistics.registerTlsRejectedGauges(metrics);
    }

    @Override
    public void processElement(Observation o, Context ctx, Collector<Observation> out) {
        if (o.step == Observation.STEP_CONNECTION) {
            ctx.output(FlowFunction.CONNECTIONS, o);
            return;
        }
        if (o.step == Observation.STEP_FINGERPRINT) {
            (FlowFunction.unmatched(o) ? signaturesUnmatched : signaturesMatched).inc();
        } else if (TlsTracker.MODULE.equals(o.module)) {
            tlsClientHellos.inc();
        }
        out.collect(o);
    }
}
