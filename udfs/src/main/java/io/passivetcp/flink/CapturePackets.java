package io.passivetcp.flink;

import java.io.IOException;

import org.apache.flink.connector.file.src.util.Pool;

import io.passivetcp.capture.CaptureIds;
import io.passivetcp.capture.CaptureRecord;
import io.passivetcp.packet.DropReason;
import io.passivetcp.packet.PacketDecoder;
import io.passivetcp.packet.TcpPacket;

/**
 * What the capture readers, of files and of interfaces, share: one capture's frames decoded into the packets that
 * leave the reader (only those p0f would process; the others are dropped here and only counted), and the pooled
 * batches of reused records they are decoded into.
 */
public final class CapturePackets {
    /** Packets per batch handed to Flink. */
    public static final int BATCH_SIZE = 256;
    /** Batches in flight per reader; the reader waits for a recycled one beyond this. */
    public static final int BATCHES = 4;
    /**
     * Packets a reader counts on its own before adding them to {@link CaptureStatistics}, whose adders every reader
     * thread shares: three contended increments per packet were 2.5% of an analysis thread's time.
     */
    static final int COUNTS_ADDED_EVERY = 1024;

    private final PacketDecoder decoder = new PacketDecoder();
    private final String capture;
    private final long captureId;
    private int read;
    private int forwarded;
    private int beyondP0f;

    /** @param capture the capture's name: a file's path, an interface's name */
    public CapturePackets(String capture) {
        this.capture = capture;
        this.captureId = CaptureIds.of(capture);
    }

    /**
     * Decodes {@code rec} into {@code out}, counting it for {@link CaptureStatistics} ({@link #addCounts}).
     *
     * @return true when {@code out} is a packet p0f would process, labelled with this capture
     */
    public boolean decode(CaptureRecord rec, TcpPacket out) {
        if (++read == COUNTS_ADDED_EVERY) {
            addCounts();
        }
        if (decoder.decode(rec, out) != DropReason.NONE) {
            return false;
        }
        out.capture = capture;
        out.captureId = captureId;
        forwarded++;
        if (decoder.beyondP0f()) {
            beyondP0f++;
        }
        return true;
    }

    /**
     * Adds the packets counted since the last call to {@link CaptureStatistics}: done every
     * {@link #COUNTS_ADDED_EVERY} packets, and to be called when the reader closes or pauses.
     */
    public void addCounts() {
        CaptureStatistics.PACKETS_READ.add(read);
        CaptureStatistics.PACKETS_FORWARDED.add(forwarded);
        CaptureStatistics.PACKETS_BEYOND_P0F.add(beyondP0f);
        read = 0;
        forwarded = 0;
        beyondP0f = 0;
    }

    /** {@link #BATCHES} batches of {@link #BATCH_SIZE} reusable packets. */
    public static Pool<TcpPacket[]> batchPool() {
        Pool<TcpPacket[]> pool = new Pool<>(BATCHES);
        for (int i = 0; i < BATCHES; i++) {
            TcpPacket[] batch = new TcpPacket[BATCH_SIZE];
            for (int j = 0; j < BATCH_SIZE; j++) {
                batch[j] = new TcpPacket();
            }
            pool.add(batch);
        }
        return pool;
    }

    /** A free batch from {@code pool}, waiting for one to be recycled when all are in flight. */
    public static TcpPacket[] take(Pool<TcpPacket[]> pool) throws IOException {
        try {
            return pool.pollEntry();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a free batch", e);
        }
    }
}
