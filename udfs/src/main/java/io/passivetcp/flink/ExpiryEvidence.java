package io.passivetcp.flink;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one subtask has seen of p0f's cache expiry runs (every 50 packets, spec §8.4), per capture: the run number
 * and second in force at each event time. Every packet and host event carries its capture's latest run, so any
 * subtask learns of the runs from the records it processes, whatever their key.
 *
 * <p>A streaming function drops a flow or host from state only on proof that p0f destroyed it: a run, known from a
 * record earlier in event time than the check, that found it expired. Any later packet of that flow comes after the
 * run in its capture, so p0f had forgotten the flow by then too. Without proof yet (a quiet link, or just after a
 * restore, since this is not checkpointed) the check is simply repeated later; results never depend on it.
 */
final class ExpiryEvidence {
    /** capture → (event time in ms → {run, run second}), one entry per run. */
    private final Map<Long, TreeMap<Long, long[]>> runs = new HashMap<>();

    /** Records that at {@code eventMillis} the capture's latest run was {@code run}, at {@code runSeconds}. */
    void observe(long captureId, long eventMillis, long run, long runSeconds, long watermark) {
        TreeMap<Long, long[]> byTime = runs.computeIfAbsent(captureId, c -> new TreeMap<>());
        Map.Entry<Long, long[]> latest = byTime.lastEntry();
        if (latest != null && latest.getValue()[0] >= run) {
            return;
        }
        byTime.put(eventMillis, new long[] {run, runSeconds});
        // checks come at timers past the watermark: older runs than the latest one before it are never asked for
        Long floor = byTime.floorKey(watermark);
        if (floor != null) {
            byTime.headMap(floor, false).clear();
        }
    }

    /** The capture's latest run known from before {@code beforeMillis}, as {run, run second}, or null. */
    long[] latestRunBefore(long captureId, long beforeMillis) {
        TreeMap<Long, long[]> byTime = runs.get(captureId);
        if (byTime == null) {
            return null;
        }
        Map.Entry<Long, long[]> e = byTime.lowerEntry(beforeMillis);
        return e == null ? null : e.getValue();
    }
}
