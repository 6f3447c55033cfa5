package io.passivetcp.job.relabel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

import io.passivetcp.job.tables.TableFiles;

/**
 * {@code passivetcp relabel}: the tables of a run labelled again with another signature database, without the
 * captures. A BATCH job over the part files, one element per file: each is relabelled into the same path under the
 * output folder, so the layout (tables, date partitions, files and their row order) is kept.
 */
public final class RelabelJob {
    private RelabelJob() {}

    /** What a relabelling wrote: the rows per table folder, and the part files not read in full, in path order. */
    public record Result(Map<String, Long> rows, List<TableFiles.Unread> unread) {}

    /** Relabels {@code files} of {@code tablesDir} into {@code outDir} with the database {@code databaseText}. */
    public static Result run(StreamExecutionEnvironment env, String tablesDir, List<String> files, String outDir,
            String databaseName, String databaseText) throws Exception {
        Map<String, Long> rows = new TreeMap<>();
        List<TableFiles.Unread> unread = new ArrayList<>();
        if (files.isEmpty()) {
            return new Result(rows, unread);
        }
        try (CloseableIterator<Tuple4<String, String, Long, String>> it = env.fromData(files, Types.STRING)
                .name("part files of " + tablesDir)
                .rebalance()
                .map(new RelabelFile(tablesDir, outDir, databaseName, databaseText))
                .returns(Types.TUPLE(Types.STRING, Types.STRING, Types.LONG, Types.STRING))
                .name("relabel")
                .executeAndCollect("passivetcp relabel " + tablesDir)) {
            it.forEachRemaining(t -> {
                rows.merge(t.f1, t.f2, Long::sum);
                if (!t.f3.isEmpty()) {
                    unread.add(new TableFiles.Unread(t.f0, t.f3));
                }
            });
        }
        unread.sort(Comparator.comparing(TableFiles.Unread::path));
        return new Result(rows, unread);
    }
}
