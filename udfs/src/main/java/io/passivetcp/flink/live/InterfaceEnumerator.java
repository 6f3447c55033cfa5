package io.passivetcp.flink.live;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Hands each interface to one reader: the i-th interface of the command line to reader {@code i mod parallelism},
 * as soon as that reader registers, then tells the reader there is nothing more. Its checkpoint is the list of
 * interfaces not yet handed out; an assigned one is in its reader's checkpoint, and comes back here when that
 * reader fails.
 */
final class InterfaceEnumerator implements SplitEnumerator<InterfaceSplit, List<String>> {
    private final SplitEnumeratorContext<InterfaceSplit> context;
    private final List<String> interfaces;
    private final List<String> unassigned;

    InterfaceEnumerator(SplitEnumeratorContext<InterfaceSplit> context, List<String> interfaces,
            List<String> unassigned) {
        this.context = context;
        this.interfaces = List.copyOf(interfaces);
        this.unassigned = new ArrayList<>(unassigned);
    }

    @Override
    public void start() {}

    @Override
    public void addReader(int subtask) {
        List<String> mine = new ArrayList<>();
        for (String name : unassigned) {
            if (owner(name) == subtask) {
                mine.add(name);
            }
        }
        for (String name : mine) {
            context.assignSplit(new InterfaceSplit(name), subtask);
        }
        unassigned.removeAll(mine);
        context.signalNoMoreSplits(subtask);
    }

    private int owner(String name) {
        int index = interfaces.indexOf(name);
        return Math.floorMod(index < 0 ? name.hashCode() : index, context.currentParallelism());
    }

    @Override
    public void addSplitsBack(List<InterfaceSplit> splits, int subtask) {
        for (InterfaceSplit s : splits) {
            if (!unassigned.contains(s.name())) {
                unassigned.add(s.name());
            }
        }
    }

    @Override
    public void handleSplitRequest(int subtask, String hostname) {}

    @Override
    public List<String> snapshotState(long checkpointId) {
        return List.copyOf(unassigned);
    }

    @Override
    public void close() {}

    /** The enumerator's checkpoint: the interfaces not yet assigned, as a count and UTF strings. */
    static final class CheckpointSerializer implements SimpleVersionedSerializer<List<String>> {
        static final CheckpointSerializer INSTANCE = new CheckpointSerializer();

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(List<String> names) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(names.size());
                for (String name : names) {
                    out.writeUTF(name);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public List<String> deserialize(int version, byte[] serialized) throws IOException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int n = in.readInt();
                List<String> names = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    names.add(in.readUTF());
                }
                return names;
            }
        }
    }
}
