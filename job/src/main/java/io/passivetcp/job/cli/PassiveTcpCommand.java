package io.passivetcp.job.cli;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.BatchExecutionOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.ResourceManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.connector.base.source.reader.SourceReaderOptions;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.passivetcp.P0fConfig;
import io.passivetcp.flink.CaptureDiscovery;
import io.passivetcp.flink.CaptureStatistics;
import io.passivetcp.flink.live.LiveCaptureSource;
import io.passivetcp.job.sink.P0fTextSink;
import io.passivetcp.job.tables.Table;
import io.passivetcp.job.tables.TableFiles;
import io.passivetcp.job.tables.TableSinks;
import io.passivetcp.job.topology.FingerprintTopology;
import io.passivetcp.job.topology.JobOptions;
import io.passivetcp.live.CaptureSettings;
import io.passivetcp.live.LiveCaptureException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code passivetcp}: the command line of the job, p0f's options where p0f has one. */
@Command(name = "passivetcp", mixinStandardHelpOptions = true, version = "passivetcp-flink 0.1.0",
        sortOptions = false, subcommands = {io.passivetcp.job.discovery.DiscoverCommand.class, RelabelCommand.class},
        description = "Passive TCP fingerprinting (p0f 3.09b compatible) of packet captures and live interfaces "
                + "on Apache Flink.")
public final class PassiveTcpCommand implements Callable<Integer> {

    /** Exit code: every input was read in full. */
    static final int EXIT_OK = 0;
    /** Exit code: the job failed, or a live capture could not start. */
    static final int EXIT_JOB_FAILED = 1;
    /** Exit code: a usage or input error, found before Flink starts. */
    static final int EXIT_USAGE = 2;
    /** Exit code: the run ended, but some inputs were skipped or not read in full. */
    static final int EXIT_INPUTS_NOT_READ = 3;

    /** An embedded streaming run ends with its failure's cause after this many failures in the interval. */
    private static final int MAX_FAILURES_PER_INTERVAL = 10;
    private static final Duration FAILURE_RATE_INTERVAL = Duration.ofMinutes(10);
    private static final Duration RESTART_DELAY = Duration.ofSeconds(1);

    /** p0f's option of the log file, the one output that is a file and not a folder. */
    private static final String LOG_FILE_OPTION = "-o";
    private static final String LOG_DIR_OPTION = "--log-dir";

    /**
     * The highest {@code -p} of the embedded run. Its MiniCluster has 2048 network buffers for the all-to-all
     * exchanges: on the sample, 32 subtasks run in batch and streaming; 64 run in batch only, and a streaming job
     * then restarts forever, and 256 fail on "Insufficient number of network buffers". A cluster sizes its own.
     */
    static final int MAX_EMBEDDED_PARALLELISM = 32;

    /** Checkpoint interval of STREAMING runs when neither the option nor Flink's configuration sets one. */
    static final long DEFAULT_CHECKPOINT_SECONDS = 30;

    /**
     * Managed memory of the embedded TaskManager: BATCH sorts the events for the text outputs and the tables in it,
     * and Flink's local default (128 MB, shared by all slots) made them spill to disk.
     */
    static final int EMBEDDED_MANAGED_MEMORY_MB = 512;

    /**
     * How long a capture reader waits for its fetcher threads when it closes. Flink 2.3 loses the shutdown handshake
     * of an idle fetcher now and then (FLINK-40660: the synchronization batch is dropped on a full queue), and the
     * close then waits out its whole timeout, 30 s by default: every capture is a split, so an archive of thousands
     * of small captures idled half a minute at its end in most runs. Everything has been read by then.
     */
    static final long SOURCE_READER_CLOSE_TIMEOUT_MS = 1000;

    // several paths after one -r, as a shell glob gives them (-r day1/*.pcap), up to the next option
    @Option(names = {"-r", "--read"}, paramLabel = "PATH", arity = "1..*",
            description = "Capture files or folders (recursive); any Flink filesystem path. - (standard input) or a "
                    + "pipe (/dev/stdin, <(zstdcat x.pcap.zst), a FIFO) is read to its end first. Several may follow "
                    + "one -r (-r day1/*.pcap); repeatable.")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-i", "--interface"}, paramLabel = "IFACE",
            description = "Capture the network interface IFACE live (p0f -i); STREAMING. Repeatable.")
    List<String> interfaces = new ArrayList<>();

    @Option(names = "-L", description = "List the interfaces that can be captured (p0f -L), then exit.")
    boolean listInterfaces;

    @Option(names = "--bpf", paramLabel = "EXPR",
            description = "With -i: capture only what the libpcap filter EXPR passes, e.g. 'port 80 or port 443'.")
    String bpf;

    @Option(names = "--promisc", description = "With -i: put the interface into promiscuous mode (p0f -p).")
    boolean promiscuous;

    @Option(names = "--snaplen", paramLabel = "N", defaultValue = "" + P0fConfig.SNAPLEN,
            description = "With -i: bytes kept of each frame. Default: ${DEFAULT-VALUE}.")
    int snaplen;

    @Option(names = {"-c", "--count"}, paramLabel = "N", defaultValue = "0",
            description = "With -i: stop after N packets per interface (tcpdump -c), then flush and exit.")
    long packetLimit;

    @Option(names = "--capture-seconds", paramLabel = "S", defaultValue = "0",
            description = "With -i: stop capturing after S seconds, then flush and exit.")
    long secondsLimit;

    @Option(names = {"-o", "--log"}, paramLabel = "FILE",
            description = "Append p0f-format log lines to FILE (p0f -o).")
    String logFile;

    @Option(names = "--log-dir", paramLabel = "DIR",
            description = "Write one p0f-format log per capture: DIR/<path relative to its -r root>.log.")
    String logDir;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write Parquet tables under DIR (any Flink filesystem path): DIR/<table>/date=YYYY-MM-DD/.")
    String outDir;

    @Option(names = "--checkpoint-interval", paramLabel = "SECONDS",
            description = "STREAMING: checkpoint (state, input positions, log lengths; table files commit) every "
                    + "SECONDS. Default: the Flink configuration's execution.checkpointing.interval, else "
                    + DEFAULT_CHECKPOINT_SECONDS + ".")
    Long checkpointSeconds;

    @Option(names = "--console",
            description = "Print p0f console blocks even when -o, --log-dir or --out is given.")
    boolean console;

    @Option(names = {"-f", "--fingerprints"}, paramLabel = "FILE",
            description = "Signature database file in p0f v3 syntax (instead of --db).")
    String databaseFile;

    @Option(names = "--db", paramLabel = "NAME|FILE",
            description = "Signature database: passivetcp (the default; p0f's signatures plus current systems) or "
                    + "p0f (p0f 3.09b's own), both bundled, or a file in p0f v3 syntax.")
    String database;

    @Option(names = "--state-scope", paramLabel = "SCOPE", defaultValue = "global",
            description = "global: all inputs are one vantage point (default); capture: each capture on its own, "
                    + "as p0f -r.")
    StateScope stateScope;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "Flink runtime mode: batch (the default for archives) or streaming (implied by --follow, "
                    + "always for -i).")
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
            description = "Parallelism (default: Flink's parallelism.default on a cluster, the number of cores "
                    + "embedded).")
    Integer parallelism;

    @Option(names = "-t", paramLabel = "C,H", defaultValue = P0fConfig.CONN_MAX_AGE + "," + P0fConfig.HOST_IDLE_LIMIT,
            description = "p0f -t: flow max age (s) and host idle limit (min). Default: ${DEFAULT-VALUE}.")
    String timeouts;

    @Option(names = {"-q", "--quiet"}, description = "No progress line on stderr.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print whole stack traces, not one-line causes: of a job failure, and"
            + " (./passivetcp) of the errors Flink logs.")
    boolean verbose;

    /** {@link #captures()}, once listed. */
    private List<FileStatus> captures;

    /** Why the request was refused, for the exception a cluster submission fails with. */
    private String usageError = "";

    enum StateScope { global, capture }

    enum Mode { batch, streaming }

    public static void main(String[] args) throws Exception {
        PassiveTcpCommand command = new PassiveTcpCommand();
        CommandLine cli = commandLine(command);
        if (embedded(StreamExecutionEnvironment.getExecutionEnvironment())) {
            System.exit(cli.execute(args));
        }
        // Submitted to a cluster (flink run, REST, application mode): the JVM is Flink's and must not exit; a
        // failure is thrown to whoever submitted the job.
        StringWriter usage = new StringWriter();
        cli.setErr(new PrintWriter(usage, true));
        Exception[] failure = new Exception[1];
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            failure[0] = e;
            return EXIT_JOB_FAILED;
        });
        int code = cli.execute(args);
        if (failure[0] != null) {
            throw failure[0];
        }
        if (code != EXIT_OK) {
            String parseError = usage.toString().lines().findFirst().orElse(""); // not the whole usage text
            throw new IllegalArgumentException(parseError.isEmpty() ? "passivetcp: " + command.usageError : parseError);
        }
    }

    /**
     * The command line with the embedded run's error handling: a usage error is one line and a hint, a job failure
     * one line naming its cause (the stack trace with {@code --verbose}).
     */
    static CommandLine commandLine(PassiveTcpCommand command) {
        CommandLine cli = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, args) -> {
            String name = e.getCommandLine().getCommandSpec().qualifiedName(); // passivetcp, passivetcp relabel
            e.getCommandLine().getErr().println(name + ": " + e.getMessage() + " (see " + name + " --help)");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (command.verbose) {
                e.printStackTrace();
            }
            System.err.println("passivetcp: the job failed: " + rootCause(e) + temporaryFiles(e)
                    + (command.verbose ? "" : " (--verbose shows the stack trace)"));
            return EXIT_JOB_FAILED;
        });
        return cli;
    }

    /** The innermost cause, which says what went wrong; Flink wraps it in several layers. */
    static String rootCause(Throwable e) {
        Throwable root = innermost(e);
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + message;
    }

    /**
     * Where a failure writing Flink's own temporary files (spilled sorts, BATCH shuffles) happened: their I/O errors
     * name no path, and a full {@code /tmp} then looked like a full output. Empty for any other failure.
     */
    static String temporaryFiles(Throwable e) {
        Throwable root = innermost(e);
        if (!(root instanceof IOException)) {
            return "";
        }
        for (StackTraceElement frame : root.getStackTrace()) {
            if (frame.getClassName().startsWith("org.apache.flink.runtime.io.")
                    || frame.getClassName().startsWith("org.apache.flink.runtime.operators.sort.")) {
                return " (writing Flink's temporary files: an embedded run keeps them under "
                        + System.getProperty("java.io.tmpdir") + ", which TMPDIR chooses; a cluster under its "
                        + "io.tmp.dirs)";
            }
        }
        return "";
    }

    private static Throwable innermost(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** True for the embedded MiniCluster of ./passivetcp; false under flink run, REST or application mode. */
    static boolean embedded(StreamExecutionEnvironment env) {
        return env instanceof LocalStreamEnvironment;
    }

    @Override
    public Integer call() throws Exception {
        if (listInterfaces && inputs.isEmpty() && interfaces.isEmpty()) {
            return LiveCommands.listInterfaces();
        }
        try (PipedInputs pipes = new PipedInputs(System.in)) {
            return run(pipes);
        }
    }

    private int run(PipedInputs pipes) throws Exception {
        JobOptions options;
        StreamExecutionEnvironment env;
        try {
            options = options();
            env = environment(options.batch(), parallelism, restoreSettings());
            if (embedded(env)) {
                checkEmbedded();
            }
            String pipe = inputs.stream().filter(PipedInputs::isPipe).findFirst().orElse(null);
            if (pipe != null) {
                if (!embedded(env)) {
                    throw new UsageException("-r " + pipe + ": a pipe is read by the embedded run only (a cluster's "
                            + "TaskManagers cannot open it); copy the capture to a path they read");
                }
                if (follow) {
                    throw new UsageException("-r " + pipe + ": a pipe is read once, to its end; --follow watches "
                            + "folders for new captures");
                }
                if (!quiet) {
                    System.err.println("passivetcp: reading the pipes under -r to their end first");
                }
                inputs = pipes.spool(inputs);
                options = options.withInputs(inputs);
            }
            if (embedded(env) && logDir != null && !inputs.isEmpty()) {
                checkOneCapturePerLog(); // lists the captures, the pipes' copies among them
            }
        } catch (UsageException e) {
            System.err.println("passivetcp: " + e.getMessage());
            usageError = e.getMessage();
            return EXIT_USAGE;
        } catch (LiveCaptureException e) {
            System.err.println("passivetcp: " + e.getMessage());
            // a wrong interface name or filter is the user's mistake; no permission or no libpcap is the machine's
            return e.kind() == LiveCaptureException.Kind.NO_SUCH_INTERFACE
                    || e.kind() == LiveCaptureException.Kind.BAD_FILTER ? EXIT_USAGE : EXIT_JOB_FAILED;
        }
        if (!options.batch()) {
            // flows, hosts, the database and input positions survive failures; table files commit at checkpoints
            enableCheckpointing(env);
        }
        CaptureStatistics.reset(); // before the dataflow is built: a BATCH run lists its captures then
        boolean printConsole = console || (logFile == null && logDir == null && outDir == null);
        System.err.println("passivetcp: " + options.databaseName());
        FingerprintTopology.Observations observations =
                FingerprintTopology.observations(env, options, outDir != null);
        if (printConsole || logFile != null || logDir != null) {
            // a run whose inputs end gives every capture its --log-dir log, as p0f -r X -o X.log does
            List<String> bounded = logDir == null || options.endless() || !embedded(env) ? List.of()
                    : captures().stream().map(c -> c.getPath().toString()).toList();
            new P0fTextSink(printConsole, logFile, logDir, inputRoots(), bounded).attach(observations, options);
        }
        if (outDir != null) {
            TableSinks.attach(observations, outDir, options);
        }
        // the progress line and the exit code read this JVM's counters: on a cluster they are on the TaskManagers
        Progress progress = quiet || options.live() != null || !embedded(env) ? null : Progress.start(captures());
        // a capture with limits (-c, -T) ends its own source, early at Ctrl-C; every endless run drains with a
        // final savepoint at Ctrl-C, and a batch run is cancelled (EmbeddedRun)
        boolean boundedCapture = options.live() != null && !options.endless();
        long started = System.currentTimeMillis();
        if (boundedCapture) {
            LiveCommands.stopOnInterrupt(options.live());
        }
        try {
            String name = "passivetcp " + String.join(" ", options.live() != null ? interfaces : inputs);
            if (boundedCapture || !embedded(env)) {
                // a job on a cluster is stopped by the cluster's own means (flink stop --drain writes the final
                // savepoint)
                env.execute(name);
            } else if (!options.batch()) {
                EmbeddedRun.StreamingEnd end = EmbeddedRun.streaming(() -> env.executeAsync(name), savepointDir,
                        m -> Progress.say(progress, m));
                if (end.savepoint() != null) {
                    SavepointOptions.record(end.savepoint(), stateScope);
                } else if (end.signalled()) {
                    return EmbeddedRun.EXIT_INTERRUPTED;
                }
            } else if (!EmbeddedRun.batch(() -> env.executeAsync(name), m -> Progress.say(progress, m))) {
                if (outDir != null && OutputPaths.isLocal(outDir)) {
                    TableSinks.removeUnfinished(OutputPaths.local("--out", outDir), started);
                }
                return EmbeddedRun.EXIT_INTERRUPTED;
            }
        } finally {
            if (progress != null) {
                progress.stop();
            }
        }
        return options.live() == null && embedded(env) ? inputsSummary(inputs) : EXIT_OK;
    }

    /**
     * {@link #EXIT_OK} when every input was read in full (saying so where there was none to read, e.g. an empty
     * folder); else one line with the counts and the first paths, and {@link #EXIT_INPUTS_NOT_READ}.
     */
    static int inputsSummary(List<String> inputs) {
        long unread = CaptureStatistics.unread();
        if (unread == 0) {
            if (CaptureStatistics.CAPTURES_DONE.sum() == 0) {
                System.err.println("passivetcp: no capture files under -r " + String.join(", ", inputs));
            }
            return EXIT_OK;
        }
        List<String> first = CaptureStatistics.firstUnread();
        System.err.printf(Locale.ROOT, "passivetcp: %d input(s) not read in full: %d skipped, %d not a capture, "
                        + "%d failed: %s%s%n", unread, CaptureStatistics.ENTRIES_SKIPPED.sum(),
                CaptureStatistics.CAPTURES_SKIPPED.sum(), CaptureStatistics.CAPTURES_FAILED.sum(),
                String.join(", ", first), unread > first.size() ? ", ..." : "");
        return EXIT_INPUTS_NOT_READ;
    }

    /** A savepoint to resume from, when given. */
    private Configuration restoreSettings() {
        Configuration restore = new Configuration();
        if (fromSavepoint != null) {
            restore.set(StateRecoveryOptions.SAVEPOINT_PATH, fromSavepoint);
        }
        return restore;
    }

    /**
     * What holds only for the embedded run: its MiniCluster supports so many subtasks, and the outputs are written
     * on this machine (on a cluster the TaskManagers write them, and check them there).
     */
    private void checkEmbedded() throws UsageException {
        if (parallelism != null && parallelism > MAX_EMBEDDED_PARALLELISM) {
            throw new UsageException("-p wants 1-" + MAX_EMBEDDED_PARALLELISM + " subtasks in the embedded run; got "
                    + parallelism + " (on a cluster, Flink's own limits apply)");
        }
        Map<String, String> outputs = outputs();
        for (Map.Entry<String, String> output : outputs.entrySet()) {
            OutputPaths.checkOutsideInputs(output.getKey(), output.getValue(), inputs);
        }
        for (Map.Entry<String, String> output : outputs.entrySet()) {
            if (output.getKey().equals(LOG_FILE_OPTION)) {
                OutputPaths.checkLogFile(output.getKey(), output.getValue());
            } else if (output.getKey().equals(LOG_DIR_OPTION)) {
                OutputPaths.checkLogFolder(output.getKey(), output.getValue());
            } else {
                OutputPaths.checkFolder(output.getKey(), output.getValue());
            }
        }
        if (outDir != null && OutputPaths.isLocal(outDir) && fromSavepoint == null) {
            warnOfEarlierTables();
        }
        if (!OutputPaths.isLocal(savepointDir)) { // written at Ctrl-C: a missing plugin would lose the final state
            OutputPaths.checkFileSystem("--savepoint-dir", savepointDir);
        }
    }

    /**
     * Tables already under {@code --out} (the user's earlier run) stay: this run's part files join them, and a query
     * over the folder counts both runs' rows. Said once, as a warning, since adding a day's archive to the tables of
     * the days before is a use too. A run resumed from a savepoint continues its own tables.
     */
    private void warnOfEarlierTables() throws UsageException {
        long parts = 0;
        try {
            for (Table table : Table.values()) {
                parts += TableFiles.of(new Path(outDir), table).size();
            }
        } catch (IOException e) {
            throw new UsageException("--out " + outDir + ": cannot be listed (" + OutputPaths.reason(e) + ")");
        }
        if (parts > 0) {
            System.err.println("[WARN] --out " + outDir + " already holds " + parts + " table part files of earlier "
                    + "runs: this run adds its own beside them, and a query over the folder counts both (write each "
                    + "run to a fresh folder unless that is meant)");
        }
    }

    /**
     * Two captures at the same path under two {@code -r} roots ({@code -r site1 -r site2}, each holding
     * {@code eth0.pcap}) would append their lines to one {@code --log-dir} log, interleaved.
     */
    private void checkOneCapturePerLog() throws UsageException {
        List<String> roots;
        try {
            roots = inputRoots();
        } catch (IOException e) {
            throw new UsageException("-r: " + rootCause(e));
        }
        Map<String, String> captureOfLog = new HashMap<>();
        for (FileStatus capture : captures()) {
            String path = capture.getPath().toString();
            String log = P0fTextSink.relativeToRoot(path, roots) + ".log";
            String other = captureOfLog.putIfAbsent(log, path);
            if (other != null) {
                throw new UsageException(LOG_DIR_OPTION + " " + logDir + ": " + other + " and " + path + " would both write "
                        + log + " (the same path under their -r roots); give their common folder as one -r, or "
                        + "write their logs apart");
            }
        }
    }

    /**
     * The capture files under {@code -r} as the run's FileSource finds them, listed once, reporting nothing (the
     * run's own discovery reports what it leaves out).
     */
    private List<FileStatus> captures() {
        if (captures == null) {
            captures = CaptureDiscovery.silent().captures(inputs.stream().map(Path::new).toArray(Path[]::new));
        }
        return captures;
    }

    /** The outputs asked for, by option. */
    private Map<String, String> outputs() {
        Map<String, String> outputs = new LinkedHashMap<>();
        if (logFile != null) {
            outputs.put(LOG_FILE_OPTION, logFile);
        }
        if (logDir != null) {
            outputs.put(LOG_DIR_OPTION, logDir);
        }
        if (outDir != null) {
            outputs.put("--out", outDir);
        }
        return outputs;
    }

    /** Validates the request before any Flink work: inputs exist, the database parses, numbers are in range. */
    JobOptions options() throws IOException, UsageException {
        if ((inputs.isEmpty() ? 0 : 1) + (interfaces.isEmpty() ? 0 : 1) + (listInterfaces ? 1 : 0) != 1) {
            throw new UsageException("give exactly one of -r PATH (capture files), -i IFACE (live capture) or -L");
        }
        if (interfaces.isEmpty() && (bpf != null || promiscuous || packetLimit != 0 || secondsLimit != 0)) {
            throw new UsageException("--bpf, --promisc, -c and --capture-seconds are for a live capture (-i)");
        }
        inputs.replaceAll(OutputPaths::flinkPath);
        logFile = OutputPaths.localPath(OutputPaths.flinkPath(logFile));
        logDir = OutputPaths.localPath(OutputPaths.flinkPath(logDir));
        outDir = OutputPaths.flinkPath(outDir);
        fromSavepoint = OutputPaths.flinkPath(fromSavepoint);
        savepointDir = OutputPaths.flinkPath(savepointDir);
        for (String input : inputs) {
            if (!PipedInputs.STANDARD_INPUT.equals(input) && !exists("-r", input)) {
                throw new UsageException("no such capture file or folder: " + input);
            }
        }
        if (parallelism != null && parallelism < 1) {
            throw new UsageException("-p wants a number of subtasks >= 1; got " + parallelism);
        }
        if (fromSavepoint != null) {
            checkSavepoint(fromSavepoint);
            SavepointOptions.check(fromSavepoint, stateScope);
        }
        DatabaseChoice db = DatabaseChoice.resolve(database, databaseFile);
        long[] limits = parseTimeouts();
        if (checkpointSeconds != null && checkpointSeconds < 1) {
            throw new UsageException("--checkpoint-interval wants a number of seconds >= 1");
        }
        if (scanSeconds < 1 || settleSeconds < 0) {
            throw new UsageException("--scan-interval wants seconds >= 1 and --settle seconds >= 0");
        }
        if (follow && (mode == Mode.batch || !interfaces.isEmpty())) {
            throw new UsageException("--follow watches the -r folders, in streaming mode");
        }
        LiveCaptureSource live = interfaces.isEmpty() ? null : liveCapture();
        boolean batch = live == null && (mode == null ? !follow : mode == Mode.batch);
        if (batch && fromSavepoint != null) {
            throw new UsageException("--from-savepoint resumes streaming runs only (add --mode streaming)");
        }
        // state expires in inputs that do not end, and they watch the database file: --follow and a live capture
        // without limits (one with limits ends by ending its own source, which a watch would outlive)
        boolean endless = follow || (live != null && packetLimit == 0 && secondsLimit == 0);
        return new JobOptions(inputs, db.summary(), db.text(), stateScope == StateScope.capture, batch, limits[0],
                limits[1], endless ? Duration.ofSeconds(scanSeconds) : null, Duration.ofSeconds(settleSeconds),
                endless ? db.file() : null, live);
    }

    /** Checks the live-capture options, and opens each interface once so that errors show before Flink starts. */
    private LiveCaptureSource liveCapture() throws UsageException, LiveCaptureException {
        if (mode == Mode.batch) {
            throw new UsageException("a live capture (-i) runs in streaming mode; --mode batch is for -r");
        }
        if (logDir != null) {
            throw new UsageException("--log-dir writes one log per capture file; with -i use -o");
        }
        if (snaplen < 1 || snaplen > LiveCommands.MAX_SNAPLEN) {
            throw new UsageException("--snaplen wants 1-" + LiveCommands.MAX_SNAPLEN + " bytes; got " + snaplen);
        }
        if (packetLimit < 0 || secondsLimit < 0) {
            throw new UsageException("-c and --capture-seconds want numbers >= 0");
        }
        for (int i = 0; i < interfaces.size(); i++) {
            if (interfaces.indexOf(interfaces.get(i)) != i) { // each of its packets would be seen twice
                throw new UsageException("-i " + interfaces.get(i) + " is given twice; give each interface once");
            }
        }
        CaptureSettings settings = new CaptureSettings(bpf, promiscuous, snaplen);
        LiveCommands.check(interfaces, settings);
        return new LiveCaptureSource(interfaces, settings, packetLimit, secondsLimit);
    }

    /** Whether a Flink path exists; an empty or malformed one, or an unknown filesystem, is a usage error. */
    private static boolean exists(String option, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(option + " wants a path; got an empty one");
        }
        try {
            Path p = new Path(value);
            return p.getFileSystem().exists(p);
        } catch (IllegalArgumentException | IOException e) {
            throw new UsageException(option + " " + value + ": " + rootCause(e));
        }
    }

    /**
     * A savepoint or retained checkpoint: its {@code _metadata} file, or a folder holding one, whose metadata Flink
     * reads. A damaged or foreign file is refused here, not by the JobMaster after the job was submitted.
     */
    private static void checkSavepoint(String value) throws UsageException {
        String absent = "--from-savepoint " + value + ": no savepoint or retained checkpoint there (no such path, or "
                + "no _metadata in it)";
        if (!exists("--from-savepoint", value)) {
            throw new UsageException(absent);
        }
        try {
            Path p = new Path(value);
            FileSystem fs = p.getFileSystem();
            Path metadata = fs.getFileStatus(p).isDir() ? new Path(p, "_metadata") : p;
            if (!fs.exists(metadata)) {
                throw new UsageException(absent);
            }
            try (DataInputStream in = new DataInputStream(fs.open(metadata))) {
                Checkpoints.loadCheckpointMetadata(in, PassiveTcpCommand.class.getClassLoader(), value);
            }
        } catch (IOException | RuntimeException e) {
            throw new UsageException("--from-savepoint " + value + ": not a readable savepoint (" + rootCause(e)
                    + ")");
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
     * --checkpoint-interval when given; else the interval of Flink's configuration ({@code -D}, config.yaml) when
     * it sets one; else {@link #DEFAULT_CHECKPOINT_SECONDS}.
     */
    void enableCheckpointing(StreamExecutionEnvironment env) {
        if (checkpointSeconds != null) {
            env.enableCheckpointing(checkpointSeconds * 1000);
        } else if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
            env.enableCheckpointing(DEFAULT_CHECKPOINT_SECONDS * 1000);
        }
        if (embedded(env)) {
            // Flink's default with checkpoints restarts forever: a failure that comes back every time (a file the
            // job cannot read) looped silently, and Ctrl-C could not drain a job that never ran. A failure now
            // and then still restarts from the latest checkpoint; ten in ten minutes end the run with the cause.
            Configuration restarts = new Configuration();
            restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "failure-rate");
            restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL,
                    MAX_FAILURES_PER_INTERVAL);
            restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL,
                    FAILURE_RATE_INTERVAL);
            restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_DELAY, RESTART_DELAY);
            env.configure(restarts);
        }
    }

    /**
     * The Flink environment: the cluster's when submitted with {@code flink run}, else an embedded MiniCluster.
     * Records cross operators with explicit serializers only, and objects are reused. A null {@code parallelism}
     * leaves it to Flink: on a cluster {@code flink run -p}, {@code -Dparallelism.default} or config.yaml; embedded,
     * the number of cores. The state backend and checkpointing are Flink's configuration too.
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
        if (parallelism != null) {
            conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        }
        // Embedded, BATCH stages that read the same finished input (the text outputs' ordering, the tables) run side
        // by side only when there are slots beyond the parallelism; a cluster's TaskManagers keep their own setting.
        int p = parallelism != null ? parallelism : Runtime.getRuntime().availableProcessors();
        if (!conf.contains(TaskManagerOptions.NUM_TASK_SLOTS)) {
            conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2 * p);
        }
        if (!conf.contains(TaskManagerOptions.MANAGED_MEMORY_SIZE)) {
            conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(EMBEDDED_MANAGED_MEMORY_MB));
        }
        // Embedded, a BATCH shuffle goes to a local file, which the page cache holds: compressing it (LZ4 by
        // default) only spent CPU on both sides, a tenth of the output ordering's.
        if (!conf.contains(NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC)) {
            conf.set(NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC,
                    NettyShuffleEnvironmentOptions.CompressionCodec.NONE);
        }
        // Embedded, the slot manager serves one job: a BATCH stage's slots come at once, not after the 50 ms it
        // otherwise waits to batch the requirements of many jobs (a stage's second subtask waited for the first's
        // slot to be freed); a cluster's ResourceManager keeps its own setting.
        if (!conf.contains(ResourceManagerOptions.REQUIREMENTS_CHECK_DELAY)) {
            conf.set(ResourceManagerOptions.REQUIREMENTS_CHECK_DELAY, Duration.ZERO);
        }
        if (!conf.contains(SourceReaderOptions.SOURCE_READER_CLOSE_TIMEOUT)) {
            conf.set(SourceReaderOptions.SOURCE_READER_CLOSE_TIMEOUT, SOURCE_READER_CLOSE_TIMEOUT_MS);
        }
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }

    /** A request that cannot run; reported as one line and exit code 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
