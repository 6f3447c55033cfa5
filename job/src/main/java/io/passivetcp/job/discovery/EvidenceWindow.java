package io.passivetcp.job.discovery;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.apache.avro.generic.GenericRecord;

/** Which rows count as the same time window of a host. */
enum EvidenceWindow {
    /** The same UTC day, as the tables' {@code date=} partitions: one vantage point over time. */
    day,
    /** The same capture file: captures from unrelated places, where the same private address is another host. */
    capture;

    /** The window a row belongs to; needs its {@code event_time} and {@code capture} columns. */
    String of(GenericRecord row) {
        if (this == capture) {
            return row.get("capture").toString();
        }
        return LocalDateTime.ofInstant(eventTime(row), ZoneOffset.UTC).toLocalDate().toString();
    }

    /** {@code event_time}: microseconds since the epoch (an Instant when the reader converts logical types). */
    static Instant eventTime(GenericRecord row) {
        Object t = row.get("event_time");
        if (t instanceof Instant instant) {
            return instant;
        }
        long micros = (Long) t;
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
