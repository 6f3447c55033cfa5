package io.passivetcp.flink;

import java.util.List;
import java.util.function.Consumer;

import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

import io.passivetcp.CaptureAnalysis;
import io.passivetcp.CaptureMerge;
import io.passivetcp.Handoff;
import io.passivetcp.Observation;
import io.passivetcp.PrefetchingMerge;
import io.passivetcp.signature.SignatureDatabase;

/**
 * Analyses each {@link AnalysisUnit} where it is received: the whole engine ({@link CaptureAnalysis}) over the
 * unit's captures merged in packet order ({@link CaptureMerge}). Only observations leave it, events and connection
 * summaries in one stream: no packet is serialized, sent or sorted. No connection or host reaches from one unit into
 * another, so this gives what the partitioned flow and host functions give.
 *
 * <p>A unit can take minutes, and the operators chained behind this one (the table writer, whose part files roll on
 * processing-time timers) run their mail only when the task's mailbox is served: so the analysis yields to them
 * every {@link #YIELD_EVERY} observations.
 *
 * <p>With {@code hostProfiles}, it also folds the unit's events into their hosts' profiles, by host and day (or
 * capture). No host is in two units, so at the end of the unit those profiles are the {@code hosts} rows, emitted
 * with the events to the tables written here. At most {@link #MAX_PARTIAL_PROFILES} are held; more, and all are
 * sent as partial profiles ({@link #HOST_PROFILES}) to {@link HostProfileFunction}, and so are the rest of that
 * unit's: a profile is a fold that does not depend on the order of its events, so folding parts and then the parts
 * gives the same row.
 *
 * <p>It publishes the flow function's metrics ({@code signaturesMatched}, {@code signaturesUnmatched},
 * {@code tlsClientHellos}, {@code tlsRejected.<reason>}) and the readers' {@code captures} gauges.
 */
public final class UnitAnalysisOperator extends AbstractStreamOperator<Observation>
        implements OneInputStreamOperator<AnalysisUnit, Observation> {
    private static final long serialVersionUID = 1L;

    /** Observations between two looks at the mailbox: often enough for 100 ms timers, rarely enough to cost nothing. */
    static final int YIELD_EVERY = 1024;

    /** The partial host profiles of units too large to hold all theirs, {@code host} rows to be folded again. */
    public static final OutputTag<Observation> HOST_PROFILES =
            new OutputTag<>("host-profiles", RecordTypeInfo.OBSERVATION);

    /** Partial profiles held at once: each holds its first event and a few small tallies, a few KB at most. */
    static final int MAX_PARTIAL_PROFILES = 16_384;

    private final String databaseName;
    private final String databaseText;
    private final long connMaxAgeSeconds;
    private final long hostIdleLimitMinutes;
    private final boolean spareCores;
    private final boolean hostProfiles;
    private final boolean perCapture;

    private transient MailboxExecutor mailbox;
    private transient PartialProfiles partialProfiles;
    private transient SignatureDatabase database;
    private transient StreamRecord<Observation> record;
    private transient int sinceYield;
    private transient AnalysisCounters counters;

    /**
     * @param spareCores for units fewer than the subtasks, which leave cores idle: reading and decoding run on a
     *     thread of their own ({@link PrefetchingMerge}), and the engine on another ({@link Handoff}), while the
     *     task's thread formats and sends what the engine observes
     * @param hostProfiles fold the events into host profiles, the {@code hosts} table's rows (or partial profiles,
     *     {@link #HOST_PROFILES})
     * @param perCapture profiles by host and capture ({@code --state-scope capture}), not by host and day
     */
    public UnitAnalysisOperator(String databaseName, String databaseText, long connMaxAgeSeconds,
            long hostIdleLimitMinutes, boolean spareCores, boolean hostProfiles, boolean perCapture) {
        this.databaseName = databaseName;
        this.databaseText = databaseText;
        this.connMaxAgeSeconds = connMaxAgeSeconds;
        this.hostIdleLimitMinutes = hostIdleLimitMinutes;
        this.spareCores = spareCores;
        this.hostProfiles = hostProfiles;
        this.perCapture = perCapture;
    }

    @Override
    public void setMailboxExecutor(MailboxExecutor mailboxExecutor) {
        super.setMailboxExecutor(mailboxExecutor);
        this.mailbox = mailboxExecutor;
    }

    @Override
    public void open() throws Exception {
        super.open();
        database = SignatureDatabase.parse(databaseName, databaseText); // the CLI checked it before the job
        record = new StreamRecord<>(null);
        partialProfiles = hostProfiles ? new PartialProfiles(MAX_PARTIAL_PROFILES, perCapture,
                row -> output.collect(HOST_PROFILES, new StreamRecord<>(row))) : null;
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        counters = new AnalysisCounters(metrics);
        CaptureStatistics.registerGauges(metrics);
        CaptureStatistics.registerTlsRejectedGauges(metrics);
    }

    @Override
    public void processElement(StreamRecord<AnalysisUnit> unit) throws Exception {
        List<CaptureMerge.Input> inputs = unit.getValue().inputs();
        boolean oneCapture = unit.getValue().paths.length == 1;
        if (spareCores) {
            // the observations go downstream from the task's thread, as Flink requires
            Handoff.<Observation>run("capture analysis",
                    observations -> PrefetchingMerge.run(inputs, CaptureFiles.ANALYSED,
                            analysis(oneCapture, observations::accept)),
                    this::emit);
        } else {
            CaptureMerge.run(inputs, CaptureFiles.ANALYSED, analysis(oneCapture, this::emit));
        }
        if (partialProfiles != null) {
            partialProfiles.endUnit(row -> output.collect(record.replace(row)));
        }
    }

    private CaptureAnalysis analysis(boolean oneCapture, Consumer<Observation> out) {
        return new CaptureAnalysis(database, connMaxAgeSeconds, hostIdleLimitMinutes, oneCapture, out,
                CaptureStatistics::tlsRejected);
    }

    private void emit(Observation o) {
        counters.count(o);
        // folded before it is emitted: with object reuse, what runs chained behind this operator gets this object
        if (partialProfiles != null && o.step != Observation.STEP_CONNECTION) {
            partialProfiles.add(o);
        }
        output.collect(record.replace(o));
        if (++sinceYield == YIELD_EVERY) {
            sinceYield = 0;
            while (mailbox.tryYield()) {
                // each mail is one timer or action of an operator behind this one
            }
        }
    }
}
