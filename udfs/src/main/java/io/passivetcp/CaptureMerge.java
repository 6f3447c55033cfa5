package io.passivetcp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import io.passivetcp.capture.CaptureIds;
import io.passivetcp.packet.TcpPacket;

/**
 * Feeds the packets of several captures to one {@link CaptureAnalysis} in packet order: by
 * {@link TcpPacket#orderMicros}, then capture, then position, the order in which the partitioned job applies a
 * connection's packets and a host's events. Over captures that share hosts, this is what the job's global state
 * scope means, computed in one place.
 *
 * <p>A capture is opened only once the merge reaches its first packet time, so a long series of rotated captures
 * holds open only those whose times overlap.
 */
public final class CaptureMerge {
    private static final Comparator<Cursor> PACKET_ORDER = Comparator.<Cursor>comparingLong(c -> c.packet.orderMicros)
            .thenComparingLong(c -> c.packet.captureId)
            .thenComparingLong(c -> c.packet.ordinal);

    private CaptureMerge() {}

    /** The packets of one capture that p0f would process, in capture order. */
    public interface Capture extends AutoCloseable {
        /** Decodes the next such packet into {@code into}; false at the end of the capture. */
        boolean next(TcpPacket into) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** Opens captures by path. */
    public interface Opener {
        /** The capture at {@code path}, or null when it holds nothing to read (reported by the opener). */
        Capture open(String path) throws IOException;
    }

    /** Where the merged packets go. */
    public interface Analysis {
        /** The next packet, its capture set; reused after the call. */
        void packet(TcpPacket p);

        /** The end of the merged packets. */
        void finish();
    }

    /** A capture of the merge and the time of its first record, before which it has no packet. */
    public record Input(String path, long firstMicros) {}

    /** Runs {@code analysis} over the packets of {@code inputs}, then {@link Analysis#finish finishes} it. */
    public static void run(List<Input> inputs, Opener opener, Analysis analysis) throws IOException {
        List<Input> waiting = new ArrayList<>(inputs);
        waiting.sort(Comparator.comparingLong(Input::firstMicros).reversed()); // the next to open is last
        PriorityQueue<Cursor> open = new PriorityQueue<>(PACKET_ORDER);
        try {
            while (true) {
                // everything that may hold a packet before the earliest open one is opened first
                while (!waiting.isEmpty() && (open.isEmpty()
                        || waiting.get(waiting.size() - 1).firstMicros() <= open.peek().packet.orderMicros)) {
                    Cursor c = Cursor.open(waiting.remove(waiting.size() - 1).path(), opener);
                    if (c != null) {
                        open.add(c);
                    }
                }
                Cursor next = open.poll();
                if (next == null) {
                    break;
                }
                analysis.packet(next.packet);
                if (next.advance()) {
                    open.add(next);
                } else {
                    next.capture.close();
                }
            }
            analysis.finish();
        } finally {
            for (Cursor c : open) {
                c.capture.close();
            }
        }
    }

    /** An open capture and its next packet. */
    private static final class Cursor {
        final Capture capture;
        final String path;
        final long captureId;
        final TcpPacket packet = new TcpPacket();

        private Cursor(Capture capture, String path) {
            this.capture = capture;
            this.path = path;
            this.captureId = CaptureIds.of(path);
        }

        /** The capture at its first packet, or null when it has none. */
        static Cursor open(String path, Opener opener) throws IOException {
            Capture capture = opener.open(path);
            if (capture == null) {
                return null;
            }
            Cursor c = new Cursor(capture, path);
            if (c.advance()) {
                return c;
            }
            capture.close();
            return null;
        }

        boolean advance() throws IOException {
            if (!capture.next(packet)) {
                return false;
            }
            packet.capture = path;
            packet.captureId = captureId;
            return true;
        }
    }
}
