package io.passivetcp.flink;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The signature database of a run that only a stop-with-savepoint ends ({@code --follow}), when its file is not
 * watched: the one database record, then a source that stays open, idle, until the stop. (A job that ends when its
 * other sources end cannot use it: it would never end.)
 *
 * <p>A bounded source ({@code fromData}) would finish while the job runs, and a task that finishes while a
 * checkpoint is being triggered fails that checkpoint ("TaskManager received a checkpoint request for unknown task",
 * a known limitation of checkpoints after tasks finished, FLINK-33186). The end of input of a bounded source is
 * followed by the wait for one completed checkpoint, and a stop-with-savepoint asked for during that checkpoint is
 * triggered the moment it completes, when the source's task is finishing: the savepoint failed, after the drain had
 * already sent the end of event time through the job. A job whose tasks all run until the stop has no such
 * race: the stop ends every source itself.
 *
 * <p>Like {@link DatabaseWatcher}, it keeps no state: each start of the reader (after a restore too) emits the
 * database once, which the functions take as a no-op when their broadcast state already holds it; and it holds the
 * functions' event time back until then, and never after.
 */
public final class DatabaseSource implements Source<Tuple2<String, String>, DatabaseSource.Split, Void> {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String text;

    private DatabaseSource(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** The database {@code text} (from {@code name}) as a stream that ends only when the job is stopped. */
    public static DataStream<Tuple2<String, String>> stream(StreamExecutionEnvironment env, String name,
            String text) {
        return env.fromSource(new DatabaseSource(name, text), new DatabaseWatcher.EndOfTimeOnFirstVersion.Strategy(),
                        "signature database",
                        StateDescriptors.DATABASE_TEXT)
                .setParallelism(1);
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<Split, Void> createEnumerator(SplitEnumeratorContext<Split> context) {
        return new Enumerator(context);
    }

    @Override
    public SplitEnumerator<Split, Void> restoreEnumerator(SplitEnumeratorContext<Split> context, Void checkpoint) {
        return new Enumerator(context);
    }

    @Override
    public SimpleVersionedSerializer<Split> getSplitSerializer() {
        return new NothingSerializer<>(new Split());
    }

    @Override
    public SimpleVersionedSerializer<Void> getEnumeratorCheckpointSerializer() {
        return new NothingSerializer<>(null);
    }

    @Override
    public SourceReader<Tuple2<String, String>, Split> createReader(SourceReaderContext context) {
        return new Reader(Tuple2.of(name, text));
    }

    /** The one split: "emit the database". Readers do not checkpoint it; every reader that starts is given it. */
    public static final class Split implements SourceSplit {
        @Override
        public String splitId() {
            return "database";
        }
    }

    /**
     * Gives the split to each reader as it registers, which it does at every start; never says there are no more
     * (a reader told so would finish, the race this source avoids).
     */
    private static final class Enumerator implements SplitEnumerator<Split, Void> {
        private final SplitEnumeratorContext<Split> context;

        Enumerator(SplitEnumeratorContext<Split> context) {
            this.context = context;
        }

        @Override
        public void start() {}

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {}

        @Override
        public void addSplitsBack(List<Split> splits, int subtaskId) {
            // the restarted reader registers again and is given the split then
        }

        @Override
        public void addReader(int subtaskId) {
            context.assignSplit(new Split(), subtaskId);
        }

        @Override
        public Void snapshotState(long checkpointId) {
            return null;
        }

        @Override
        public void close() {}
    }

    /** Emits the database once per split given, then has nothing, until the stop ends the source. */
    private static final class Reader implements SourceReader<Tuple2<String, String>, Split> {
        private final Tuple2<String, String> database;
        private int pending;
        private CompletableFuture<Void> available = new CompletableFuture<>();

        Reader(Tuple2<String, String> database) {
            this.database = database;
        }

        @Override
        public void start() {}

        @Override
        public InputStatus pollNext(ReaderOutput<Tuple2<String, String>> output) {
            if (pending == 0) {
                return InputStatus.NOTHING_AVAILABLE;
            }
            pending--;
            output.collect(database);
            return pending > 0 ? InputStatus.MORE_AVAILABLE : InputStatus.NOTHING_AVAILABLE;
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            if (pending == 0 && available.isDone()) {
                available = new CompletableFuture<>();
            }
            return available;
        }

        @Override
        public void addSplits(List<Split> splits) {
            pending += splits.size();
            available.complete(null);
        }

        @Override
        public void notifyNoMoreSplits() {}

        @Override
        public List<Split> snapshotState(long checkpointId) {
            return List.of();
        }

        @Override
        public void close() {}
    }

    /** Serializes objects that carry nothing: the split, the enumerator's (absent) state. */
    private static final class NothingSerializer<T> implements SimpleVersionedSerializer<T> {
        private final T instance;

        NothingSerializer(T instance) {
            this.instance = instance;
        }

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(T object) {
            return new byte[0];
        }

        @Override
        public T deserialize(int version, byte[] serialized) {
            return instance;
        }
    }
}
