package io.passivetcp.job.tables;

import org.apache.flink.streaming.api.functions.sink.filesystem.PartFileInfo;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.CheckpointRollingPolicy;

import io.passivetcp.Observation;

/**
 * Part files roll at every checkpoint (bulk formats must), and also when they grow past {@link #MAX_PART_BYTES}
 * or their partition has had no row for a while: a part file holds a row group and a compressor in memory until it
 * is closed, so a partition that is done (an earlier date) must not keep one open until the job ends. In BATCH the
 * sink gets one partition after the other (its input is sorted by table and date), so a partition without a row for
 * {@link #BATCH_INACTIVITY_MILLIS} is done; in STREAMING dates interleave, and {@link #INACTIVITY_MILLIS} applies.
 */
public final class PartitionRollingPolicy extends CheckpointRollingPolicy<Observation, String> {
    private static final long serialVersionUID = 1L;

    public static final long MAX_PART_BYTES = 512L * 1024 * 1024;
    public static final long INACTIVITY_MILLIS = 2_000;
    public static final long BATCH_INACTIVITY_MILLIS = 100;
    /** How often the sink looks for inactive partitions. */
    public static final long CHECK_INTERVAL_MILLIS = 1_000;
    public static final long BATCH_CHECK_INTERVAL_MILLIS = 100;

    private final long inactivityMillis;

    public PartitionRollingPolicy(boolean batch) {
        this.inactivityMillis = batch ? BATCH_INACTIVITY_MILLIS : INACTIVITY_MILLIS;
    }

    /** How often the sink should ask {@link #shouldRollOnProcessingTime}. */
    public static long checkIntervalMillis(boolean batch) {
        return batch ? BATCH_CHECK_INTERVAL_MILLIS : CHECK_INTERVAL_MILLIS;
    }

    @Override
    public boolean shouldRollOnEvent(PartFileInfo<String> partFile, Observation element) throws java.io.IOException {
        return partFile.getSize() >= MAX_PART_BYTES;
    }

    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<String> partFile, long currentTime) {
        return currentTime - partFile.getLastUpdateTime() >= inactivityMillis;
    }
}
