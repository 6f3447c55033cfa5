package io.passivetcp.job.tables;

import org.apache.flink.streaming.api.functions.sink.filesystem.PartFileInfo;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.CheckpointRollingPolicy;

import io.passivetcp.Observation;

/**
 * Part files roll at every checkpoint (bulk formats must), and also when they grow past {@link #MAX_PART_BYTES}
 * or their partition has had no row for a while: a part file holds a row group and a compressor in memory until it
 * is closed, so a partition that is done (an earlier date) must not keep one open until the job ends. In BATCH a
 * sink subtask gets each table's rows in date order (sorted by table and date, or from units analysed in packet
 * order), so a partition is done once the subtask has had a row of a later date and none of its own for
 * {@link #BATCH_INACTIVITY_MILLIS}; a table's sparse rows of the current date keep their one file. In STREAMING
 * dates interleave, and a partition without a row for {@link #INACTIVITY_MILLIS} rolls.
 */
public final class PartitionRollingPolicy extends CheckpointRollingPolicy<Observation, String> {
    private static final long serialVersionUID = 1L;

    public static final long MAX_PART_BYTES = 512L * 1024 * 1024;
    public static final long INACTIVITY_MILLIS = 2_000;
    public static final long BATCH_INACTIVITY_MILLIS = 100;
    /** How often the sink looks for inactive partitions. */
    public static final long CHECK_INTERVAL_MILLIS = 1_000;
    public static final long BATCH_CHECK_INTERVAL_MILLIS = 100;

    private final boolean batch;
    private final long inactivityMillis;
    /** BATCH: the latest UTC day of a row this subtask has written. */
    private transient long newestDay = Long.MIN_VALUE;

    public PartitionRollingPolicy(boolean batch) {
        this.batch = batch;
        this.inactivityMillis = batch ? BATCH_INACTIVITY_MILLIS : INACTIVITY_MILLIS;
    }

    /** How often the sink should ask {@link #shouldRollOnProcessingTime}. */
    public static long checkIntervalMillis(boolean batch) {
        return batch ? BATCH_CHECK_INTERVAL_MILLIS : CHECK_INTERVAL_MILLIS;
    }

    @Override
    public boolean shouldRollOnEvent(PartFileInfo<String> partFile, Observation element) throws java.io.IOException {
        newestDay = Math.max(newestDay, EventDateBucketAssigner.day(element.loggedMicros()));
        return partFile.getSize() >= MAX_PART_BYTES;
    }

    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<String> partFile, long currentTime) {
        return currentTime - partFile.getLastUpdateTime() >= inactivityMillis
                && (!batch || EventDateBucketAssigner.dayOfBucket(partFile.getBucketId()) < newestDay);
    }
}
