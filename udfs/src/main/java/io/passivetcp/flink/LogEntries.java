package io.passivetcp.flink;

import org.apache.flink.api.common.functions.MapFunction;

import io.passivetcp.Observation;
import io.passivetcp.output.LogEntry;

/** Formats each event for the text outputs, as a {@link LogEntry} with the forms they print. */
public final class LogEntries implements MapFunction<Observation, LogEntry> {
    private static final long serialVersionUID = 1L;

    private final boolean lines;
    private final boolean blocks;
    private final boolean captures;

    /**
     * @param lines the log line, for {@code -o} and {@code --log-dir}
     * @param blocks the console block
     * @param captures the capture's path, which names its {@code --log-dir} log
     */
    public LogEntries(boolean lines, boolean blocks, boolean captures) {
        this.lines = lines;
        this.blocks = blocks;
        this.captures = captures;
    }

    @Override
    public LogEntry map(Observation o) {
        return LogEntry.of(o, lines, blocks, captures);
    }
}
