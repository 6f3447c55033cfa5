package io.passivetcp.flink.live;

import java.util.Set;

import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.file.src.util.Pool;

import io.passivetcp.packet.TcpPacket;

/** Packets of one interface from one fetch, in pooled records that go back to the pool once emitted. */
final class PacketBatch implements RecordsWithSplitIds<TcpPacket> {
    private final String split;
    private final TcpPacket[] packets;
    private final int size;
    private final Set<String> finished;
    private final Pool.Recycler<TcpPacket[]> recycler;
    private boolean splitReturned;
    private int next;

    /**
     * @param split the interface the packets are from, or null for no packets
     * @param finished interfaces whose capture ended with this batch
     */
    PacketBatch(String split, TcpPacket[] packets, int size, Set<String> finished,
            Pool.Recycler<TcpPacket[]> recycler) {
        this.split = split;
        this.packets = packets;
        this.size = size;
        this.finished = finished;
        this.recycler = recycler;
    }

    @Override
    public String nextSplit() {
        if (splitReturned || split == null || size == 0) {
            return null;
        }
        splitReturned = true;
        return split;
    }

    @Override
    public TcpPacket nextRecordFromSplit() {
        return next < size ? packets[next++] : null;
    }

    @Override
    public Set<String> finishedSplits() {
        return finished;
    }

    @Override
    public void recycle() {
        if (packets != null) {
            recycler.recycle(packets);
        }
    }
}
