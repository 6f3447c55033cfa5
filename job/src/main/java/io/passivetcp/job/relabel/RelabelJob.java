package io.passivetcp.job.relabel;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * {@code passivetcp relabel}: the tables of a run labelled again with another signature database, without the
 * captures. A BATCH job over the part files, one element per file: each is relabelled into the same path under the
 * output folder, so the layout (tables, date partitions, files and their row order) is kept.
 */
public final class RelabelJob {
    private RelabelJob() {}

    /**
     * Relabels {@code files} of {@code tablesDir} into {@code outDir} with the database {@code databaseText} and
     * returns the rows written per table folder.
     */
    public static Map<String, Long> run(StreamExecutionEnvironment env, String tablesDir, List<String> files,
            String outDir, String databaseName, String databaseText) throws Exception {
        Map<String, Long> rows = new TreeMap<>();
        if (files.isEmpty()) {
            return rows;
        }
        try (CloseableIterator<Tuple2<String, Long>> it = env.fromData(files, Types.STRING)
                .name("part files of " + tablesDir)
                .rebalance()
                .map(new RelabelFile(tablesDir, outDir, databaseName, databaseText))
                .returns(Types.TUPLE(Types.STRING, Types.LONG))
                .name("relabel")
                .executeAndCollect("passivetcp relabel " + tablesDir)) {
            it.forEachRemaining(t -> rows.merge(t.f0, t.f1, Long::sum));
        }
        return rows;
    }
}
