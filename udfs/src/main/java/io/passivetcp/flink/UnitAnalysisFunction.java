package io.passivetcp.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

import io.passivetcp.CaptureAnalysis;
import io.passivetcp.CaptureMerge;
import io.passivetcp.Observation;
import io.passivetcp.PrefetchingMerge;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.tls.TlsTracker;

/**
 * Analyses each {@link AnalysisUnit} where it is received: the whole engine ({@link CaptureAnalysis}) over the
 * unit's captures merged in packet order ({@link CaptureMerge}). Only observations leave it: no packet is
 * serialized, sent or sorted. No connection or host reaches from one unit into another, so this gives what the
 * partitioned flow and host functions give.
 *
 * <p>Connection summaries go to the {@link FlowFunction#CONNECTIONS} side output, as from the flow function, and it
 * publishes the flow function's metrics ({@code signaturesMatched}, {@code signaturesUnmatched},
 * {@code tlsClientHellos}, {@code tlsRejected.<reason>}) and the readers' {@code captures} gauges.
 */
public final class UnitAnalysisFunction extends ProcessFunction<AnalysisUnit, Observation> {
    private static final long serialVersionUID = 1L;

    private final String databaseName;
    private final String databaseText;
    private final long connMaxAgeSeconds;
    private final long hostIdleLimitMinutes;
    private final boolean prefetch;

    private transient SignatureDatabase database;
    private transient Counter signaturesMatched;
    private transient Counter signaturesUnmatched;
    private transient Counter tlsClientHellos;

    /**
     * @param prefetch read and decode on a thread of their own ({@link PrefetchingMerge}): for units fewer than the
     *     subtasks, which leave cores idle
     */
    public UnitAnalysisFunction(String databaseName, String databaseText, long connMaxAgeSeconds,
            long hostIdleLimitMinutes, boolean prefetch) {
        this.databaseName = databaseName;
        this.databaseText = databaseText;
        this.connMaxAgeSeconds = connMaxAgeSeconds;
        this.hostIdleLimitMinutes = hostIdleLimitMinutes;
        this.prefetch = prefetch;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        database = SignatureDatabase.parse(databaseName, databaseText); // the CLI checked it before the job
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        signaturesMatched = metrics.counter("signaturesMatched");
        signaturesUnmatched = metrics.counter("signaturesUnmatched");
        tlsClientHellos = metrics.counter("tlsClientHellos");
        CaptureStatistics.registerGauges(metrics);
        CaptureStatistics.registerTlsRejectedGauges(metrics);
    }

    @Override
    public void processElement(AnalysisUnit unit, Context ctx, Collector<Observation> out) throws Exception {
        CaptureAnalysis analysis = new CaptureAnalysis(database, connMaxAgeSeconds, hostIdleLimitMinutes,
                unit.paths.length == 1, o -> emit(o, ctx, out), CaptureStatistics::tlsRejected);
        if (prefetch) {
            PrefetchingMerge.run(unit.inputs(), CaptureFiles.ANALYSED, analysis);
        } else {
            CaptureMerge.run(unit.inputs(), CaptureFiles.ANALYSED, analysis);
        }
    }

    private void emit(Observation o, Context ctx, Collector<Observation> out) {
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
