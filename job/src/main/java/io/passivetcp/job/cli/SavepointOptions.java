package io.passivetcp.job.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import io.passivetcp.job.cli.PassiveTcpCommand.UsageException;

/**
 * The options a savepoint's state depends on, kept beside the savepoint that {@code ./passivetcp} drains to, so that
 * a resume with other ones is refused before Flink starts. {@code --state-scope} decides how flows and hosts are
 * keyed: state written under one scope restores under the other without an error, and every connection open at the
 * stop would silently start over. Savepoints written otherwise ({@code flink stop}, retained checkpoints) have no
 * such file and are not checked.
 */
final class SavepointOptions {
    /** Beside Flink's {@code _metadata} in the savepoint folder. */
    static final String FILE_NAME = "passivetcp-options.properties";
    private static final String STATE_SCOPE = "state-scope";

    private SavepointOptions() {}

    /** Records the options of the run that wrote the savepoint at {@code savepoint} (a URI), when it is local. */
    static void record(String savepoint, PassiveTcpCommand.StateScope scope) throws IOException {
        Path folder = localFolder(savepoint);
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        Properties options = new Properties();
        options.setProperty(STATE_SCOPE, scope.name());
        try (Writer out = Files.newBufferedWriter(folder.resolve(FILE_NAME))) {
            options.store(out, "written by passivetcp with the savepoint: the options its state depends on");
        }
    }

    /** Refuses a resume from {@code savepoint} (a path or URI, the folder or its _metadata) with another scope. */
    static void check(String savepoint, PassiveTcpCommand.StateScope scope) throws UsageException {
        Path folder = localFolder(savepoint);
        if (folder != null && !Files.isDirectory(folder)) {
            folder = folder.getParent(); // the _metadata file itself
        }
        if (folder == null || !Files.isRegularFile(folder.resolve(FILE_NAME))) {
            return;
        }
        Properties options = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve(FILE_NAME))) {
            options.load(in);
        } catch (IOException e) {
            throw new UsageException("--from-savepoint " + savepoint + ": " + FILE_NAME + " cannot be read ("
                    + OutputPaths.reason(e) + ")");
        }
        String written = options.getProperty(STATE_SCOPE);
        if (written != null && !written.equals(scope.name())) {
            throw new UsageException("--from-savepoint " + savepoint + ": written with --state-scope " + written
                    + ", and this run asks for " + scope.name() + ", under which flows and hosts are keyed otherwise;"
                    + " resume with --state-scope " + written);
        }
    }

    /** The local folder or file of a savepoint given as a path or a {@code file:} URI; null for other schemes. */
    private static Path localFolder(String savepoint) {
        if (!OutputPaths.isLocal(savepoint)) {
            return null;
        }
        try {
            return OutputPaths.local("--from-savepoint", savepoint);
        } catch (UsageException notAPath) {
            return null;
        }
    }
}
