package io.passivetcp.job.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.BatchExecutionOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.passivetcp.P0fConfig;
import io.passivetcp.job.sink.P0fTextSink;
import io.passivetcp.job.tables.TableSinks;
import io.passivetcp.job.topology.FingerprintTopology;
import io.passivetcp.job.topology.JobOptions;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.SignatureSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code passivetcp}: the command line of the job, p0f's options where p0f has one. */
@Command(name = "passivetcp", mixinStandardHelpOptions = true, version = "passivetcp-flink 0.1.0",
        sortOptions = false,
        description = "Passive TCP fingerprinting (p0f 3.09b compatible) of packet captures on Apache Flink.")
public final class PassiveTcpCommand implements Callable<Integer> {

    /** The project's default database, bundled in the job jar. */
    static final String BUNDLED_DATABASE = "/p0f.fp";

    @Option(names = {"-r", "--read"}, required = true, paramLabel = "PATH",
            description = "Capture file or folder (recursive); any Flink filesystem path. Repeatable.")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-o", "--log"}, paramLabel = "FILE",
            description = "Append p0f-format log lines to FILE (p0f -o).")
    String logFile;

    @Option(names = "--log-dir", paramLabel = "DIR",
            description = "Write one p0f-format log per capture: DIR/<path relative to its -r root>.log.")
    String logDir;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write Parquet tables under DIR (any Flink filesystem path): DIR/<table>/date=YYYY-MM-DD/.")
    String outDir;

    @Option(names = "--checkpoint-interval", paramLabel = "SECONDS", defaultValue = "30",
            description = "STREAMING with --out: checkpoint (and so commit table files) every SECONDS. "
                    + "Default: ${DEFAULT-VALUE}.")
    long checkpointSeconds;

    @Option(names = "--console",
            description = "Print p0f console blocks even when -o, --log-dir or --out is given.")
    boolean console;

    @Option(names = {"-f", "--fingerprints"}, paramLabel = "FILE",
            description = "Signature database in p0f v3 syntax (default: the bundled config/p0f.fp).")
    String databaseFile;

    @Option(names = "--state-scope", paramLabel = "SCOPE", defaultValue = "global",
            description = "global: all inputs are one vantage point (default); capture: each capture on its own, "
                    + "as p0f -r.")
    StateScope stateScope;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "Flink runtime mode: batch (the default for archives) or streaming (implied by --follow).")
    Mode mode;

    @Option(names = "--follow",
            description = "Keep watching the -r folders: read each new capture once tcpdump -G/-C rotation has closed "
                    + "it, and apply changes of the -f database while running. Streaming; stop with Ctrl-C.")
    boolean follow;

    @Option(names = "--scan-interval", paramLabel = "SECONDS", defaultValue = "2",
            description = "--follow: look for new captures and database changes every SECONDS. "
                    + "Default: ${DEFAULT-VALUE}.")
    long scanSeconds;

    @Option(names = "--settle", paramLabel = "SECONDS", defaultValue = "60",
            description = "--follow: the newest capture of a folder is read once unchanged for SECONDS (older ones "
                    + "at once: rotation has closed them). Default: ${DEFAULT-VALUE}.")
    long settleSeconds;

    @Option(names = "--from-savepoint", paramLabel = "PATH",
            description = "Streaming: resume flows, hosts, database and input positions from a savepoint or "
                    + "retained checkpoint.")
    String fromSavepoint;

    @Option(names = "--savepoint-dir", paramLabel = "DIR", defaultValue = "savepoints",
            description = "Streaming: Ctrl-C drains the job and writes its final savepoint under DIR. "
                    + "Default: ${DEFAULT-VALUE}.")
    String savepointDir;

    @Option(names = {"-p", "--parallelism"}, paramLabel = "N",
            description = "Parallelism (default: the number of cores).")
    Integer parallelism;

    @Option(names = "-t", paramLabel = "C,H", defaultValue = P0fConfig.CONN_MAX_AGE + "," + P0fConfig.HOST_IDLE_LIMIT,
            description = "p0f -t: flow max age (s) and host idle limit (min). Default: ${DEFAULT-VALUE}.")
    String timeouts;

    @Option(names = {"-q", "--quiet"}, description = "No progress line on stderr.")
    boolean quiet;

    enum StateScope { global, capture }

    enum Mode { batch, streaming }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PassiveTcpCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        JobOptions options;
        try {
            options = options();
        } catch (UsageException e) {
            System.err.println("passivetcp: " + e.getMessage());
            return 2;
        }
        Configuration restore = new Configuration();
        if (fromSavepoint != null) {
            restore.set(StateRecoveryOptions.SAVEPOINT_PATH, fromSavepoint);
        }
        StreamExecutionEnvironment env = environment(options.batch(), parallelism, restore);
        if (!options.batch()) {
            // flows, hosts, the database and input positions survive failures; table files commit at checkpoints
            env.enableCheckpointing(checkpointSeconds * 1000);
        }
        boolean printConsole = console || (logFile == null && logDir == null && outDir == null);
        FingerprintTopology.Observations observations = FingerprintTopology.observations(env, options);
        if (printConsole || logFile != null || logDir != null) {
            FingerprintTopology.ordered(observations, options)
                    .sinkTo(new P0fTextSink(printConsole, logFile, logDir, inputRoots()))
                    .name("p0f text outputs")
                    .setParallelism(1);
        }
        if (outDir != null) {
            TableSinks.attach(observations, outDir, options.databaseVersion());
        }
        Progress progress = quiet ? null : Progress.start(inputs);
        try {
            String name = "passivetcp " + String.join(" ", inputs);
            if (options.batch()) {
                env.execute(name);
            } else {
                StreamingRun.untilDoneOrInterrupted(env.executeAsync(name), savepointDir);
            }
        } finally {
            if (progress != null) {
                progress.stop();
            }
        }
        return 0;
    }

    /** Validates the request before any Flink work: inputs exist, the database parses, numbers are in range. */
    JobOptions options() throws IOException, UsageException {
        for (String input : inputs) {
            Path p = new Path(input);
            if (!p.getFileSystem().exists(p)) {
                throw new UsageException("no such capture file or folder: " + input);
            }
        }
        String name = databaseFile == null ? "bundled config/p0f.fp" : databaseFile;
        String text = databaseText();
        try {
            SignatureDatabase.parse(name, text);
        } catch (SignatureSyntaxException e) {
            throw new UsageException("bad signature database: " + e.getMessage());
        }
        long[] limits = parseTimeouts();
        if (checkpointSeconds < 1) {
            throw new UsageException("--checkpoint-interval wants a number of seconds >= 1");
        }
        if (scanSeconds < 1 || settleSeconds < 0) {
            throw new UsageException("--scan-interval wants seconds >= 1 and --settle seconds >= 0");
        }
        if (follow && mode == Mode.batch) {
            throw new UsageException("--follow reads an input that does not end: it runs in streaming mode only");
        }
        boolean batch = mode == null ? !follow : mode == Mode.batch;
        if (batch && fromSavepoint != null) {
            throw new UsageException("--from-savepoint resumes streaming runs only (add --mode streaming)");
        }
        Duration scan = follow ? Duration.ofSeconds(scanSeconds) : null;
        return new JobOptions(inputs, name, text, stateScope == StateScope.capture, batch, limits[0], limits[1], scan,
                Duration.ofSeconds(settleSeconds), follow ? databaseFile : null);
    }

    private String databaseText() throws IOException, UsageException {
        if (databaseFile != null) {
            if (!Files.isRegularFile(Paths.get(databaseFile))) {
                throw new UsageException("no such signature database: " + databaseFile);
            }
            return Files.readString(Paths.get(databaseFile), StandardCharsets.UTF_8);
        }
        try (InputStream in = PassiveTcpCommand.class.getResourceAsStream(BUNDLED_DATABASE)) {
            if (in == null) {
                throw new UsageException("the bundled signature database is missing from the job jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** p0f's {@code -t conn_max_age,host_idle_limit} with p0f's accepted ranges (spec §8.4). */
    private long[] parseTimeouts() throws UsageException {
        String[] parts = timeouts.split(",", -1);
        try {
            long conn = Long.parseLong(parts[0].trim());
            long host = parts.length > 1 ? Long.parseLong(parts[1].trim()) : P0fConfig.HOST_IDLE_LIMIT;
            if (parts.length > 2 || conn < 1 || conn > 1_000_000 || host < 1 || host > 1_000_000) {
                throw new NumberFormatException();
            }
            return new long[] {conn, host};
        } catch (NumberFormatException e) {
            throw new UsageException("-t wants CONN_SECONDS,HOST_MINUTES, each 1-1000000; got '" + timeouts + "'");
        }
    }

    private List<String> inputRoots() throws IOException {
        List<String> roots = new ArrayList<>();
        for (String input : inputs) {
            Path p = new Path(input);
            FileSystem fs = p.getFileSystem();
            FileStatus status = fs.getFileStatus(p);
            String path = p.makeQualified(fs).toUri().getPath();
            roots.add(status.isDir() ? path : path.substring(0, path.lastIndexOf('/') + 1));
        }
        return roots;
    }

    /**
     * The Flink environment: the cluster's when submitted with {@code flink run}, else an embedded MiniCluster.
     * Records cross operators with explicit serializers only, and objects are reused.
     */
    public static StreamExecutionEnvironment environment(boolean batch, Integer parallelism) {
        return environment(batch, parallelism, new Configuration());
    }

    /** {@link #environment(boolean, Integer)} with further settings, e.g. a savepoint to restore. */
    public static StreamExecutionEnvironment environment(boolean batch, Integer parallelism, Configuration extra) {
        Configuration conf = new Configuration(extra);
        conf.set(ExecutionOptions.RUNTIME_MODE, batch ? RuntimeExecutionMode.BATCH : RuntimeExecutionMode.STREAMING);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        conf.set(BatchExecutionOptions.ADAPTIVE_AUTO_PARALLELISM_ENABLED, false);
        conf.set(RestOptions.BIND_PORT, "0");
        conf.set(CoreOptions.DEFAULT_PARALLELISM,
                parallelism != null ? parallelism : Runtime.getRuntime().availableProcessors());
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }

    /** A request that cannot run; reported as one line and exit code 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
