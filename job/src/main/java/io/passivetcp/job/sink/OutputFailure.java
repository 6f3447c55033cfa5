package io.passivetcp.job.sink;

import java.io.IOException;

/**
 * The one line a user sees when an output cannot be written while the job runs (a full disk, a file system gone
 * read-only): {@code OUTPUT: cannot be written (reason)}, in the words of the checks before the start. The CLI
 * prints a failure's innermost cause, so the named exception has no cause; the original is kept as suppressed, for
 * {@code --verbose}.
 */
public final class OutputFailure {
    private OutputFailure() {}

    /** @param output how the user named it, e.g. {@code -o /var/log/p0f.log} or {@code --out /data/tables} */
    public static IOException named(String output, IOException e) {
        IOException named = new IOException(output + ": cannot be written (" + e.getMessage() + ")");
        named.addSuppressed(e);
        return named;
    }
}
