package io.passivetcp.job.discovery;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** How often each value was seen; ordered by value, so that everything built from it is deterministic. */
final class Counts<K extends Comparable<K>> {
    private final TreeMap<K, Long> counts = new TreeMap<>();

    void add(K value, long n) {
        counts.merge(value, n, Long::sum);
    }

    void addAll(Counts<K> other) {
        other.counts.forEach(this::add);
    }

    long get(K value) {
        return counts.getOrDefault(value, 0L);
    }

    long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The most frequent values, most frequent first, ties in value order. */
    List<Map.Entry<K, Long>> top(int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<K, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .collect(Collectors.toList());
    }

    /** {@code value xN; value xN} for the {@code n} most frequent values. */
    String describe(int n) {
        return top(n).stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining("; "));
    }
}
