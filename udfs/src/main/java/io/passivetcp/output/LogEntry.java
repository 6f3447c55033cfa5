package io.passivetcp.output;

import java.nio.charset.StandardCharsets;

import io.passivetcp.Observation;

/**
 * An event as the text outputs print it, with what puts it in output order: formatted where the event arises, by
 * the parallel subtasks, so that the one subtask that restores p0f's order for the text outputs only copies bytes.
 */
public final class LogEntry implements OutputOrdered {
    public long orderMicros;
    public long captureId;
    public long ordinal;
    public int step;
    public String module;
    /**
     * Path of the capture the event is attributed to, which names its {@code --log-dir} log; null without one (it
     * was a quarter of the bytes an entry took through the ordering's shuffle and sort).
     */
    public String capture;
    /** The {@code -o} log line with its newline, UTF-8; null when no log is written. */
    public byte[] line;
    /** The console block, UTF-8; null when the console is off. */
    public byte[] block;

    /** {@code o} with the forms asked for, and its capture's path when {@code withCapture}. */
    public static LogEntry of(Observation o, boolean withLine, boolean withBlock, boolean withCapture) {
        LogEntry e = new LogEntry();
        e.orderMicros = o.orderMicros;
        e.captureId = o.captureId;
        e.ordinal = o.ordinal;
        e.step = o.step;
        e.module = o.module;
        e.capture = withCapture ? o.capture : null;
        e.line = withLine ? (P0fFormat.logLine(o) + "\n").getBytes(StandardCharsets.UTF_8) : null;
        e.block = withBlock ? P0fFormat.consoleBlock(o).getBytes(StandardCharsets.UTF_8) : null;
        return e;
    }

    @Override
    public long orderMicros() {
        return orderMicros;
    }

    @Override
    public long captureId() {
        return captureId;
    }

    @Override
    public long ordinal() {
        return ordinal;
    }

    @Override
    public int step() {
        return step;
    }

    @Override
    public String module() {
        return module;
    }

    @Override
    public int textBytes() {
        return (line == null ? 0 : line.length) + (block == null ? 0 : block.length);
    }
}
