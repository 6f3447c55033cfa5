package io.passivetcp.job.tables;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.Partitioner;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.util.Collector;

import io.passivetcp.Observation;
import io.passivetcp.flink.HostProfileFunction;
import io.passivetcp.flink.ProfileKey;
import io.passivetcp.flink.RecordTypeInfo;
import io.passivetcp.job.topology.FingerprintTopology;
import io.passivetcp.job.topology.JobOptions;

/**
 * {@code --out DIR}: one Flink {@link FileSink} for all {@link Table}s, writing {@code DIR/<table>/date=YYYY-MM-DD/
 * part-<uuid>-<n>.parquet}. One sink rather than one per table: ten sinks with their shuffles were a third of a
 * short run's start-up. Observations of units analysed where they are read are written there, by a sink chained to
 * the analysis: in BATCH a unit emits its rows in packet order, so a subtask writes the dates of a table one after
 * the other, and its part files close when their date is done ({@link PartitionRollingPolicy}). The partitioned
 * dataflow's rows go through one subtask per table and date ({@link ByPartition}).
 *
 * <p>Bulk formats roll on checkpoints only: in BATCH the files are complete when the job ends; in STREAMING they
 * are committed, exactly once, by each checkpoint (and at the end of a bounded input), so the CLI turns on
 * checkpointing when tables are written in STREAMING mode.
 */
public final class TableSinks {
    /** What Flink's FileSink puts in the name of a part file it has not committed. */
    private static final String IN_PROGRESS = ".inprogress.";

    private TableSinks() {}

    /**
     * Adds the table sink for the job's observations: one sink, whose buckets are the tables' partitions. A unit's
     * {@code hosts} rows come with its other rows; those folded by host and day ({@link HostProfileFunction}) from the
     * partitioned dataflow's events and the partial profiles of units too large to hold theirs go with the rows of
     * the partitioned dataflow.
     */
    public static void attach(FingerprintTopology.Observations observations, String outDir, JobOptions options) {
        String dbVersion = options.databaseVersion();
        DataStream<Observation> analysed = observations.analysed();
        if (analysed != null && observations.analysedHostProfiles() == null) {
            throw new IllegalStateException("the units' host profiles are missing: build the observations with "
                    + "hostProfiles when the tables are written");
        }
        if (analysed != null) {
            (observations.rowsWrittenWhereAnalysed() ? analysed
                    : analysed.partitionCustom(new SpreadPartitions(), new EventDateBucketAssigner.BucketKey()))
                    .sinkTo(sink(outDir, dbVersion, batch(analysed)))
                    .name("tables")
                    .setParallelism(analysed.getParallelism());
        }
        DataStream<Observation> profileInputs = observations.partitionedEvents() == null ? null
                : observations.partitionedEvents()
                        .map(new HostProfileFunction.Essentials(), RecordTypeInfo.OBSERVATION)
                        .name("host profile inputs");
        if (observations.analysedHostProfiles() != null) {
            profileInputs = profileInputs == null ? observations.analysedHostProfiles()
                    : profileInputs.union(observations.analysedHostProfiles());
        }
        DataStream<Observation> partitioned = profileInputs
                .keyBy(new ProfileKey.Selector(options.perCaptureState()), TypeInformation.of(ProfileKey.class))
                .process(new HostProfileFunction(options.batch(), options.perCaptureState()),
                        RecordTypeInfo.OBSERVATION)
                .name("host profiles");
        if (observations.partitionedEvents() != null) {
            partitioned = partitioned.union(observations.partitionedEvents(), observations.partitionedConnections());
        }
        partitioned.keyBy(new EventDateBucketAssigner.BucketKey(), Types.LONG)
                .process(new ByPartition(), RecordTypeInfo.OBSERVATION)
                .name("table partitions")
                .sinkTo(sink(outDir, dbVersion, batch(profileInputs)))
                .name(analysed == null ? "tables" : "tables of the host profiles and the partitioned dataflow");
    }

    private static boolean batch(DataStream<Observation> stream) {
        return stream.getExecutionEnvironment().getConfiguration().get(ExecutionOptions.RUNTIME_MODE)
                == RuntimeExecutionMode.BATCH;
    }

    /** The sink of every table, each in its folder under {@code outDir}. */
    public static FileSink<Observation> sink(String outDir, String dbVersion, boolean batch) {
        return FileSink.forBulkFormat(new Path(outDir), new TableWriterFactory(dbVersion, "--out " + outDir))
                .withBucketAssigner(new EventDateBucketAssigner())
                .withRollingPolicy(new PartitionRollingPolicy(batch))
                .withBucketCheckInterval(PartitionRollingPolicy.checkIntervalMillis(batch))
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".parquet")
                        .build())
                .build();
    }

    /**
     * Deletes the part files a cancelled BATCH run left unfinished under a local {@code outDir}: Flink's hidden
     * {@code .part-...inprogress...} files modified since {@code sinceMillis}. Older ones may be a STREAMING run's
     * pending files, which its checkpoint commits on restore, so they stay.
     *
     * @return how many were deleted
     */
    public static int removeUnfinished(java.nio.file.Path outDir, long sinceMillis) throws IOException {
        if (!Files.isDirectory(outDir)) {
            return 0;
        }
        List<java.nio.file.Path> unfinished;
        try (Stream<java.nio.file.Path> files = Files.walk(outDir)) {
            unfinished = files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(".part-") && name.contains(IN_PROGRESS) && modifiedSince(f, sinceMillis);
            }).toList();
        }
        for (java.nio.file.Path f : unfinished) {
            Files.deleteIfExists(f);
        }
        return unfinished.size();
    }

    private static boolean modifiedSince(java.nio.file.Path file, long sinceMillis) {
        try {
            return Files.getLastModifiedTime(file).toMillis() >= sinceMillis;
        } catch (IOException e) {
            return false; // gone already
        }
    }

    /**
     * Where the units are fewer than the sink's subtasks, spreads their rows over the subtasks by table and date
     * without sorting them: each table's date goes to one subtask and so into one part file, not one per subtask;
     * a part file costs its column writers' set-up, row group flush and footer, whatever its rows (the 8-copy
     * benchmark capture: 142 part files rather than 281). Consecutive tables and days go to different subtasks.
     */
    static final class SpreadPartitions implements Partitioner<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public int partition(Long bucketKey, int subtasks) {
            long spread = EventDateBucketAssigner.tableOfKey(bucketKey) + EventDateBucketAssigner.dayOfKey(bucketKey);
            return (int) Math.floorMod(spread, (long) subtasks);
        }
    }

    /**
     * Sends each partition (date) of a table to one subtask. In BATCH the input of a keyed operator is sorted by
     * key, so each subtask then writes its dates one after the other, and {@link PartitionRollingPolicy} closes
     * the files of the finished ones: an archive of many days does not hold a file open per day, table and
     * subtask. In STREAMING it keeps a checkpoint to one file per active date and table.
     */
    static final class ByPartition extends KeyedProcessFunction<Long, Observation, Observation> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Observation o, Context ctx, Collector<Observation> out) {
            out.collect(o);
        }
    }
}
