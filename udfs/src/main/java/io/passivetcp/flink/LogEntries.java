package io.passivetcp.flink;

import org.apache.flink.api.common.functions.MapFunction;

import io.passivetcp.Observation;
import io.passivetcp.output.LogEntry;

/** Formats each event for the text outputs, as a {@link LogEntry} with the forms they print. */
public final class LogEntries implements MapFunction<Observation, LogEntry> {
    private static final long serialVersionUID = 1L;

    private final boolean lines;
    private final boolean blocks;

    /**
     * @param lines the log line, for {@code -o} and {@code --log-dir}
     * @param blocks the console block
     */
    public LogEntries(boolean lines, boolean blocks) {
        this.lines = lines;
        this.blocks = blocks;
    }

    @Override
    public LogEntry map(Observation o) {
        return LogEntry.of(o, lines, blocks);
    }
}
