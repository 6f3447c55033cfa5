package io.passivetcp.job.topology;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

import io.passivetcp.flink.live.LiveCaptureSource;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.SignatureSyntaxException;

/**
 * What one run does, independent of how it was asked for (CLI, tests).
 *
 * @param inputs capture files or folders ({@code -r}), any Flink filesystem path; empty for a live capture
 * @param databaseName where the signature database came from (for messages)
 * @param databaseText the p0f.fp text in force
 * @param perCaptureState {@code --state-scope capture}: every capture is analysed on its own
 * @param batch BATCH execution (bounded input); STREAMING otherwise
 * @param connMaxAgeSeconds p0f {@code -t}: flow max age
 * @param hostIdleLimitMinutes p0f {@code -t}: host idle limit
 * @param follow {@code --follow}, or an endless {@code -i}: how often the inputs are scanned for new captures
 *     (files) and the database file for changes; null when the inputs are read once
 * @param settle {@code --follow}: how long the newest capture of a folder must stay unchanged before it is read
 * @param watchedDatabase {@code -f} or {@code --db FILE} of an endless run ({@code --follow}, {@code -i} without
 *     limits): the database file whose changes are applied while the job runs; null when the database is read once
 *     (a bundled one always is)
 * @param live the interfaces to capture ({@code -i}) instead of files, or null
 */
public record JobOptions(
        List<String> inputs,
        String databaseName,
        String databaseText,
        boolean perCaptureState,
        boolean batch,
        long connMaxAgeSeconds,
        long hostIdleLimitMinutes,
        Duration follow,
        Duration settle,
        String watchedDatabase,
        LiveCaptureSource live) implements Serializable {

    /** A run that reads capture files once. */
    public JobOptions(List<String> inputs, String databaseName, String databaseText, boolean perCaptureState,
            boolean batch, long connMaxAgeSeconds, long hostIdleLimitMinutes) {
        this(inputs, databaseName, databaseText, perCaptureState, batch, connMaxAgeSeconds, hostIdleLimitMinutes,
                null, null, null, null);
    }

    /** The same run over other inputs. */
    public JobOptions withInputs(List<String> otherInputs) {
        return new JobOptions(otherInputs, databaseName, databaseText, perCaptureState, batch, connMaxAgeSeconds,
                hostIdleLimitMinutes, follow, settle, watchedDatabase, live);
    }

    /**
     * Whether the input never ends ({@code --follow}, or a live capture without limits): then expired flows and
     * hosts leave the state while the job runs.
     */
    public boolean endless() {
        return follow != null;
    }

    /** The database's version, a hash of its text (SignatureDatabase#version), as written in every table row. */
    public String databaseVersion() {
        try {
            return SignatureDatabase.parse(databaseName, databaseText).version();
        } catch (SignatureSyntaxException e) {
            throw new IllegalArgumentException("bad signature database: " + e.getMessage(), e);
        }
    }
}
