package io.passivetcp.job.sink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import io.passivetcp.Observation;
import io.passivetcp.output.P0fFormat;

/**
 * p0f's text outputs, fed in output order by one subtask: console blocks (stdout), one {@code -o} log (appended
 * to, as p0f does), and {@code --log-dir} logs, one per capture at {@code DIR/<path relative to its -r root>.log}
 * (rewritten by each run).
 */
public final class P0fTextSink implements Sink<Observation> {
    private static final long serialVersionUID = 1L;

    /** Per-capture logs kept open at once; others are reopened for appending when needed. */
    private static final int OPEN_LOGS = 64;

    private final boolean console;
    private final String logFile;
    private final String logDir;
    private final List<String> roots;

    /**
     * @param roots the {@code -r} paths, as URI paths, to name per-capture logs relative to
     */
    public P0fTextSink(boolean console, String logFile, String logDir, List<String> roots) {
        this.console = console;
        this.logFile = logFile;
        this.logDir = logDir;
        this.roots = List.copyOf(roots);
    }

    @Override
    public SinkWriter<Observation> createWriter(WriterInitContext context) throws IOException {
        return new TextWriter();
    }

    private final class TextWriter implements SinkWriter<Observation> {
        private final PrintStream stdout = System.out;
        private final Writer log;
        private final Map<Path, Writer> captureLogs = new LinkedHashMap<>(16, 0.75f, true);
        private final Set<Path> startedThisRun = new HashSet<>();

        TextWriter() throws IOException {
            log = logFile == null ? null : Files.newBufferedWriter(Paths.get(logFile), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }

        @Override
        public void write(Observation o, Context context) throws IOException {
            if (console) {
                stdout.print(P0fFormat.consoleBlock(o));
            }
            if (log == null && logDir == null) {
                return;
            }
            String line = P0fFormat.logLine(o) + "\n";
            if (log != null) {
                log.write(line);
            }
            if (logDir != null) {
                captureLog(o.capture).write(line);
            }
        }

        private Writer captureLog(String capture) throws IOException {
            Path target = Paths.get(logDir, relativeToRoot(capture) + ".log");
            Writer w = captureLogs.get(target);
            if (w != null) {
                return w;
            }
            if (captureLogs.size() >= OPEN_LOGS) {
                Map.Entry<Path, Writer> eldest = captureLogs.entrySet().iterator().next();
                eldest.getValue().close();
                captureLogs.remove(eldest.getKey());
            }
            Files.createDirectories(target.getParent());
            boolean first = startedThisRun.add(target);
            w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, first ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND),
                    StandardCharsets.UTF_8));
            captureLogs.put(target, w);
            return w;
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            stdout.flush();
            if (log != null) {
                log.flush();
            }
            for (Writer w : captureLogs.values()) {
                w.flush();
            }
        }

        @Override
        public void close() throws IOException {
            flush(true);
            if (log != null) {
                log.close();
            }
            for (Writer w : captureLogs.values()) {
                w.close();
            }
            captureLogs.clear();
        }
    }

    /** The capture's path below the {@code -r} root that holds it; the file name when the root is the file. */
    String relativeToRoot(String capture) {
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
