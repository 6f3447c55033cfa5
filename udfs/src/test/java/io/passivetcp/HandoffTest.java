package io.passivetcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** A producer's items reach the calling thread in order, with its failure after them; a failed caller stops it. */
class HandoffTest {
    private static final int ITEMS = Handoff.BATCH_SIZE * (Handoff.BATCHES + 3) + 17;

    @Test
    void itemsArriveInOrderOnTheCallingThread() throws IOException {
        List<Integer> seen = new ArrayList<>();
        Thread caller = Thread.currentThread();
        Handoff.<Integer>run("numbers", () -> null, (slot, item) -> item, sink -> {
            for (int i = 0; i < ITEMS; i++) {
                sink.accept(i);
            }
        }, item -> {
            assertSame(caller, Thread.currentThread());
            seen.add(item);
        });
        assertEquals(ITEMS, seen.size());
        for (int i = 0; i < ITEMS; i++) {
            assertEquals(i, seen.get(i));
        }
    }

    @Test
    void reusedSlotsTakeEachItemOver() throws IOException {
        List<Integer> seen = new ArrayList<>();
        Handoff.<int[]>run("reused", () -> new int[1], (slot, item) -> {
            slot[0] = item[0];
            return slot;
        }, sink -> {
            int[] reused = new int[1];
            for (int i = 0; i < ITEMS; i++) {
                reused[0] = i; // the producer overwrites its own record at once
                sink.accept(reused);
            }
        }, item -> seen.add(item[0]));
        for (int i = 0; i < ITEMS; i++) {
            assertEquals(i, seen.get(i));
        }
    }

    @Test
    void theProducersFailureComesAfterItsItems() {
        List<Integer> seen = new ArrayList<>();
        IOException io = assertThrows(IOException.class, () -> Handoff.<Integer>run("failing", () -> null,
                (slot, item) -> item, sink -> {
                    for (int i = 0; i < ITEMS; i++) {
                        sink.accept(i);
                    }
                    throw new IOException("damaged");
                }, seen::add));
        assertEquals("damaged", io.getMessage());
        assertEquals(ITEMS, seen.size());

        IllegalStateException other = assertThrows(IllegalStateException.class, () -> Handoff.<Integer>run(
                "engine", () -> null, (slot, item) -> item, sink -> {
                    throw new ArithmeticException("bug");
                }, item -> {}));
        assertEquals("engine failed", other.getMessage());
        assertTrue(other.getCause() instanceof ArithmeticException);
    }

    @Test
    void aFailedConsumerStopsTheProducer() throws InterruptedException {
        AtomicReference<Thread> producer = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        assertThrows(IllegalArgumentException.class, () -> Handoff.<Integer>run("endless", () -> null,
                (slot, item) -> item, sink -> {
                    producer.set(Thread.currentThread());
                    try {
                        for (int i = 0; ; i++) {
                            sink.accept(i);
                        }
                    } finally {
                        stopped.countDown();
                    }
                }, item -> {
                    if (item == 3 * Handoff.BATCH_SIZE) {
                        throw new IllegalArgumentException("downstream failed");
                    }
                }));
        assertTrue(stopped.await(10, TimeUnit.SECONDS), "the producer was not stopped");
        producer.get().join(10_000);
        assertFalse(producer.get().isAlive(), "the producer still runs");
    }
}
