package io.passivetcp.job.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.passivetcp.job.cli.PassiveTcpCommand.UsageException;
import io.passivetcp.job.relabel.RelabelJob;
import io.passivetcp.job.relabel.TablesFolder;
import io.passivetcp.job.tables.TableFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code passivetcp relabel}: the tables of a run labelled again with another signature database. */
@Command(name = "relabel", sortOptions = false,
        description = "Label the Parquet tables of a run (--out DIR) again with another signature database, without "
                + "the captures: TCP, MTU and HTTP labels are matched anew, every other table is copied; all rows "
                + "get the new db_version. A Flink BATCH job.")
final class RelabelCommand implements Callable<Integer> {

    @Option(names = "--tables", paramLabel = "DIR", required = true,
            description = "The tables to relabel: the DIR of a run's --out DIR (any Flink filesystem path).")
    String tablesDir;

    @Option(names = "--db", paramLabel = "NAME|FILE", required = true,
            description = "Signature database: passivetcp or p0f (bundled), or a file in p0f v3 syntax.")
    String database;

    @Option(names = "--out", paramLabel = "DIR2", required = true,
            description = "Where the relabelled tables go, in the same layout.")
    String outDir;

    @Option(names = {"-p", "--parallelism"}, paramLabel = "N",
            description = "Parallelism (default: Flink's parallelism.default on a cluster, the number of cores "
                    + "embedded).")
    Integer parallelism;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() throws Exception {
        DatabaseChoice db;
        List<String> files;
        StreamExecutionEnvironment env;
        try {
            if (parallelism != null && parallelism < 1) {
                throw new UsageException("-p wants a number of subtasks >= 1; got " + parallelism);
            }
            db = DatabaseChoice.resolve(database, null);
            tablesDir = OutputPaths.flinkPath(tablesDir);
            outDir = OutputPaths.flinkPath(outDir);
            OutputPaths.checkOutsideInputs("--out", outDir, "--tables", List.of(tablesDir),
                    "relabelled files would overwrite or join the files being read");
            OutputPaths.checkFileSystem("--tables", tablesDir);
            files = TablesFolder.partFiles(tablesDir);
            env = PassiveTcpCommand.environment(true, parallelism);
            if (PassiveTcpCommand.embedded(env)) {
                OutputPaths.checkFolder("--out", outDir);
            }
        } catch (UsageException | TablesFolder.NotRelabellable e) {
            System.err.println("passivetcp relabel: " + e.getMessage());
            return PassiveTcpCommand.EXIT_USAGE;
        }
        System.err.println("passivetcp relabel: " + db.summary());
        RelabelJob.Result result = RelabelJob.run(env, tablesDir, files, outDir, db.name(), db.text());
        result.unread().forEach(u -> System.err.println("[WARN] Part file not read in full: " + u.path() + ": "
                + u.reason()));
        System.err.println("passivetcp relabel: " + files.size() + " part files, rows " + result.rows() + " -> "
                + outDir);
        if (result.unread().isEmpty()) {
            return PassiveTcpCommand.EXIT_OK;
        }
        System.err.println("passivetcp relabel: " + TableFiles.summary(result.unread()));
        return PassiveTcpCommand.EXIT_INPUTS_NOT_READ;
    }
}
