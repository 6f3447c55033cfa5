package io.passivetcp.output;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.passivetcp.Observation;

/**
 * p0f 3.09b's two text forms of an observation (spec §9): the {@code -o} log line and the console block.
 * Values are printed verbatim, as p0f does; times are UTC.
 */
public final class P0fFormat {
    private P0fFormat() {}

    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** {@code [YYYY/MM/DD HH:MM:SS] mod=...|cli=...|srv=...|subj=...|key=value...}, without the newline. */
    public static String logLine(Observation o) {
        StringBuilder sb = new StringBuilder(160);
        sb.append('[');
        logTime(sb, o.tsSeconds).append("] mod=").append(o.module)
                .append("|cli=");
        endpoint(sb, o.client, o.clientPort).append("|srv=");
        endpoint(sb, o.server, o.serverPort).append("|subj=").append(o.subjectIsClient ? "cli" : "srv");
        for (int i = 0; i < o.fieldCount(); i++) {
            sb.append('|').append(o.key(i)).append('=').append(o.value(i));
        }
        return sb.toString();
    }

    /**
     * {@code YYYY/MM/DD HH:MM:SS}, UTC, as {@link #LOG_TIME} prints it: digit by digit for years 1 to 9999, which
     * costs a tenth of the formatter; the formatter itself for the rest, whose sign and padding it owns.
     */
    static StringBuilder logTime(StringBuilder sb, long epochSeconds) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999) {
            return sb.append(LOG_TIME.format(t));
        }
        digits(sb, t.getYear(), 4).append('/');
        digits(sb, t.getMonthValue(), 2).append('/');
        digits(sb, t.getDayOfMonth(), 2).append(' ');
        digits(sb, t.getHour(), 2).append(':');
        digits(sb, t.getMinute(), 2).append(':');
        return digits(sb, t.getSecond(), 2);
    }

    private static StringBuilder digits(StringBuilder sb, int value, int width) {
        for (int d = width - 1, scale = (int) Math.pow(10, d); d >= 0; d--, scale /= 10) {
            sb.append((char) ('0' + value / scale % 10));
        }
        return sb;
    }

    /** The console block, ending with its trailing blank line. */
    public static String consoleBlock(Observation o) {
        StringBuilder sb = new StringBuilder(320);
        sb.append(".-[ ");
        endpoint(sb, o.client, o.clientPort).append(" -> ");
        endpoint(sb, o.server, o.serverPort).append(" (").append(o.module).append(") ]-\n|\n");
        if (o.subjectIsClient) {
            consoleField(sb, "client", null);
            endpoint(sb, o.client, o.clientPort).append('\n');
        } else {
            consoleField(sb, "server", null);
            endpoint(sb, o.server, o.serverPort).append('\n');
        }
        for (int i = 0; i < o.fieldCount(); i++) {
            consoleField(sb, o.key(i), o.value(i)).append('\n');
        }
        return sb.append("|\n`----\n\n").toString();
    }

    private static StringBuilder consoleField(StringBuilder sb, String key, String value) {
        sb.append("| ").append(key);
        for (int i = key.length(); i < 8; i++) {
            sb.append(' ');
        }
        sb.append(" = ");
        return value == null ? sb : sb.append(value);
    }

    /** {@code address/port}: IPv4 dotted, IPv6 as eight uncompressed lower-case groups (spec §9.1). */
    public static StringBuilder endpoint(StringBuilder sb, byte[] address, int port) {
        return address(sb, address).append('/').append(port);
    }

    public static StringBuilder address(StringBuilder sb, byte[] a) {
        if (a.length == 4) {
            return sb.append(a[0] & 0xFF).append('.').append(a[1] & 0xFF).append('.').append(a[2] & 0xFF)
                    .append('.').append(a[3] & 0xFF);
        }
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(((a[i] & 0xFF) << 8) | (a[i + 1] & 0xFF)));
        }
        return sb;
    }
}
