package io.passivetcp.output;

import java.util.Comparator;

/**
 * What puts an output record in p0f's output order: packet order (see
 * {@link io.passivetcp.packet.TcpPacket#orderMicros}), capture, position in the capture, then p0f's print order
 * within the packet (step, then module).
 */
public interface OutputOrdered {
    Comparator<OutputOrdered> OUTPUT_ORDER = Comparator.comparingLong(OutputOrdered::orderMicros)
            .thenComparingLong(OutputOrdered::captureId)
            .thenComparingLong(OutputOrdered::ordinal)
            .thenComparingInt(OutputOrdered::step)
            .thenComparing(OutputOrdered::module);

    long orderMicros();

    long captureId();

    long ordinal();

    int step();

    String module();

    /** Bytes of text the record carries, which bound the size of an {@link OrderedRun}; none by default. */
    default int textBytes() {
        return 0;
    }
}
