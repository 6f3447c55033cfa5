package io.passivetcp.job.tables;

import java.time.LocalDate;

import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

import io.passivetcp.Observation;

/**
 * The bucket of a row: its table's folder, then a Hive-style partition by the event's own date, UTC:
 * {@code syn/date=YYYY-MM-DD}. Event time, not processing time (Flink's {@code DateTimeBucketAssigner}), so that an
 * archive from 2019 lands in 2019's partitions. Used by the {@link FileSink} of {@link TableSinks}.
 */
public final class EventDateBucketAssigner implements BucketAssigner<Observation, String> {
    private static final long serialVersionUID = 1L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final String PARTITION_PREFIX = "date=";
    /** A bucket key's low bits hold the day, the bits above them the table. */
    private static final int DAY_BITS = 40;
    private static final long DAY_MASK = (1L << DAY_BITS) - 1;

    @Override
    public String getBucketId(Observation o, Context context) {
        return bucket(o);
    }

    /**
     * The bucket as a number, table and UTC day: a fixed-length key, which BATCH sorts by its bytes alone
     * ({@code FixedLengthByteKeyComparator}) rather than by deserializing a string key for every comparison.
     */
    public static long bucketKey(Observation o) {
        return (long) Table.of(o.module).ordinal() << DAY_BITS | (day(o.loggedMicros()) & DAY_MASK);
    }

    /** The table's ordinal in a {@link #bucketKey}. */
    public static long tableOfKey(long bucketKey) {
        return bucketKey >>> DAY_BITS;
    }

    /** The UTC day in a {@link #bucketKey}, as far as its bits hold it. */
    public static long dayOfKey(long bucketKey) {
        return bucketKey & DAY_MASK;
    }

    /** The UTC day (days since the epoch) of a time in microseconds since the epoch. */
    public static long day(long micros) {
        return Math.floorDiv(micros, MICROS_PER_DAY);
    }

    /** The UTC day of a bucket named by {@link #bucket}. */
    public static long dayOfBucket(String bucket) {
        return LocalDate.parse(bucket.substring(bucket.lastIndexOf(PARTITION_PREFIX) + PARTITION_PREFIX.length()))
                .toEpochDay();
    }

    /** {@link #bucketKey} as a named key selector, which any cluster's class loader finds by name. */
    public static final class BucketKey implements KeySelector<Observation, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Observation o) {
            return bucketKey(o);
        }
    }

    /** {@code <table folder>/date=YYYY-MM-DD} of an observation. */
    public static String bucket(Observation o) {
        return Table.of(o.module).folder() + "/" + partition(o.loggedMicros());
    }

    /** {@code date=YYYY-MM-DD} of a time in microseconds since the epoch, UTC. */
    public static String partition(long micros) {
        return PARTITION_PREFIX + LocalDate.ofEpochDay(day(micros));
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "EventDateBucketAssigner";
    }
}
