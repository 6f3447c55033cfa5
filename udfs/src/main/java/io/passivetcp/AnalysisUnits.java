package io.passivetcp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.passivetcp.host.ConnectionKey;
import io.passivetcp.packet.TcpPacket;

/**
 * Splits captures that are one vantage point (global state scope) into units that can be analysed apart: two
 * captures are in one unit when a host appears in both, directly or through other captures. No connection or host
 * then reaches from one unit into another (a connection's key holds both its hosts), so analysing each unit on its
 * own, its captures merged in packet order ({@link CaptureMerge}), gives exactly what analysing all of them together
 * gives. Archives of unrelated captures fall into many units; the rotated files of one link form one.
 *
 * <p>Finding the units reads every capture once, several at a time, and the addresses of each packet the opener
 * gives. Those may be more than the analysis keeps (any frame with IP addresses): a host the analysis never sees
 * can only join captures into one unit that could have been two, which is analysed exactly all the same.
 *
 * <p>A unit's merge holds open every capture whose packet times overlap the current one. A unit whose captures
 * overlap more than {@link #MAX_OPEN_CAPTURES} deep (e.g. thousands of sensors' captures of the same hours) is not
 * merged; its captures are left to the partitioned job, whose sort spills to disk instead.
 */
public final class AnalysisUnits {
    private AnalysisUnits() {}

    /** Captures one merge may hold open at once: each holds a read buffer and a decoder. */
    public static final int MAX_OPEN_CAPTURES = 64;

    /** The units to merge, largest first, and the captures of the units too deep to merge. */
    public record Plan(List<List<CaptureMerge.Input>> units, List<String> partitioned) {}

    /** What the split needs of a capture: the hosts of its packets and the times of its first and last. */
    private record Footprint(Set<ConnectionKey> hosts, long firstMicros, long lastMicros) {}

    /**
     * Groups {@code captures} into units, largest first (by number of captures, then by path), each unit's
     * captures in path order; the captures of units that overlap too deep are left to the partitioned job.
     *
     * @param opener opens captures without reporting anything (the analysis reports bad input); its packets must
     *     include every packet the analysis keeps, with its addresses and order time, and may include more
     * @param threads captures read at once
     */
    public static Plan of(List<String> captures, CaptureMerge.Opener opener, int threads) throws IOException {
        List<Footprint> footprints = footprints(captures, opener, threads);
        int[] parent = new int[captures.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<ConnectionKey, Integer> firstCaptureOfHost = new HashMap<>();
        for (int i = 0; i < captures.size(); i++) {
            for (ConnectionKey host : footprints.get(i).hosts()) {
                Integer other = firstCaptureOfHost.putIfAbsent(host, i);
                if (other != null) {
                    parent[root(parent, i)] = root(parent, other);
                }
            }
        }
        Map<Integer, List<Integer>> members = new TreeMap<>();
        for (int i = 0; i < captures.size(); i++) {
            members.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(i);
        }
        List<List<CaptureMerge.Input>> units = new ArrayList<>();
        List<String> partitioned = new ArrayList<>();
        for (List<Integer> unit : members.values()) {
            if (overlapDepth(unit, footprints) > MAX_OPEN_CAPTURES) {
                unit.forEach(i -> partitioned.add(captures.get(i)));
                continue;
            }
            List<CaptureMerge.Input> inputs = new ArrayList<>();
            unit.forEach(i -> inputs.add(new CaptureMerge.Input(captures.get(i), footprints.get(i).firstMicros())));
            inputs.sort(Comparator.comparing(CaptureMerge.Input::path));
            units.add(inputs);
        }
        units.sort(Comparator.<List<CaptureMerge.Input>>comparingInt(List::size).reversed()
                .thenComparing(u -> u.get(0).path()));
        Collections.sort(partitioned);
        return new Plan(units, partitioned);
    }

    /** The most captures of {@code unit} whose packet times overlap at one moment. */
    private static int overlapDepth(List<Integer> unit, List<Footprint> footprints) {
        List<long[]> edges = new ArrayList<>(); // time, +1 at a first packet, -1 after a last one
        for (int i : unit) {
            Footprint f = footprints.get(i);
            if (f.firstMicros() <= f.lastMicros()) {
                edges.add(new long[] {f.firstMicros(), 1});
                edges.add(new long[] {f.lastMicros(), -1});
            }
        }
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> -e[1]));
        int open = 0, deepest = 0;
        for (long[] e : edges) {
            open += (int) e[1];
            deepest = Math.max(deepest, open);
        }
        return deepest;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static List<Footprint> footprints(List<String> captures, CaptureMerge.Opener opener, int threads)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "capture footprints");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Footprint>> futures = new ArrayList<>();
            for (String path : captures) {
                futures.add(pool.submit(() -> footprint(path, opener)));
            }
            List<Footprint> result = new ArrayList<>();
            for (Future<Footprint> f : futures) {
                result.add(f.get());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the captures' hosts", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Footprint footprint(String path, CaptureMerge.Opener opener) throws IOException {
        Set<ConnectionKey> hosts = new HashSet<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        ConnectionKey probe = new ConnectionKey();
        try (CaptureMerge.Capture capture = opener.open(path)) {
            if (capture != null) {
                TcpPacket p = new TcpPacket();
                TcpPacket previous = new TcpPacket();
                while (capture.next(p)) {
                    first = Math.min(first, p.orderMicros);
                    last = p.orderMicros;
                    // most packets continue the previous one's connection, one way or the other: their hosts are in
                    // the set already, and comparing addresses costs less than hashing them
                    if (!sameHosts(p, previous)) {
                        addHost(hosts, probe.setHost(p.ipVersion, p.src, p.addressLength()));
                        addHost(hosts, probe.setHost(p.ipVersion, p.dst, p.addressLength()));
                        previous.ipVersion = p.ipVersion;
                        System.arraycopy(p.src, 0, previous.src, 0, p.addressLength());
                        System.arraycopy(p.dst, 0, previous.dst, 0, p.addressLength());
                    }
                }
            }
        }
        return new Footprint(hosts, first, last);
    }

    /** Whether two packets are between the same two hosts, in either direction. */
    private static boolean sameHosts(TcpPacket a, TcpPacket b) {
        int n = a.addressLength();
        if (a.ipVersion != b.ipVersion) {
            return false;
        }
        return Arrays.equals(a.src, 0, n, b.src, 0, n) && Arrays.equals(a.dst, 0, n, b.dst, 0, n)
                || Arrays.equals(a.src, 0, n, b.dst, 0, n) && Arrays.equals(a.dst, 0, n, b.src, 0, n);
    }

    private static void addHost(Set<ConnectionKey> hosts, ConnectionKey probe) {
        if (!hosts.contains(probe)) {
            hosts.add(probe.copy());
        }
    }
}
