package io.passivetcp.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records grouped into runs where they arise and merged on one subtask come out in p0f's output order, the order
 * sorting all of them gives, whatever order the subtasks made them in and Flink hands runs of one millisecond in.
 */
class OrderedRunMergeTest {
    private static final String[] MODULES = {"syn", "syn+ack", "mtu", "uptime", "http request", "host change"};

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 42})
    void mergedRunsGiveTheOrderOfSortingEveryEntry(int seed) {
        Random random = new Random(seed);
        List<LogEntry> all = new ArrayList<>();
        List<OrderedRun<LogEntry>> runs = new ArrayList<>();
        int subtasks = 1 + random.nextInt(4);
        for (int s = 0; s < subtasks; s++) {
            OrderedRuns<LogEntry> builder = new OrderedRuns<>(runs::add);
            // a subtask analyses units one after the other: each in packet order, later ones may start earlier
            int units = 1 + random.nextInt(6);
            for (int unit = 0; unit < units; unit++) {
                long micros = random.nextInt(5_000_000);
                long capture = s * 100L + unit;
                int packets = random.nextInt(3_000);
                for (int ordinal = 0; ordinal < packets; ordinal++) {
                    micros += random.nextInt(10) == 0 ? random.nextInt(3_000_000) : random.nextInt(2_000);
                    int events = 1 + random.nextInt(3);
                    for (int step = 0; step < events; step++) { // no two entries in the same place of the order
                        LogEntry e = entry(micros, capture, ordinal, step, MODULES[random.nextInt(MODULES.length)],
                                random.nextInt(400));
                        all.add(e);
                        builder.add(e);
                    }
                }
            }
            builder.flush();
        }
        Collections.shuffle(runs, random);
        runs.sort(Comparator.comparingLong(OrderedRun::firstMillis)); // Flink's sort: by time only, ties in any order

        List<LogEntry> merged = new ArrayList<>();
        OrderedRunMerge<LogEntry> merge = new OrderedRunMerge<>();
        runs.forEach(r -> merge.add(r, merged::add));
        merge.finish(merged::add);

        all.sort(OutputOrdered.OUTPUT_ORDER);
        assertEquals(all.size(), merged.size());
        for (int i = 0; i < all.size(); i++) {
            assertTrue(all.get(i) == merged.get(i), "entry " + i + " of " + all.size());
        }
    }

    @Test
    void runsAreBoundedBySpanEntriesAndBytes() {
        List<OrderedRun<LogEntry>> runs = new ArrayList<>();
        OrderedRuns<LogEntry> builder = new OrderedRuns<>(runs::add);
        for (int i = 0; i < 5_000; i++) {
            builder.add(entry(i * 1_000L, 1, i, 0, "syn", 100)); // one per millisecond
        }
        builder.flush();
        for (OrderedRun<LogEntry> run : runs) {
            long span = OrderedRun.millis(run.records.get(run.records.size() - 1)) - run.firstMillis();
            int bytes = 0;
            for (LogEntry e : run.records) {
                bytes += e.line.length;
            }
            assertTrue(span <= OrderedRuns.SPAN_MILLIS, "span " + span);
            assertTrue(run.records.size() <= OrderedRuns.MAX_RECORDS);
            assertTrue(bytes <= OrderedRuns.MAX_BYTES, "bytes " + bytes);
        }
        assertEquals(5_000, runs.stream().mapToInt(r -> r.records.size()).sum());
    }

    @Test
    void theMergeHoldsOnlyRunsThatOverlapTheCurrentTime() {
        // 50 subtasks' entries of the same hour, each subtask's in time order
        List<OrderedRun<LogEntry>> runs = new ArrayList<>();
        for (int s = 0; s < 50; s++) {
            OrderedRuns<LogEntry> builder = new OrderedRuns<>(runs::add);
            for (int i = 0; i < 3_600; i++) {
                builder.add(entry(i * 1_000_000L + s, s, i, 0, "syn", 50));
            }
            builder.flush();
        }
        runs.sort(Comparator.comparingLong(OrderedRun::firstMillis));
        OrderedRunMerge<LogEntry> merge = new OrderedRunMerge<>();
        int mostHeld = 0;
        List<LogEntry> out = new ArrayList<>();
        for (OrderedRun<LogEntry> run : runs) {
            merge.add(run, out::add);
            mostHeld = Math.max(mostHeld, merge.held());
        }
        merge.finish(out::add);
        assertEquals(50 * 3_600, out.size());
        assertTrue(mostHeld <= 2 * 50, "at most two runs of each subtask held at once: " + mostHeld);
    }

    @Test
    void aRunThatStartsBeforeOneGivenEarlierIsRefused() {
        OrderedRunMerge<LogEntry> merge = new OrderedRunMerge<>();
        merge.add(OrderedRun.of(List.of(entry(5_000, 1, 0, 0, "syn", 1))), e -> { });
        assertThrows(IllegalArgumentException.class,
                () -> merge.add(OrderedRun.of(List.of(entry(1_000, 1, 1, 0, "syn", 1))), e -> { }));
    }

    private static LogEntry entry(long micros, long capture, long ordinal, int step, String module, int length) {
        LogEntry e = new LogEntry();
        e.orderMicros = micros;
        e.captureId = capture;
        e.ordinal = ordinal;
        e.step = step;
        e.module = module;
        e.line = "x".repeat(length).getBytes(StandardCharsets.UTF_8);
        return e;
    }
}
