package io.passivetcp;

import java.io.IOException;
import java.util.List;

import io.passivetcp.packet.TcpPacket;

/**
 * {@link CaptureMerge} with reading and decoding on a thread of their own: the calling thread only analyses. For a
 * unit that has a core to itself and a spare one beside it (one huge capture on a laptop), reading, decoding and
 * merging then run beside the analysis. Packets cross in pooled batches of reused records ({@link Handoff}), each
 * taking over the decoded payload's array rather than copying it, so this makes no garbage per packet; the analysis
 * sees exactly the merge's packets in the merge's order.
 */
public final class PrefetchingMerge {
    private PrefetchingMerge() {}

    /** As {@link CaptureMerge#run}, with the analysis on the calling thread. */
    public static void run(List<CaptureMerge.Input> inputs, CaptureMerge.Opener opener, CaptureMerge.Analysis analysis)
            throws IOException {
        Handoff.run("capture prefetch", TcpPacket::new, PrefetchingMerge::takeOver,
                packets -> CaptureMerge.run(inputs, opener, new CaptureMerge.Analysis() {
                    @Override
                    public void packet(TcpPacket p) {
                        packets.accept(p);
                    }

                    @Override
                    public void finish() {}
                }),
                analysis::packet);
        analysis.finish();
    }

    private static TcpPacket takeOver(TcpPacket slot, TcpPacket decoded) {
        slot.takeFrom(decoded);
        return slot;
    }
}
