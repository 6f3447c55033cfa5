package io.passivetcp.flink.live;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;

import io.passivetcp.packet.TcpPacket;

/**
 * The source reader: one fetcher thread captures the reader's interfaces ({@link InterfaceSplitReader}) and hands
 * batches of decoded packets to the task thread, which emits them. An interface split has no state beyond its name.
 */
final class LiveCaptureReader
        extends SingleThreadMultiplexSourceReaderBase<TcpPacket, TcpPacket, InterfaceSplit, InterfaceSplit> {

    LiveCaptureReader(Supplier<SplitReader<TcpPacket, InterfaceSplit>> splitReader, SourceReaderContext context) {
        super(splitReader, (packet, output, split) -> output.collect(packet), context.getConfiguration(), context);
    }

    @Override
    protected void onSplitFinished(Map<String, InterfaceSplit> finished) {}

    @Override
    protected InterfaceSplit initializedState(InterfaceSplit split) {
        return split;
    }

    @Override
    protected InterfaceSplit toSplitType(String splitId, InterfaceSplit state) {
        return state;
    }
}
