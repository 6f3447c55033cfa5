package io.passivetcp.flink;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import io.passivetcp.Observation;
import io.passivetcp.host.HostProfile;

/**
 * Folds the events of one host and day (or capture) into its profile, a row of the {@code hosts} table
 * ({@link HostProfile}), keyed by {@link ProfileKey}: the partitioned dataflow's events, and the partial profiles
 * of units with more hosts and days than their analysis holds at once ({@link UnitAnalysisOperator#HOST_PROFILES}).
 *
 * <p>BATCH: Flink hands a key's events one after the other, so the profile is built on the heap and emitted by a
 * timer at the end of time, which BATCH fires after the key's last event. STREAMING: the profile waits in keyed
 * state until the watermark passes the end of its day, or the packet time of its latest event if that is later
 * (packet order follows a capture's records even where its clock steps back). Under {@code --state-scope capture} a capture has no end the
 * watermark could show, so its profiles are emitted at the end of the input (with {@code --follow} or a live
 * capture: when the job is stopped with a drain).
 */
public final class HostProfileFunction extends KeyedProcessFunction<ProfileKey, Observation, Observation> {
    private static final long serialVersionUID = 1L;

    private final boolean batch;
    private final boolean perCapture;
    /** BATCH: the current key's profile. */
    private transient HostProfile current;
    /** STREAMING: the key's profile as a {@code host} row, and the time its timer is set for. */
    private transient ValueState<Observation> profile;
    private transient ValueState<Long> due;

    public HostProfileFunction(boolean batch, boolean perCapture) {
        this.batch = batch;
        this.perCapture = perCapture;
    }

    @Override
    public void open(OpenContext openContext) {
        if (!batch) {
            profile = getRuntimeContext().getState(new ValueStateDescriptor<>("host-profile",
                    RecordTypeInfo.OBSERVATION));
            due = getRuntimeContext().getState(new ValueStateDescriptor<>("host-profile-due", Types.LONG));
        }
    }

    @Override
    public void processElement(Observation o, Context ctx, Collector<Observation> out) throws Exception {
        if (batch) {
            if (current == null) {
                current = new HostProfile(perCapture ? o.capture : null);
                ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE); // BATCH fires it after the key's last event
            }
            current.fold(o);
            return;
        }
        Observation row = profile.value();
        HostProfile p = row == null ? new HostProfile(perCapture ? o.capture : null) : HostProfile.of(row);
        p.fold(o);
        profile.update(p.row());
        // the end of the day, or later when the packet order runs past it (a capture whose clock steps back)
        long end = perCapture ? Long.MAX_VALUE : Math.max(ProfileKey.lastMillisOf(ctx.getCurrentKey().window),
                ctx.timestamp() == null ? Long.MIN_VALUE : ctx.timestamp());
        Long armed = due.value();
        if (armed == null || end > armed) {
            ctx.timerService().registerEventTimeTimer(end);
            due.update(end);
        }
    }

    /** An event cut to what its host's profile reads ({@link HostProfile#essentials}), before the shuffle. */
    public static final class Essentials implements MapFunction<Observation, Observation> {
        private static final long serialVersionUID = 1L;

        @Override
        public Observation map(Observation o) {
            return HostProfile.essentials(o);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Observation> out) throws Exception {
        if (batch) {
            out.collect(current.row());
            current = null;
            return;
        }
        Long end = due.value();
        if (end != null && timestamp >= end) { // else a later event moved the end
            out.collect(profile.value());
            profile.clear();
            due.clear();
        }
    }
}
