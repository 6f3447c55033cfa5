package io.passivetcp.flink;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.fs.Path;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.SignatureSyntaxException;

/**
 * Database hot reload: reads the signature database file at every tick and passes on each new content that parses;
 * content that does not parse is logged with its line-numbered error and the database in force stays.
 *
 * <p>FileSource's continuous discovery sees new paths only, not edits in place, hence the content watch. The
 * watcher keeps no state: after a restart it passes on the file's current content once, which the functions take
 * as a no-op when it is the database their broadcast state already holds.
 */
public final class DatabaseWatcher extends RichFlatMapFunction<Long, Tuple2<String, String>> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseWatcher.class);

    private final String file;
    private transient String lastText;
    private transient String lastProblem;
    private transient Counter reloaded;
    private transient Counter rejected;

    DatabaseWatcher(String file) {
        this.file = file;
    }

    /**
     * The stream of database versions read from {@code file} every {@code interval}, first at once, ready to be
     * broadcast. It holds the functions' event time back until the first version has arrived, and never after: an
     * input without watermarks would stop their event-time clocks.
     */
    public static DataStream<Tuple2<String, String>> stream(StreamExecutionEnvironment env, String file,
            Duration interval) {
        DataGeneratorSource<Long> ticks = new DataGeneratorSource<>(new Ticks(), Long.MAX_VALUE,
                RateLimiterStrategy.perSecond(1000.0 / interval.toMillis()), Types.LONG);
        return env.fromSource(ticks, WatermarkStrategy.noWatermarks(), "database watch ticks")
                .setParallelism(1)
                .flatMap(new DatabaseWatcher(file), StateDescriptors.DATABASE_TEXT)
                .name("signature database watch")
                .setParallelism(1)
                .assignTimestampsAndWatermarks(new EndOfTimeOnFirstVersion.Strategy())
                .name("database versions")
                .setParallelism(1);
    }

    @Override
    public void open(OpenContext openContext) {
        reloaded = getRuntimeContext().getMetricGroup().counter("databaseVersionsLoaded");
        rejected = getRuntimeContext().getMetricGroup().counter("databaseVersionsRejected");
    }

    @Override
    public void flatMap(Long tick, Collector<Tuple2<String, String>> out) {
        String text;
        try {
            text = read();
        } catch (IOException e) {
            report("signature database " + file + " cannot be read (" + e.getMessage()
                    + "); the database in force stays");
            return;
        }
        if (text.equals(lastText)) {
            return;
        }
        lastText = text;
        try {
            SignatureDatabase db = SignatureDatabase.parse(file, text);
            LOG.info("signature database {} loaded: version {}", file, db.version());
            lastProblem = null;
            reloaded.inc();
            out.collect(Tuple2.of(file, text));
        } catch (SignatureSyntaxException e) {
            rejected.inc();
            report("signature database rejected, the database in force stays: " + e.getMessage());
        }
    }

    private String read() throws IOException {
        Path path = new Path(file);
        try (InputStream in = path.getFileSystem().open(path)) {
            return SignatureDatabase.text(in.readAllBytes());
        }
    }

    /** Logs a problem once, not at every tick while it lasts. */
    private void report(String problem) {
        if (!problem.equals(lastProblem)) {
            LOG.error(problem);
            lastProblem = problem;
        }
    }

    /** No watermark before the first database (packets wait for it), the end of time from then on. */
    static final class EndOfTimeOnFirstVersion implements WatermarkGenerator<Tuple2<String, String>> {
        @Override
        public void onEvent(Tuple2<String, String> version, long timestamp, WatermarkOutput output) {
            output.emitWatermark(new Watermark(Long.MAX_VALUE));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}

        /** Its strategy; a named class, as every function of the job graph (JobGraphLambdaTest). */
        static final class Strategy implements WatermarkStrategy<Tuple2<String, String>> {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<Tuple2<String, String>> createWatermarkGenerator(
                    WatermarkGeneratorSupplier.Context context) {
                return new EndOfTimeOnFirstVersion();
            }
        }
    }

    /** The tick numbers, which only pace the reads. */
    private static final class Ticks implements GeneratorFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long tick) {
            return tick;
        }
    }
}
