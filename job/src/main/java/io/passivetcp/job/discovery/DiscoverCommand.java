package io.passivetcp.job.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.passivetcp.job.cli.OutputPaths;
import io.passivetcp.job.discovery.Evidence.Direction;
import io.passivetcp.job.tables.Table;
import io.passivetcp.job.tables.TableFiles;
import io.passivetcp.signature.BundledDatabases;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.SignatureSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code passivetcp discover}: candidate signatures from the tables of a run, for a person to review. */
@Command(name = "discover", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Propose p0f sig lines for the TCP signatures no specific signature matched exactly (???, "
                + "generic or fuzzy), from what the same hosts showed in the same window: the OS their HTTP "
                + "User-Agents name, their JA4, distance and MTU. Writes DIR/candidates.fp (to append to a copy of "
                + "the database, after review) and DIR/candidates.csv; applies nothing.")
public final class DiscoverCommand implements Callable<Integer> {
    /** Exit code: candidates written (possibly none). */
    static final int EXIT_OK = 0;
    /** Exit code: a usage or input error (as the main command's). */
    static final int EXIT_USAGE = 2;
    /** Exit code: candidates written, but some table files could not be read in full (as the main command's). */
    static final int EXIT_INPUTS_NOT_READ = 3;

    static final String FP_FILE = "candidates.fp";
    static final String CSV_FILE = "candidates.csv";

    @Option(names = "--tables", required = true, paramLabel = "DIR",
            description = "Table folder of a run (its --out), on the local filesystem.")
    String tables;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder for " + FP_FILE + " and " + CSV_FILE + " (created; both are replaced).")
    String out;

    @Option(names = "--min-support", paramLabel = "N", defaultValue = "2",
            description = "Hosts whose User-Agents name the OS a candidate needs at least. Default: ${DEFAULT-VALUE}.")
    int minSupport;

    @Option(names = "--min-purity", paramLabel = "F", defaultValue = "0.8",
            description = "Share of the User-Agent OS claims naming the proposed OS a candidate needs at least "
                    + "(0-1). Default: ${DEFAULT-VALUE}.")
    double minPurity;

    @Option(names = "--window", paramLabel = "WINDOW", defaultValue = "day",
            description = "What counts as the same time for a host: day (the same UTC day; one vantage point) or "
                    + "capture (the same capture file; unrelated captures). Default: ${DEFAULT-VALUE}.")
    EvidenceWindow window;

    @Option(names = "--db", paramLabel = "NAME|FILE", defaultValue = BundledDatabases.DEFAULT,
            description = "The database the tables were labelled with: candidates must load after it, and its "
                    + "ua_os lines say which OS a User-Agent names. Default: ${DEFAULT-VALUE}.")
    String database;

    @Override
    public Integer call() throws IOException {
        try {
            return discover();
        } catch (UsageError e) {
            System.err.println("passivetcp discover: " + e.getMessage());
            return EXIT_USAGE;
        }
    }

    private int discover() throws IOException, UsageError {
        if (minSupport < 1) {
            throw new UsageError("--min-support wants a number of hosts >= 1; got " + minSupport);
        }
        if (!(minPurity >= 0 && minPurity <= 1)) {
            throw new UsageError("--min-purity wants a share 0-1; got " + minPurity);
        }
        Path root = path("--tables", tables);
        checkTables(root);
        SignatureDatabase db = database();
        Path outDir = outputFolder();
        long start = System.nanoTime();
        Evidence evidence = Evidence.read(root, window, db);
        evidence.unreadFiles.forEach(u -> System.err.println("[WARN] Skipped " + u.path() + ": " + u.reason()));
        List<Candidate> proposed = new CandidateProposer(db, minSupport, minPurity).propose(evidence);
        CandidateFile file = new CandidateFile(db, header(db), proposed);
        Files.writeString(outDir.resolve(FP_FILE), file.text, StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve(CSV_FILE), CandidateTable.csv(file), StandardCharsets.UTF_8);
        for (String reason : file.refused) {
            System.err.println("passivetcp discover: left out " + reason);
        }
        long unmatched = evidence.signatures.values().stream().mapToLong(m -> m.size()).sum();
        System.err.printf(Locale.ROOT, "passivetcp discover: %d signatures without an exact specific match; "
                        + "%d candidates (%d SYN, %d SYN+ACK) in %s and %s, %d left out; %.1f s%n", unmatched,
                file.written.size(), file.written.stream().filter(c -> c.direction() == Direction.syn).count(),
                file.written.stream().filter(c -> c.direction() == Direction.syn_ack).count(),
                outDir.resolve(FP_FILE), outDir.resolve(CSV_FILE), file.refused.size(),
                (System.nanoTime() - start) / 1e9);
        if (evidence.unreadFiles.isEmpty()) {
            return EXIT_OK;
        }
        System.err.println("passivetcp discover: " + TableFiles.summary(evidence.unreadFiles));
        return EXIT_INPUTS_NOT_READ;
    }

    private String header(SignatureDatabase db) {
        return String.format(Locale.ROOT, """
                ; Candidate signatures from passivetcp discover: data for review, applied nowhere.
                ;   tables %s, window %s, min-support %d hosts, min-purity %.2f
                ;   checked to load after database %s (%s)
                ; Append the accepted ones to a copy of that database, give each label its
                ; flavor (the User-Agents below name the version), then use the copy with -f.
                """, tables, window, minSupport, minPurity, database, db.version());
    }

    /** A table folder holds the syn or syn_ack table of a run; anything else is refused before reading. */
    private void checkTables(Path root) throws UsageError, IOException {
        if (!Files.exists(root)) {
            throw new UsageError("--tables " + tables + ": no such folder");
        }
        if (!Files.isDirectory(root)) {
            throw new UsageError("--tables " + tables + ": is a file; --tables wants the --out folder of a run");
        }
        if (TableRows.files(root, Table.SYN).isEmpty() && TableRows.files(root, Table.SYN_ACK).isEmpty()) {
            throw new UsageError("--tables " + tables + ": not a table folder (no " + Table.SYN.folder() + "/ or "
                    + Table.SYN_ACK.folder() + "/ Parquet files; write one with ./passivetcp -r CAPTURES --out DIR)");
        }
    }

    private SignatureDatabase database() throws UsageError {
        if (BundledDatabases.contains(database)) {
            return BundledDatabases.load(database);
        }
        Path file = path("--db", database);
        if (!Files.isRegularFile(file)) {
            throw new UsageError("--db wants " + String.join(" or ", BundledDatabases.NAMES)
                    + " or a database file; no such file: " + database);
        }
        try {
            return SignatureDatabase.load(file);
        } catch (SignatureSyntaxException e) {
            throw new UsageError("bad signature database: " + e.getMessage());
        } catch (IOException e) {
            throw new UsageError("--db " + database + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private Path outputFolder() throws UsageError {
        Path dir = path("--out", out);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageError("--out " + out + ": is a file; --out wants a folder");
        }
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageError("--out " + out + ": cannot be created (" + e.getMessage() + ")");
        }
    }

    private static Path path(String option, String value) throws UsageError {
        if (!OutputPaths.isLocal(value)) {
            throw new UsageError(option + " " + value + ": discover reads and writes local folders; "
                    + (option.equals("--tables") ? "copy the tables here, or relabel them to a local --out"
                            : "give a local folder"));
        }
        try {
            return Paths.get(OutputPaths.localPath(value));
        } catch (InvalidPathException e) {
            throw new UsageError(option + " " + value + ": " + e.getMessage());
        }
    }

    /** A request that cannot run; one line and {@link #EXIT_USAGE}. */
    private static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }
}
