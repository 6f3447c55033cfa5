package io.passivetcp.flink.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;
import org.junit.jupiter.api.Test;

/** One split per interface, each to one reader; its checkpoint is the interfaces not yet assigned. */
class InterfaceEnumeratorTest {
    @Test
    void eachReaderGetsItsInterfacesThenNoMoreSplits() {
        Context context = new Context(2);
        InterfaceEnumerator enumerator = new InterfaceEnumerator(context, List.of("eth0", "eth1", "lo"),
                List.of("eth0", "eth1", "lo"));
        enumerator.start();
        enumerator.addReader(1);
        assertEquals(Map.of(1, List.of("eth1")), context.assigned);
        assertEquals(List.of("eth0", "lo"), enumerator.snapshotState(1));

        enumerator.addReader(0);
        assertEquals(Map.of(0, List.of("eth0", "lo"), 1, List.of("eth1")), context.assigned);
        assertEquals(List.of(1, 0), context.noMoreSplits);
        assertEquals(List.of(), enumerator.snapshotState(2));
    }

    @Test
    void theSplitsOfAFailedReaderGoToItsSuccessor() {
        Context context = new Context(1);
        InterfaceEnumerator enumerator = new InterfaceEnumerator(context, List.of("eth0"), List.of("eth0"));
        enumerator.addReader(0);
        enumerator.addSplitsBack(List.of(new InterfaceSplit("eth0")), 0);
        assertEquals(List.of("eth0"), enumerator.snapshotState(1));
        enumerator.addReader(0);
        assertEquals(Map.of(0, List.of("eth0", "eth0")), context.assigned);
    }

    @Test
    void splitsAndCheckpointsSurviveSerialization() throws Exception {
        InterfaceSplit split = new InterfaceSplit("enp0s31f6.100");
        InterfaceSplit.Serializer s = InterfaceSplit.Serializer.INSTANCE;
        assertEquals(split, s.deserialize(s.getVersion(), s.serialize(split)));

        List<String> names = List.of("eth0", "wlan0", "vlan-é");
        InterfaceEnumerator.CheckpointSerializer c = InterfaceEnumerator.CheckpointSerializer.INSTANCE;
        assertEquals(names, c.deserialize(c.getVersion(), c.serialize(names)));
        assertEquals(List.of(), c.deserialize(c.getVersion(), c.serialize(List.of())));
    }

    /** Records assignments; the rest of the coordinator is not needed by the enumerator. */
    static final class Context implements SplitEnumeratorContext<InterfaceSplit> {
        final int parallelism;
        final Map<Integer, List<String>> assigned = new HashMap<>();
        final List<Integer> noMoreSplits = new ArrayList<>();

        Context(int parallelism) {
            this.parallelism = parallelism;
        }

        @Override
        public void assignSplits(SplitsAssignment<InterfaceSplit> assignment) {
            assignment.assignment().forEach((reader, splits) -> splits.forEach(
                    split -> assigned.computeIfAbsent(reader, k -> new ArrayList<>()).add(split.name())));
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            noMoreSplits.add(subtask);
        }

        @Override
        public int currentParallelism() {
            return parallelism;
        }

        @Override
        public SplitEnumeratorMetricGroup metricGroup() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<Integer, ReaderInfo> registeredReaders() {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelay,
                long period) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void runInCoordinatorThread(Runnable runnable) {
            throw new UnsupportedOperationException();
        }
    }
}
