package io.passivetcp.job.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

import io.passivetcp.job.cli.PassiveTcpCommand.UsageException;
import io.passivetcp.signature.BundledDatabases;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.SignatureSyntaxException;

/**
 * The signature database a run uses, from {@code --db NAME|FILE} or {@code -f FILE}: a database bundled in the jar
 * by name ({@link BundledDatabases}; {@code passivetcp} when neither option is given) or a file in p0f v3 syntax.
 *
 * @param name what the messages call it: the bundled name, or the file's path
 * @param text the database text, already checked to parse
 * @param file the file it was read from, or null for a bundled one (which never changes while the job runs)
 * @param summary the one line that tells the user which database is in force
 */
record DatabaseChoice(String name, String text, String file, String summary) {

    /**
     * Why {@code path} is no database file, in words: a folder, or a device or FIFO (which is never opened: a FIFO
     * would block the start forever), or nothing at all.
     */
    private static String notAFile(String path) {
        if (Files.isDirectory(Paths.get(path))) {
            return path + ": is a folder";
        }
        return Files.exists(Paths.get(path)) ? path + ": not a regular file" : "no such file: " + path;
    }

    static DatabaseChoice resolve(String db, String fingerprintsFile) throws IOException, UsageException {
        if (db != null && fingerprintsFile != null) {
            throw new UsageException("give --db or -f, not both");
        }
        // the database is read with local file I/O: a file: URI names its local path
        String file = OutputPaths.localPath(fingerprintsFile);
        if (db != null && !BundledDatabases.contains(db)) {
            db = OutputPaths.localPath(db);
            if (!Files.isRegularFile(Paths.get(db))) {
                throw new UsageException("--db wants " + String.join(" or ", BundledDatabases.NAMES)
                        + " or a database file; " + notAFile(db));
            }
            file = db;
        }
        if (file != null) {
            file = OutputPaths.flinkPath(file); // the --follow watch reads it through Flink's Path
        }
        if (file == null) {
            String name = db != null ? db : BundledDatabases.DEFAULT;
            SignatureDatabase parsed = BundledDatabases.load(name);
            return new DatabaseChoice(name, parsed.text(), null, "signature database " + name + " (bundled config/"
                    + name + ".fp, " + parsed.signatureCount() + " signatures, " + parsed.version() + ")");
        }
        if (!Files.isRegularFile(Paths.get(file))) {
            throw new UsageException(Files.exists(Paths.get(file)) ? "signature database " + notAFile(file)
                    : "no such signature database: " + file);
        }
        String text;
        try {
            text = SignatureDatabase.text(Files.readAllBytes(Paths.get(file)));
        } catch (IOException e) {
            throw new UsageException("signature database " + file + ": cannot be read (" + OutputPaths.reason(e)
                    + ")");
        }
        try {
            SignatureDatabase parsed = SignatureDatabase.parseShared(file, text);
            return new DatabaseChoice(file, text, file, "signature database " + file + " ("
                    + parsed.signatureCount() + " signatures, " + parsed.version() + ")");
        } catch (SignatureSyntaxException e) {
            throw new UsageException("bad signature database: " + e.getMessage());
        }
    }
}
