package io.passivetcp.flink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * Releases a key's records in a total event-time order, whatever order they arrived in.
 *
 * <p>A record is released once nothing earlier can still arrive for its key:
 * <ul>
 *   <li>in STREAMING, once the watermark has passed it. A late record (behind the watermark already, e.g. from a
 *       capture older than the ones read before it) waits for the next advance of the watermark, so that late
 *       records from different upstream subtasks are still applied in order;</li>
 *   <li>in BATCH, at the end of the key; or, when the records' Flink timestamps are their event times (as for
 *       packets from the source), as soon as a record of a later millisecond arrives: Flink hands each key's
 *       records sorted by timestamp, though in no fixed order within one millisecond.</li>
 * </ul>
 * Released records are sorted by the given order, which breaks ties (e.g. by capture and position), so results do
 * not depend on parallelism or on the order of the inputs. One timer per key is armed at a time, not one per record.
 */
final class EventTimeBuffer<T> {
    private final ListState<T> pending;
    private final ValueState<Long> armedTimer;
    private final Comparator<? super T> order;
    private final ToLongFunction<? super T> eventTimeMillis;
    private final boolean batch;
    private final boolean releaseEarlyInBatch;

    /**
     * @param batch BATCH execution
     * @param timestampsAreEventTimes the records' Flink timestamps equal {@code eventTimeMillis}, which lets BATCH
     *     release early and keeps memory to one millisecond of records per key
     */
    EventTimeBuffer(RuntimeContext ctx, String name, TypeInformation<T> type, Comparator<? super T> order,
            ToLongFunction<? super T> eventTimeMillis, boolean batch, boolean timestampsAreEventTimes) {
        this.pending = ctx.getListState(new ListStateDescriptor<>(name + "-pending", type));
        this.armedTimer = ctx.getState(new ValueStateDescriptor<>(name + "-timer", Types.LONG));
        this.order = order;
        this.eventTimeMillis = eventTimeMillis;
        this.batch = batch;
        this.releaseEarlyInBatch = batch && timestampsAreEventTimes;
    }

    /** Buffers {@code record}, then releases whatever has become safe to process. */
    void add(T record, TimerService timers, Consumer<T> process) throws Exception {
        long ts = eventTimeMillis.applyAsLong(record);
        if (releaseEarlyInBatch) {
            release(ts - 1, timers, process);
        }
        pending.add(record);
        arm(ts, timers);
    }

    /** Called from {@code onTimer}: releases everything the watermark has passed. */
    void onTimer(long timestamp, TimerService timers, Consumer<T> process) throws Exception {
        armedTimer.clear();
        release(Math.max(timestamp, timers.currentWatermark()), timers, process);
        Long earliest = earliestPending();
        if (earliest != null) {
            arm(earliest, timers);
        }
    }

    private void arm(long ts, TimerService timers) throws Exception {
        Long armed = armedTimer.value();
        if (armed == null || ts < armed) {
            timers.registerEventTimeTimer(ts);
            armedTimer.update(ts);
        }
    }

    private void release(long upToMillis, TimerService timers, Consumer<T> process) throws Exception {
        Iterable<T> all = pending.get();
        if (all == null) {
            return;
        }
        List<T> ready = new ArrayList<>();
        List<T> later = new ArrayList<>();
        for (T r : all) {
            (eventTimeMillis.applyAsLong(r) <= upToMillis ? ready : later).add(r);
        }
        if (ready.isEmpty()) {
            return;
        }
        ready.sort(order);
        if (later.isEmpty()) {
            pending.clear();
        } else {
            pending.update(later);
        }
        for (T r : ready) {
            process.accept(r);
        }
    }

    private Long earliestPending() throws Exception {
        Iterable<T> all = pending.get();
        Long min = null;
        if (all != null) {
            for (T r : all) {
                long ts = eventTimeMillis.applyAsLong(r);
                min = min == null ? ts : Math.min(min, ts);
            }
        }
        return min;
    }
}
