package io.passivetcp;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import io.passivetcp.packet.TcpPacket;

/**
 * {@link CaptureMerge} with reading and decoding on a thread of their own: the calling thread only analyses. For a
 * unit that has a core to itself and a spare one beside it (one huge capture on a laptop), reading, decoding and
 * merging, about half of the work, then run beside the analysis. Packets cross in pooled batches of reused
 * records, taking over the decoded payload's array rather than copying it, so this makes no garbage per packet; the
 * analysis sees exactly the merge's packets in the merge's order.
 */
public final class PrefetchingMerge {
    /** Packets per batch handed from the reading thread to the analysing one. */
    static final int BATCH_SIZE = 512;
    /** Batches in flight: the reading thread waits for a free one beyond this. */
    static final int BATCHES = 8;

    private PrefetchingMerge() {}

    /** What the reading thread hands over: a batch's packets, or the end (with the reading's failure, if any). */
    private static final class Batch {
        final TcpPacket[] packets = new TcpPacket[BATCH_SIZE];
        int size;
        boolean last;
        Throwable failure;

        Batch() {
            for (int i = 0; i < BATCH_SIZE; i++) {
                packets[i] = new TcpPacket();
            }
        }
    }

    /** As {@link CaptureMerge#run}, with the analysis on the calling thread. */
    public static void run(List<CaptureMerge.Input> inputs, CaptureMerge.Opener opener, CaptureMerge.Analysis analysis)
            throws IOException {
        BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
        BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES);
        for (int i = 0; i < BATCHES; i++) {
            free.add(new Batch());
        }
        Thread reader = new Thread(() -> read(inputs, opener, free, full), "capture prefetch");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Batch batch = full.take();
                for (int i = 0; i < batch.size; i++) {
                    analysis.packet(batch.packets[i]);
                }
                if (batch.last) {
                    if (batch.failure instanceof IOException io) {
                        throw io;
                    } else if (batch.failure != null) {
                        throw new IllegalStateException("reading the captures failed", batch.failure);
                    }
                    break;
                }
                batch.size = 0;
                free.put(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while analysing", e);
        } finally {
            reader.interrupt();
        }
        analysis.finish();
    }

    /** The reading thread: the merge's packets copied into batches, then a last batch. */
    private static void read(List<CaptureMerge.Input> inputs, CaptureMerge.Opener opener, BlockingQueue<Batch> free,
            BlockingQueue<Batch> full) {
        Batch[] current = new Batch[1];
        try {
            current[0] = free.take();
            CaptureMerge.run(inputs, opener, new CaptureMerge.Analysis() {
                @Override
                public void packet(TcpPacket p) {
                    Batch b = current[0];
                    b.packets[b.size++].takeFrom(p);
                    if (b.size == BATCH_SIZE) {
                        handOver(full, b);
                        current[0] = take(free);
                    }
                }

                @Override
                public void finish() {
                    current[0].last = true;
                }
            });
            full.put(current[0]);
        } catch (InterruptedException | Interrupted e) {
            // the analysing thread stopped
        } catch (Throwable t) {
            Batch end = current[0] != null ? current[0] : new Batch();
            end.last = true;
            end.failure = t;
            try {
                full.put(end);
            } catch (InterruptedException stopped) {
                // the analysing thread stopped
            }
        }
    }

    private static void handOver(BlockingQueue<Batch> full, Batch b) {
        try {
            full.put(b);
        } catch (InterruptedException e) {
            throw new Interrupted();
        }
    }

    private static Batch take(BlockingQueue<Batch> free) {
        try {
            return free.take();
        } catch (InterruptedException e) {
            throw new Interrupted();
        }
    }

    /** Unwinds the reading thread out of the merge when the analysing thread has stopped. */
    private static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super(null, null, false, false);
        }
    }
}
