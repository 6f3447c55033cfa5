package io.passivetcp;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a producer on a thread of its own and hands what it produces to the calling thread, in order, in pooled
 * batches: a stage of work moved beside the caller's, on a core the caller leaves idle. The batches' slots are reused
 * ({@link Store}), so a hand-off of reused records makes no garbage per item. The producer's failure is thrown on the
 * calling thread, after the items produced before it; a failure of the caller stops the producer.
 *
 * @param <T> what is handed over
 */
public final class Handoff<T> {
    /** Items per batch. */
    static final int BATCH_SIZE = 512;
    /** Batches in flight: the producer waits for a free one beyond this. */
    static final int BATCHES = 8;

    /** What a batch keeps of an item: the item itself, or a reused slot that takes it over. */
    public interface Store<T> {
        T store(T slot, T item);
    }

    /** The work on the producing thread: everything it passes to {@code sink} reaches the consumer. */
    public interface Producer<T> {
        void run(Consumer<T> sink) throws Exception;
    }

    private final class Batch {
        final T[] items;
        int size;
        boolean last;
        Throwable failure;

        @SuppressWarnings("unchecked")
        Batch(Supplier<T> slot) {
            items = (T[]) new Object[BATCH_SIZE];
            for (int i = 0; i < BATCH_SIZE; i++) {
                items[i] = slot.get();
            }
        }
    }

    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES);
    private final Store<T> store;
    /** The batch the producing thread is filling; only that thread touches it. */
    private Batch filling;

    private Handoff(Supplier<T> slot, Store<T> store) {
        this.store = store;
        for (int i = 0; i < BATCHES; i++) {
            free.add(new Batch(slot));
        }
    }

    /**
     * Runs {@code producer} on a thread named {@code threadName} and passes each item it produces to {@code consumer}
     * on the calling thread, in the order produced, until the producer returns.
     *
     * @param slot a batch slot's initial value
     * @throws IOException the producer's, or its other failure wrapped, named by {@code threadName}
     */
    public static <T> void run(String threadName, Supplier<T> slot, Store<T> store, Producer<T> producer,
            Consumer<T> consumer) throws IOException {
        new Handoff<>(slot, store).handOver(threadName, producer, consumer);
    }

    /** {@link #run(String, Supplier, Store, Producer, Consumer)} for items handed over as they are, not copied. */
    public static <T> void run(String threadName, Producer<T> producer, Consumer<T> consumer) throws IOException {
        run(threadName, () -> null, (slot, item) -> item, producer, consumer);
    }

    private void handOver(String threadName, Producer<T> producer, Consumer<T> consumer) throws IOException {
        Thread thread = new Thread(() -> produce(producer), threadName);
        thread.setDaemon(true);
        thread.start();
        try {
            while (true) {
                Batch batch = full.take();
                for (int i = 0; i < batch.size; i++) {
                    consumer.accept(batch.items[i]);
                }
                if (batch.last) {
                    if (batch.failure instanceof IOException io) {
                        throw io;
                    } else if (batch.failure != null) {
                        throw new IllegalStateException(threadName + " failed", batch.failure);
                    }
                    return;
                }
                batch.size = 0;
                free.put(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + threadName, e);
        } finally {
            thread.interrupt();
        }
    }

    /** The producing thread: items stored into batches, then a last batch with the failure, if any. */
    private void produce(Producer<T> producer) {
        try {
            filling = free.take();
            producer.run(this::add);
            filling.last = true;
            full.put(filling);
        } catch (InterruptedException | Stopped e) {
            // the consumer stopped
        } catch (Throwable t) {
            if (filling == null) {
                return;
            }
            filling.last = true;
            filling.failure = t;
            try {
                full.put(filling);
            } catch (InterruptedException stopped) {
                // the consumer stopped
            }
        }
    }

    private void add(T item) {
        Batch b = filling;
        b.items[b.size] = store.store(b.items[b.size], item);
        if (++b.size == BATCH_SIZE) {
            put(b);
            filling = take();
        }
    }

    private void put(Batch b) {
        try {
            full.put(b);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    private Batch take() {
        try {
            return free.take();
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    /** Unwinds the producer when the consumer has stopped. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }
}
