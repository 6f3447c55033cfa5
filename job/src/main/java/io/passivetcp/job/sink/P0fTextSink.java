package io.passivetcp.job.sink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import io.passivetcp.capture.CaptureReader;
import io.passivetcp.job.topology.FingerprintTopology;
import io.passivetcp.job.topology.JobOptions;
import io.passivetcp.output.LogEntry;

/**
 * p0f's text outputs, fed in output order by one subtask: console blocks (stdout), one {@code -o} log (appended
 * to, as p0f does), and {@code --log-dir} logs, one per capture at {@code DIR/<path relative to its -r root>.log}
 * (rewritten by each run). The entries come formatted ({@link LogEntry}, with the forms {@link #lines()} and
 * {@link #blocks()} say), so that this subtask only copies bytes.
 *
 * <p>The logs are written exactly once across failures: each checkpoint records every log's length, and a writer
 * restored from it cuts the logs back to those lengths before the lines after the checkpoint are produced again.
 * The console cannot take lines back: it may repeat them after a failure.
 */
public final class P0fTextSink implements Sink<LogEntry>, SupportsWriterState<LogEntry, Map<String, Long>> {
    private static final long serialVersionUID = 1L;

    /** Per-capture logs kept open at once; others are reopened for appending when needed. */
    private static final int OPEN_LOGS = 64;

    /** Buffer of the {@code -o} log, which takes every line. */
    private static final int BUFFER_BYTES = 256 * 1024;

    /** Buffer of a per-capture log: BufferedOutputStream's default. */
    private static final int CAPTURE_LOG_BUFFER_BYTES = 8192;

    private final boolean console;
    private final String logFile;
    private final String logDir;
    private final List<String> roots;
    private final List<String> captures;

    /**
     * @param roots the {@code -r} paths, as URI paths, to name per-capture logs relative to
     * @param captures the capture files of a run whose inputs end, as the run lists them: each that is a capture
     *     has its {@code --log-dir} log at the end, empty when it gave no event (p0f creates its log at start); empty
     *     when the inputs never end ({@code --follow}) or were not listed
     */
    public P0fTextSink(boolean console, String logFile, String logDir, List<String> roots, List<String> captures) {
        this.console = console;
        this.logFile = logFile;
        this.logDir = logDir;
        this.roots = List.copyOf(roots);
        this.captures = List.copyOf(captures);
    }

    /** Adds the text outputs for the job's events, formatted in parallel and fed in output order. */
    public void attach(FingerprintTopology.Observations observations, JobOptions options) {
        FingerprintTopology.logEntries(observations, options, lines(), blocks(), logDir != null)
                .sinkTo(this)
                .name("p0f text outputs")
                .setParallelism(1);
    }

    /** Whether the entries must carry log lines: for {@code -o} or {@code --log-dir}. */
    public boolean lines() {
        return logFile != null || logDir != null;
    }

    /** Whether the entries must carry console blocks. */
    public boolean blocks() {
        return console;
    }

    @Override
    public StatefulSinkWriter<LogEntry, Map<String, Long>> createWriter(WriterInitContext context)
            throws IOException {
        return new TextWriter(Map.of());
    }

    @Override
    public StatefulSinkWriter<LogEntry, Map<String, Long>> restoreWriter(WriterInitContext context,
            Collection<Map<String, Long>> recoveredState) throws IOException {
        Map<String, Long> lengths = new HashMap<>();
        recoveredState.forEach(lengths::putAll);
        return new TextWriter(lengths);
    }

    @Override
    public SimpleVersionedSerializer<Map<String, Long>> getWriterStateSerializer() {
        return new LogLengthsSerializer();
    }

    private final class TextWriter implements StatefulSinkWriter<LogEntry, Map<String, Long>> {
        private final PrintStream stdout = System.out;
        private final TextLog log;
        private final Map<Path, TextLog> captureLogs = new LinkedHashMap<>(16, 0.75f, true);
        private final Set<Path> startedThisRun = new HashSet<>();

        /** @param checkpointed the logs' lengths at the checkpoint restored from; empty on a fresh start */
        TextWriter(Map<String, Long> checkpointed) throws IOException {
            for (Map.Entry<String, Long> e : checkpointed.entrySet()) {
                Path path = Paths.get(e.getKey());
                cutBack(path, e.getValue());
                startedThisRun.add(path);
            }
            log = logFile == null ? null : new TextLog("-o " + logFile, Files.newOutputStream(Paths.get(logFile),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE), BUFFER_BYTES);
        }

        @Override
        public List<Map<String, Long>> snapshotState(long checkpointId) throws IOException {
            flush(false);
            Map<String, Long> lengths = new HashMap<>();
            if (logFile != null) {
                lengths.put(logFile, Files.size(Paths.get(logFile)));
            }
            for (Path p : startedThisRun) {
                lengths.put(p.toString(), Files.exists(p) ? Files.size(p) : 0L);
            }
            return List.of(lengths);
        }

        @Override
        public void write(LogEntry e, Context context) throws IOException {
            if (console) {
                stdout.write(e.block);
            }
            if (log != null) {
                log.write(e.line);
            }
            if (logDir != null) {
                captureLog(e.capture).write(e.line);
            }
        }

        private TextLog captureLog(String capture) throws IOException {
            Path target = logOf(capture);
            TextLog w = captureLogs.get(target);
            if (w != null) {
                return w;
            }
            if (captureLogs.size() >= OPEN_LOGS) {
                Map.Entry<Path, TextLog> eldest = captureLogs.entrySet().iterator().next();
                eldest.getValue().close();
                captureLogs.remove(eldest.getKey());
            }
            Files.createDirectories(target.getParent());
            boolean first = startedThisRun.add(target);
            w = new TextLog("--log-dir " + target, Files.newOutputStream(target, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, first ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND),
                    CAPTURE_LOG_BUFFER_BYTES);
            captureLogs.put(target, w);
            return w;
        }

        private Path logOf(String capture) {
            return Paths.get(logDir, relativeToRoot(capture) + ".log");
        }

        /**
         * The logs of the captures that gave no event: empty, as p0f's {@code -o} log of a capture without one (a
         * file that is no capture gets none, as p0f opens none). A log from an earlier run is emptied.
         */
        private void emptyLogsOfSilentCaptures() throws IOException {
            for (String capture : captures) {
                Path target = logOf(capture);
                if (startedThisRun.contains(target) || !isCapture(capture)) {
                    continue;
                }
                try {
                    Files.createDirectories(target.getParent());
                    Files.write(target, new byte[0]);
                } catch (IOException e) {
                    throw OutputFailure.named("--log-dir " + target, e);
                }
                startedThisRun.add(target);
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (endOfInput && logDir != null) {
                emptyLogsOfSilentCaptures();
            }
            stdout.flush();
            if (log != null) {
                log.flush();
            }
            for (TextLog w : captureLogs.values()) {
                w.flush();
            }
        }

        /** Closes every log, each flushing as it closes; the first failure is thrown once all are closed. */
        @Override
        public void close() throws IOException {
            stdout.flush();
            IOException first = null;
            List<TextLog> logs = new ArrayList<>(captureLogs.values());
            if (log != null) {
                logs.add(0, log);
            }
            captureLogs.clear();
            for (TextLog l : logs) {
                try {
                    l.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    /** Whether the file starts as a capture does (the header p0f's libpcap would accept, or gzip around one). */
    private static boolean isCapture(String capture) {
        try (CaptureReader reader = CaptureReader.open(Files.newInputStream(Paths.get(
                new org.apache.flink.core.fs.Path(capture).toUri().getPath())), capture)) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Removes what was written to {@code log} after the checkpoint that recorded {@code length}. */
    private static void cutBack(Path log, long length) throws IOException {
        if (!Files.exists(log)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
            if (ch.size() > length) {
                ch.truncate(length);
            }
        }
    }

    /** Writer state: log path → length in bytes. */
    static final class LogLengthsSerializer implements SimpleVersionedSerializer<Map<String, Long>> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Map<String, Long> lengths) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(lengths.size());
                for (Map.Entry<String, Long> e : lengths.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeLong(e.getValue());
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public Map<String, Long> deserialize(int version, byte[] serialized) throws IOException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int n = in.readInt();
                Map<String, Long> lengths = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    lengths.put(in.readUTF(), in.readLong());
                }
                return lengths;
            }
        }
    }

    /** The capture's path below the {@code -r} root that holds it; the file name when the root is the file. */
    String relativeToRoot(String capture) {
        return relativeToRoot(capture, roots);
    }

    /** {@link #relativeToRoot(String)} for the given {@code -r} roots (URI paths, as the constructor takes them). */
    public static String relativeToRoot(String capture, List<String> roots) {
        String path = new org.apache.flink.core.fs.Path(capture).toUri().getPath();
        String best = null;
        for (String root : roots) {
            String r = root.endsWith("/") ? root : root + "/";
            if (path.startsWith(r) && (best == null || r.length() > best.length())) {
                best = r;
            }
        }
        if (best != null) {
            return path.substring(best.length());
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
