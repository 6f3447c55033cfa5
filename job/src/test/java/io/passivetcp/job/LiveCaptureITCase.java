package io.passivetcp.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.passivetcp.Observation;
import io.passivetcp.P0fConfig;
import io.passivetcp.flink.live.LiveCaptureSource;
import io.passivetcp.job.topology.JobOptions;
import io.passivetcp.live.CaptureSettings;
import io.passivetcp.output.P0fFormat;
import io.passivetcp.testutils.Root;
import io.passivetcp.testutils.SharedData;

/**
 * The live source in the real topology on a MiniCluster: a bounded capture ({@code -c}) of the loopback
 * interface ends by itself, the job flushes the events of what it captured, and libpcap's counters are gauges.
 */
class LiveCaptureITCase {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .setConfiguration(METRICS.addToConfiguration(new Configuration())).build());

    static final int SYNS = 3;

    @Test
    void aCountedCaptureEndsAndItsEventsComeOut() throws Exception {
        Root.require("LiveCaptureITCase");
        ExecutorService clients = Executors.newSingleThreadExecutor();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            // only the clients' SYNs pass, so that -c counts connections, whenever the capture starts
            CaptureSettings settings = new CaptureSettings("tcp dst port " + port + " and tcp[tcpflags] == tcp-syn",
                    false, P0fConfig.SNAPLEN);
            LiveCaptureSource live = new LiveCaptureSource(List.of("lo"), settings, SYNS, 0);
            JobOptions options = new JobOptions(List.of(), "stock p0f.fp", JobRunner.read(SharedData.stockDatabase()),
                    false, false, P0fConfig.CONN_MAX_AGE, P0fConfig.HOST_IDLE_LIMIT, null, null, null, live);
            // connect until the job has captured its SYNs and ended (the capture opens some time after the start)
            Future<?> connecting = clients.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                        server.accept().close();
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return null;
                    }
                }
                return null;
            });
            List<Observation> observations = JobRunner.run(options, 1);
            connecting.cancel(true);

            List<String> syns = observations.stream().map(P0fFormat::logLine).filter(l -> l.contains("] mod=syn|"))
                    .collect(Collectors.toList());
            assertEquals(SYNS, syns.size(), String.join("\n", syns));
            assertTrue(syns.stream().allMatch(l -> l.contains("|srv=127.0.0.1/" + port + "|")), syns.toString());

            Map<String, Long> gauges = new TreeMap<>();
            METRICS.getMetricsByGroup().forEach((group, metrics) -> metrics.forEach((name, metric) -> {
                if (name.startsWith("pcap")) {
                    gauges.put(group.getMetricIdentifier(name), (Long) ((Gauge<?>) metric).getValue());
                }
            }));
            assertEquals(3, gauges.size(), gauges.toString());
            long received = gauges.entrySet().stream().filter(e -> e.getKey().endsWith(".interface.lo.pcapReceived"))
                    .mapToLong(Map.Entry::getValue).sum();
            assertTrue(received >= SYNS, gauges.toString());
        } finally {
            clients.shutdownNow();
        }
    }
}
