package io.passivetcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.passivetcp.packet.TcpPacket;

/** Units of captures (shared hosts join them) and the merge of a unit's packets in packet order. */
class AnalysisUnitsTest {
    /** Captures made of packets {source, destination, time}: addresses are 10.0.0.x. */
    private final Map<String, List<long[]>> captures = new HashMap<>();

    private final CaptureMerge.Opener opener = path -> {
        List<long[]> packets = captures.get(path);
        if (packets == null) {
            return null;
        }
        Iterator<long[]> it = packets.iterator();
        long[] ordinal = {0};
        return new CaptureMerge.Capture() {
            @Override
            public boolean next(TcpPacket p) {
                if (!it.hasNext()) {
                    return false;
                }
                long[] x = it.next();
                p.ipVersion = 4;
                p.src[0] = 10;
                p.src[3] = (byte) x[0];
                p.dst[0] = 10;
                p.dst[3] = (byte) x[1];
                p.orderMicros = x[2];
                p.ordinal = ordinal[0]++;
                // a payload that tells the packet, decoded into the packet's reused buffer as the decoder does
                int n = (int) (x[2] % 97);
                byte[] payload = p.payloadBuffer(n);
                for (int i = 0; i < n; i++) {
                    payload[i] = (byte) (x[2] + i);
                }
                p.payloadLength = n;
                return true;
            }

            @Override
            public void close() {}
        };
    };

    private void capture(String path, long[]... packets) {
        captures.put(path, List.of(packets));
    }

    private AnalysisUnits.Plan plan() throws Exception {
        return AnalysisUnits.of(new ArrayList<>(captures.keySet()), opener, 2);
    }

    private static List<List<String>> paths(AnalysisUnits.Plan plan) {
        return plan.units().stream().map(u -> u.stream().map(CaptureMerge.Input::path).collect(Collectors.toList()))
                .collect(Collectors.toList());
    }

    @Test
    void capturesThatShareAHostDirectlyOrThroughOthersAreOneUnit() throws Exception {
        capture("a", new long[] {1, 2, 10});
        capture("b", new long[] {2, 3, 20});
        capture("c", new long[] {3, 4, 30});
        capture("d", new long[] {5, 6, 10});
        capture("e");
        AnalysisUnits.Plan plan = plan();
        assertEquals(List.of(List.of("a", "b", "c"), List.of("d"), List.of("e")), paths(plan));
        assertTrue(plan.partitioned().isEmpty());
    }

    @Test
    void aUnitTooDeepToMergeIsLeftToThePartitionedJob() throws Exception {
        for (int i = 0; i <= AnalysisUnits.MAX_OPEN_CAPTURES; i++) {
            capture("same-hours-" + i, new long[] {1, 2, 100}, new long[] {1, 2, 200});
        }
        capture("elsewhere", new long[] {7, 8, 100});
        AnalysisUnits.Plan plan = plan();
        assertEquals(List.of(List.of("elsewhere")), paths(plan));
        assertEquals(AnalysisUnits.MAX_OPEN_CAPTURES + 1, plan.partitioned().size());
    }

    @Test
    void rotatedCapturesOfOneLinkAreOneUnitAndMergeInPacketOrder() throws Exception {
        for (int i = 0; i <= AnalysisUnits.MAX_OPEN_CAPTURES; i++) {
            capture(String.format("rotated-%03d", i), new long[] {1, 2, 100L * i}, new long[] {2, 1, 100L * i + 50});
        }
        capture("overlapping", new long[] {1, 3, 120}, new long[] {1, 3, 150}, new long[] {1, 3, 150});
        AnalysisUnits.Plan plan = plan();
        assertEquals(1, plan.units().size());
        assertTrue(plan.partitioned().isEmpty());

        List<TcpPacket> seen = new ArrayList<>();
        boolean[] finished = {false};
        CaptureMerge.run(plan.units().get(0), opener, new CaptureMerge.Analysis() {
            @Override
            public void packet(TcpPacket p) {
                seen.add(new TcpPacket().copyFrom(p));
            }

            @Override
            public void finish() {
                finished[0] = true;
            }
        });
        List<TcpPacket> expected = new ArrayList<>(seen);
        expected.sort(Comparator.<TcpPacket>comparingLong(p -> p.orderMicros).thenComparingLong(p -> p.captureId)
                .thenComparingLong(p -> p.ordinal));
        assertEquals(expected, seen);
        assertTrue(finished[0]);
        assertEquals(2 * (AnalysisUnits.MAX_OPEN_CAPTURES + 1) + 3, seen.size());
    }

    @Test
    void prefetchingGivesTheMergeSPacketsInTheMergeSOrder() throws Exception {
        for (int c = 0; c < 3; c++) {
            long[][] packets = new long[3 * Handoff.BATCH_SIZE + 7][];
            for (int i = 0; i < packets.length; i++) {
                packets[i] = new long[] {1, 2 + c, 10L * i + c};
            }
            capture("capture-" + c, packets);
        }
        List<CaptureMerge.Input> unit = plan().units().get(0);
        List<String> merged = new ArrayList<>();
        List<String> prefetched = new ArrayList<>();
        CaptureMerge.run(unit, opener, recorder(merged));
        PrefetchingMerge.run(unit, opener, recorder(prefetched));
        assertEquals(3 * (3 * Handoff.BATCH_SIZE + 7) + 1, merged.size());
        assertEquals(merged, prefetched);
    }

    /** Records each packet's time, capture, position and payload, and the end. */
    private static CaptureMerge.Analysis recorder(List<String> seen) {
        return new CaptureMerge.Analysis() {
            @Override
            public void packet(TcpPacket p) {
                seen.add(p.orderMicros + " " + p.capture + " " + p.ordinal + " "
                        + Arrays.toString(Arrays.copyOf(p.payload, p.payloadLength)));
            }

            @Override
            public void finish() {
                seen.add("end");
            }
        };
    }
}
