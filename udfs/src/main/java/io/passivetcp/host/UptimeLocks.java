package io.passivetcp.host;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The per-flow, per-direction uptime locks ({@code packet_flow.cli_tps / srv_tps}, spec §6) kept in the subject
 * host's {@link HostState#tpsFlowIds parallel arrays}: 0 = not locked (no entry), a frequency after a successful
 * reading, -1 after a bad one.
 */
final class UptimeLocks {
    private UptimeLocks() {}

    /** The lock of this flow and role, 0 when none. */
    static int get(HostState h, long flowId, boolean clientRole) {
        int i = indexOf(h, flowId, clientRole);
        return i < 0 ? 0 : h.tpsValues[i];
    }

    static void set(HostState h, long flowId, boolean clientRole, int value, long nowSeconds) {
        int i = indexOf(h, flowId, clientRole);
        if (i < 0) {
            i = h.tpsFlowIds.length;
            h.tpsFlowIds = Arrays.copyOf(h.tpsFlowIds, i + 1);
            h.tpsClientRole = Arrays.copyOf(h.tpsClientRole, i + 1);
            h.tpsValues = Arrays.copyOf(h.tpsValues, i + 1);
            h.tpsSeconds = Arrays.copyOf(h.tpsSeconds, i + 1);
            h.tpsFlowIds[i] = flowId;
            h.tpsClientRole[i] = clientRole ? 1 : 0;
        }
        h.tpsValues[i] = value;
        h.tpsSeconds[i] = nowSeconds;
    }

    /**
     * Forgets locks set more than {@code lifetimeSeconds} ago: by then p0f has expired their flows (a flow lives
     * about {@code conn_max_age}; a reading needs a reference at most {@code MAX_TWAIT} old).
     */
    static void prune(HostState h, long nowSeconds, long lifetimeSeconds) {
        keepOnly(h, i -> nowSeconds - h.tpsSeconds[i] <= lifetimeSeconds);
    }

    /** Forgets both roles' locks of one flow. */
    static void remove(HostState h, long flowId) {
        keepOnly(h, i -> h.tpsFlowIds[i] != flowId);
    }

    private static void keepOnly(HostState h, IntPredicate keep) {
        int kept = 0;
        for (int i = 0; i < h.tpsFlowIds.length; i++) {
            if (keep.test(i)) {
                h.tpsFlowIds[kept] = h.tpsFlowIds[i];
                h.tpsClientRole[kept] = h.tpsClientRole[i];
                h.tpsValues[kept] = h.tpsValues[i];
                h.tpsSeconds[kept] = h.tpsSeconds[i];
                kept++;
            }
        }
        if (kept < h.tpsFlowIds.length) {
            h.tpsFlowIds = Arrays.copyOf(h.tpsFlowIds, kept);
            h.tpsClientRole = Arrays.copyOf(h.tpsClientRole, kept);
            h.tpsValues = Arrays.copyOf(h.tpsValues, kept);
            h.tpsSeconds = Arrays.copyOf(h.tpsSeconds, kept);
        }
    }

    private static int indexOf(HostState h, long flowId, boolean clientRole) {
        int role = clientRole ? 1 : 0;
        for (int i = 0; i < h.tpsFlowIds.length; i++) {
            if (h.tpsFlowIds[i] == flowId && h.tpsClientRole[i] == role) {
                return i;
            }
        }
        return -1;
    }
}
