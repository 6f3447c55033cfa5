package io.passivetcp.job.cli;

import java.util.List;

import io.passivetcp.flink.live.LiveCaptureSource;
import io.passivetcp.live.CaptureSettings;
import io.passivetcp.live.LiveCapture;
import io.passivetcp.live.LiveCaptureException;
import io.passivetcp.live.NetworkInterface;
import sun.misc.Signal;

/** The command line's live-capture parts: {@code -L}, checking {@code -i} before Flink starts, and Ctrl-C. */
final class LiveCommands {
    private LiveCommands() {}

    /** The largest snap length libpcap takes on Linux (MAXIMUM_SNAPLEN in pcap-int.h). */
    static final int MAX_SNAPLEN = 262144;

    /** {@code -L}: the interfaces libpcap can capture on, laid out like p0f's list. */
    static int listInterfaces() {
        List<NetworkInterface> all;
        try {
            all = LiveCapture.interfaces();
        } catch (LiveCaptureException e) {
            System.err.println("passivetcp: " + e.getMessage());
            return 1;
        }
        StringBuilder out = new StringBuilder("\n-- Available interfaces --\n");
        int i = 0;
        for (NetworkInterface n : all) {
            out.append(String.format("%n%3d: Name        : %s%n     Description : %s%n     IP address  : %s%n", i++,
                    n.name(), n.description() == null ? "-" : n.description(),
                    n.addresses().isEmpty() ? "(none)" : String.join(", ", n.addresses())));
        }
        out.append('\n');
        System.out.print(out);
        return 0;
    }

    /**
     * Opens and closes every interface with the run's settings, so that a missing libpcap or interface, missing
     * permission or a bad filter is reported in one line before any Flink work.
     */
    static void check(List<String> interfaces, CaptureSettings settings) throws LiveCaptureException {
        for (String name : interfaces) {
            LiveCapture.open(name, settings).close();
        }
    }

    /**
     * Ctrl-C (or SIGTERM) ends a capture with limits early, instead of the process: the source finishes, the job
     * flushes the events it holds and the command exits 0. A second signal exits at once. (An endless capture is
     * drained with a final savepoint instead, as every endless run is: EmbeddedRun.) A signal handler
     * (jdk.unsupported), not a shutdown hook: once hooks run, the JVM is already shutting the embedded Flink down
     * beneath the job.
     */
    static void stopOnInterrupt(LiveCaptureSource live) {
        for (String name : List.of("INT", "TERM")) {
            Signal.handle(new Signal(name), signal -> {
                if (live.stopRequested()) {
                    Runtime.getRuntime().halt(128 + signal.getNumber());
                }
                System.err.println("passivetcp: stopping the capture; once more to quit at once");
                live.stop();
            });
        }
    }
}
