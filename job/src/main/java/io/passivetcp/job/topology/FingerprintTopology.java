package io.passivetcp.job.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.passivetcp.AnalysisUnits;
import io.passivetcp.CaptureMerge;
import io.passivetcp.Observation;
import io.passivetcp.flink.AnalysisUnit;
import io.passivetcp.flink.CaptureFileEnumerator;
import io.passivetcp.flink.CaptureFiles;
import io.passivetcp.flink.CaptureWatermarks;
import io.passivetcp.flink.DatabaseSource;
import io.passivetcp.flink.DatabaseWatcher;
import io.passivetcp.flink.EarliestFirstSplitAssigner;
import io.passivetcp.flink.FlowFunction;
import io.passivetcp.flink.FlowKey;
import io.passivetcp.flink.HostFunction;
import io.passivetcp.flink.HostKey;
import io.passivetcp.flink.LogEntries;
import io.passivetcp.flink.OutputOrderFunction;
import io.passivetcp.flink.OldestFirstSplitAssigner;
import io.passivetcp.flink.PcapFormat;
import io.passivetcp.flink.RecordTypeInfo;
import io.passivetcp.flink.RotatedCaptureEnumerator;
import io.passivetcp.flink.RunMergeFunction;
import io.passivetcp.flink.RunOperator;
import io.passivetcp.flink.StateDescriptors;
import io.passivetcp.flink.ObservationKind;
import io.passivetcp.flink.UnitAnalysisOperator;
import io.passivetcp.flink.live.LiveCaptureSource;
import io.passivetcp.output.LogEntry;
import io.passivetcp.output.OrderedRun;
import io.passivetcp.output.OutputOrdered;
import io.passivetcp.packet.TcpPacket;

/**
 * The job's dataflow: capture files (or live interfaces) → packets keyed by connection → flow function → facts
 * keyed by host → host function; both functions hold the broadcast signature database, and their observations are
 * put back into p0f's output order.
 *
 * <pre>
 *   FileSource(PcapFormat) ─keyBy(FlowKey)─► FlowFunction ─────────────────────────┬─keyBy(const)─► order (p=1)
 *                                                 └─host events─keyBy(HostKey)─► HostFunction ─┘
 *   database (one record) ─broadcast─► FlowFunction, HostFunction
 * </pre>
 */
public final class FingerprintTopology {
    private FingerprintTopology() {}

    /**
     * Packets may be out of time order within a capture by this much before they count as late (STREAMING).
     */
    static final Duration CAPTURE_DISORDER = Duration.ofSeconds(2);

    /**
     * What the dataflow produces, unordered: the p0f events (syn, syn+ack, mtu, http, sendsyn, uptime, host change,
     * ip sharing) with the TLS client fingerprints, and the connection summaries, which are not p0f events. Units
     * analysed where they are read give both in one stream, {@code analysed}, which the tables write where it is,
     * without a shuffle, when there are units for every subtask ({@code rowsWrittenWhereAnalysed}); with fewer, an
     * analysing subtask hands its rows to all the table writers, so that the idle cores write Parquet; when the
     * {@code hosts} table is written, {@code analysed} also holds the units' {@code hosts} rows, and the units with
     * more hosts than their analysis holds give partial host profiles instead ({@code analysedHostProfiles}). The
     * partitioned dataflow gives events and connections apart. Any part may be absent (null).
     */
    public record Observations(DataStream<Observation> analysed, boolean rowsWrittenWhereAnalysed,
            DataStream<Observation> analysedHostProfiles, DataStream<Observation> partitionedEvents,
            DataStream<Observation> partitionedConnections) {

        /** The observations of the partitioned dataflow alone. */
        public static Observations partitioned(DataStream<Observation> events, DataStream<Observation> connections) {
            return new Observations(null, false, null, events, connections);
        }

        /** All the p0f events and TLS fingerprints. */
        public DataStream<Observation> events() {
            return join(analysed == null ? null : analysed.filter(new ObservationKind(false)).name("events"),
                    partitionedEvents);
        }

        /** All the connection summaries. */
        public DataStream<Observation> connections() {
            return join(analysed == null ? null : analysed.filter(new ObservationKind(true)).name("connections"),
                    partitionedConnections);
        }

        private static DataStream<Observation> join(DataStream<Observation> a, DataStream<Observation> b) {
            return a == null ? b : b == null ? a : a.union(b);
        }
    }

    /** Builds the dataflow on {@code env} and returns the ordered observations. */
    public static DataStream<Observation> build(StreamExecutionEnvironment env, JobOptions options) {
        return ordered(observations(env, options, false), options);
    }

    /** The events in p0f's output order, on one subtask. */
    public static DataStream<Observation> ordered(Observations observations, JobOptions options) {
        return inOutputOrder(observations.events(), RecordTypeInfo.OBSERVATION, RecordTypeInfo.OBSERVATION_RUN,
                options);
    }

    /**
     * The events as the text outputs print them, in p0f's output order, on one subtask (what the text outputs need).
     * Each is formatted where it arises ({@link LogEntries}), in parallel, so that the ordering subtask only moves
     * bytes.
     *
     * @param lines log lines, for {@code -o} and {@code --log-dir}
     * @param blocks console blocks
     * @param captures capture paths, for {@code --log-dir}
     */
    public static DataStream<LogEntry> logEntries(Observations observations, JobOptions options, boolean lines,
            boolean blocks, boolean captures) {
        DataStream<LogEntry> entries = observations.events()
                .map(new LogEntries(lines, blocks, captures), RecordTypeInfo.LOG_ENTRY)
                .name("log entries");
        return inOutputOrder(entries, RecordTypeInfo.LOG_ENTRY, RecordTypeInfo.LOG_ENTRY_RUN, options);
    }

    /**
     * Puts records into p0f's output order, on one subtask. In STREAMING they wait there until the watermark passes
     * them ({@link OutputOrderFunction}). In BATCH they travel in runs sorted where they arise ({@link RunOperator}),
     * which the ordering subtask gets sorted by their first record's time and merges ({@link RunMergeFunction}):
     * Flink's sort then orders a few thousand runs where it ordered millions of records.
     */
    private static <T extends OutputOrdered> DataStream<T> inOutputOrder(DataStream<T> records,
            RecordTypeInfo<T> type, RecordTypeInfo<OrderedRun<T>> runType, JobOptions options) {
        if (!options.batch()) {
            return records
                    .keyBy(new OutputOrderFunction.OneKey<>(), Types.BYTE)
                    .process(new OutputOrderFunction<>(type), type)
                    .name("output order")
                    .setParallelism(1);
        }
        return records
                .transform("runs", runType, new RunOperator<>())
                .assignTimestampsAndWatermarks(WatermarkStrategy.<OrderedRun<T>>noWatermarks()
                        .withTimestampAssigner(new RunMergeFunction.FirstMillis<>()))
                .name("run times")
                .keyBy(new OutputOrderFunction.OneKey<>(), Types.BYTE)
                .process(new RunMergeFunction<>(), type)
                .name("output order")
                .setParallelism(1);
    }

    /**
     * Builds the dataflow on {@code env}, up to the unordered observations.
     *
     * @param hostProfiles whether the {@code hosts} table is written ({@link Observations#analysedHostProfiles})
     */
    public static Observations observations(StreamExecutionEnvironment env, JobOptions options,
            boolean hostProfiles) {
        if (!options.batch() || options.live() != null || options.follow() != null) {
            return partitioned(env, options);
        }
        AnalysisUnits.Plan plan = analysisPlan(options);
        if (plan.units().isEmpty()) {
            return partitioned(env, options);
        }
        Observations units = analysedInUnits(env, options, plan.units(), hostProfiles);
        if (plan.partitioned().isEmpty()) {
            return units;
        }
        Observations rest = partitioned(env, options.withInputs(plan.partitioned()));
        return new Observations(units.analysed(), units.rowsWrittenWhereAnalysed(), units.analysedHostProfiles(),
                rest.partitionedEvents(), rest.partitionedConnections());
    }

    /**
     * How a BATCH run over capture files is analysed: in units, each capture on its own under
     * {@code --state-scope capture}, otherwise the captures that share hosts together ({@link AnalysisUnits}).
     */
    static AnalysisUnits.Plan analysisPlan(JobOptions options) {
        try {
            List<String> captures = CaptureFiles.list(options.inputs());
            if (options.perCaptureState() || captures.size() == 1) {
                return new AnalysisUnits.Plan(captures.stream()
                        .map(c -> List.of(new CaptureMerge.Input(c, Long.MIN_VALUE))).toList(), List.of());
            }
            return AnalysisUnits.of(captures, CaptureFiles.SILENT, Runtime.getRuntime().availableProcessors());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the captures: " + e.getMessage(), e);
        }
    }

    /** Each unit analysed whole where it is received: only observations leave the analysis. */
    private static Observations analysedInUnits(StreamExecutionEnvironment env, JobOptions options,
            List<List<CaptureMerge.Input>> units, boolean hostProfiles) {
        SingleOutputStreamOperator<Observation> analysed = env
                .fromData(units.stream().map(AnalysisUnit::new).toList(), TypeInformation.of(AnalysisUnit.class))
                .name("analysis units")
                .setParallelism(1)
                .rebalance()
                .transform("analysis", RecordTypeInfo.OBSERVATION, new UnitAnalysisOperator(options.databaseName(),
                        options.databaseText(), options.connMaxAgeSeconds(), options.hostIdleLimitMinutes(),
                        units.size() < env.getParallelism(), hostProfiles, options.perCaptureState()));
        return new Observations(analysed, units.size() >= env.getParallelism(),
                hostProfiles ? analysed.getSideOutput(UnitAnalysisOperator.HOST_PROFILES) : null, null, null);
    }

    /** Packets keyed by connection into the flow function, whose host facts are keyed by host. */
    public static Observations partitioned(StreamExecutionEnvironment env, JobOptions options) {
        SingleOutputStreamOperator<TcpPacket> packets = options.live() != null
                ? env.fromSource(options.live(), LiveCaptureSource.watermarks(CAPTURE_DISORDER), "live capture",
                        RecordTypeInfo.TCP_PACKET)
                : env.fromSource(captures(options), captureWatermarks(options), "captures", RecordTypeInfo.TCP_PACKET);
        if (!options.batch()) {
            // A capture older than those read before it arrives behind the watermark. From one reader, packets and
            // watermarks reach every flow subtask in the same interleaving, so such late packets are still applied
            // in order; from several, which packets count as late would depend on timing. (A live source's one
            // reader multiplexes its interfaces.)
            packets.setParallelism(1);
        }

        BroadcastStream<Tuple2<String, String>> database = database(env, options).broadcast(StateDescriptors.DATABASE);

        SingleOutputStreamOperator<Observation> flows = packets
                .keyBy(FlowKey.selector(options.perCaptureState()), TypeInformation.of(FlowKey.class))
                .connect(database)
                .process(new FlowFunction(options.batch(), options.connMaxAgeSeconds(), options.endless()), RecordTypeInfo.OBSERVATION)
                .name("flows");

        DataStream<Observation> hosts = flows.getSideOutput(FlowFunction.HOST_EVENTS)
                .keyBy(HostKey.selector(options.perCaptureState()), TypeInformation.of(HostKey.class))
                .connect(database)
                .process(new HostFunction(options.batch(), options.hostIdleLimitMinutes(), options.connMaxAgeSeconds(),
                        options.endless()),
                        RecordTypeInfo.OBSERVATION)
                .name("hosts");

        return Observations.partitioned(flows.union(hosts), flows.getSideOutput(FlowFunction.CONNECTIONS));
    }

    /**
     * Event time of capture files: watermarks on each packet with {@code --follow}, whose newest capture is followed by
     * idle time; periodic ones otherwise, under which the late packets of time-disordered archives were shown to be
     * applied exactly as BATCH applies them (DeterminismITCase).
     */
    private static WatermarkStrategy<TcpPacket> captureWatermarks(JobOptions options) {
        if (options.follow() != null) {
            return CaptureWatermarks.strategy(CAPTURE_DISORDER);
        }
        return WatermarkStrategy.<TcpPacket>forBoundedOutOfOrderness(CAPTURE_DISORDER)
                .withTimestampAssigner(new CaptureWatermarks.PacketTime());
    }

    /**
     * The capture files, skipping with one line each what an archive holds beside them (FIFOs, dangling links, link
     * loops, unreadable entries); with {@code --follow}, also each capture that appears later, once tcpdump's
     * rotation has closed it, oldest first.
     */
    private static FileSource<TcpPacket> captures(JobOptions options) {
        Path[] inputs = options.inputs().stream().map(Path::new).toArray(Path[]::new);
        FileSource.FileSourceBuilder<TcpPacket> builder = FileSource.forBulkFileFormat(new PcapFormat(), inputs);
        if (options.follow() != null) {
            builder.setSplitAssigner(OldestFirstSplitAssigner.provider());
            builder.monitorContinuously(options.follow());
            builder.setFileEnumerator(RotatedCaptureEnumerator.provider(options.settle().toMillis()));
        } else {
            builder.setFileEnumerator(CaptureFileEnumerator.provider());
            builder.setSplitAssigner(EarliestFirstSplitAssigner.provider());
        }
        return builder.build();
    }

    /**
     * The signature database: the one text given, or every valid version of the watched file. An endless run
     * ({@code --follow}, {@code -i} without limits), which a stop-with-savepoint ends, keeps the database's source
     * open until that stop: a source that finishes while the job runs makes a stop that meets its end fail
     * (DatabaseSource). A capture with limits ends by ending its own source instead, which a database source that
     * stays open would outlive.
     */
    private static DataStream<Tuple2<String, String>> database(StreamExecutionEnvironment env, JobOptions options) {
        if (options.watchedDatabase() != null) {
            return DatabaseWatcher.stream(env, options.watchedDatabase(), options.follow());
        }
        if (options.endless()) {
            return DatabaseSource.stream(env, options.databaseName(), options.databaseText());
        }
        return env.fromData(StateDescriptors.DATABASE_TEXT, Tuple2.of(options.databaseName(), options.databaseText()))
                .name("signature database")
                .setParallelism(1);
    }
}
