package io.forwardlog.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.OverflowPolicy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecordAccumulatorTest {

    private static final long FLUSH = TimeUnit.SECONDS.toNanos(1);
    /** The memory two full batches of 50 bytes hold: the bound counts each batch's array and overhead. */
    private static final int TWO_BATCHES_OF_50 = 2 * (50 + RecordAccumulator.BATCH_OVERHEAD);

    private final AtomicLong clock = new AtomicLong();
    private final DropCounter drops = new DropCounter();

    private RecordAccumulator accumulator(long capacity, int chunkSize, OverflowPolicy policy, long blockNanos) {
        return new RecordAccumulator(capacity, chunkSize, FLUSH, policy, blockNanos, clock::get, drops, () -> { });
    }

    private static byte[] entry(int size) {
        return new byte[size];
    }

    @Test
    void sealsABatchWhenTheNextEntryWouldPassChunkSize() {
        RecordAccumulator acc = accumulator(10_000, 100, OverflowPolicy.DROP_NEWEST, 0);

        for (int i = 0; i < 5; i++) {
            assertTrue(acc.append("t", entry(30), 30));
        }

        Batch first = acc.poll(clock.get(), false);
        assertEquals(3, first.eventCount());
        assertEquals(90, first.entriesLength());
        assertNull(acc.poll(clock.get(), false), "the second batch is still open");
        assertEquals(5, acc.bufferedEvents());
    }

    @Test
    void anEventWaitsAtMostFlushIntervalForItsBatchToFill() {
        RecordAccumulator acc = accumulator(10_000, 1000, OverflowPolicy.DROP_NEWEST, 0);
        acc.append("t", entry(10), 10);

        clock.addAndGet(FLUSH - 1);
        assertNull(acc.poll(clock.get(), false));
        assertEquals(FLUSH, acc.nextFlushNanos());
        clock.addAndGet(1);
        Batch batch = acc.poll(clock.get(), false);
        assertEquals(1, batch.eventCount());
        assertTrue(batch.isSealed());
    }

    @Test
    void keepsOneBatchPerTag() {
        RecordAccumulator acc = accumulator(10_000, 1000, OverflowPolicy.DROP_NEWEST, 0);
        acc.append("a", entry(10), 10);
        acc.append("b", entry(10), 10);
        acc.append("a", entry(10), 10);

        List<Batch> all = acc.drainAll();

        assertEquals("a", all.get(0).tag());
        assertEquals(2, all.get(0).eventCount());
        assertEquals("b", all.get(1).tag());
        assertEquals(1, all.get(1).eventCount());
    }

    @Test
    void dropNewestDropsTheNewEventAndCountsItExactly() {
        RecordAccumulator acc = accumulator(TWO_BATCHES_OF_50, 50, OverflowPolicy.DROP_NEWEST, 0);
        for (int i = 0; i < 10; i++) {
            acc.append("t", entry(10), 10);
        }

        for (int i = 0; i < 7; i++) {
            assertFalse(acc.append("t", entry(10), 10));
        }

        assertEquals(7, drops.count(DropReason.BUFFER_FULL));
        assertEquals(10, acc.bufferedEvents());
        assertEquals(100, acc.usedBytes());
    }

    @Test
    void dropOldestEvictsTheOldestWaitingBatchAndCountsItsEvents() {
        RecordAccumulator acc = accumulator(TWO_BATCHES_OF_50, 50, OverflowPolicy.DROP_OLDEST, 0);
        for (int i = 0; i < 10; i++) {
            acc.append("t", entry(10), 10);
        }

        assertTrue(acc.append("t", entry(10), 10));

        assertEquals(5, drops.count(DropReason.EVICTED));
        assertEquals(6, acc.bufferedEvents());
        assertEquals(60, acc.usedBytes());
    }

    @Test
    void dropOldestCannotEvictABatchOnTheWire() {
        RecordAccumulator acc = accumulator(100 + RecordAccumulator.BATCH_OVERHEAD, 100, OverflowPolicy.DROP_OLDEST, 0);
        for (int i = 0; i < 10; i++) {
            acc.append("t", entry(10), 10);
        }
        Batch onTheWire = acc.poll(clock.get(), false);
        assertEquals(10, onTheWire.eventCount());

        assertFalse(acc.append("t", entry(10), 10));

        assertEquals(1, drops.count(DropReason.BUFFER_FULL));
        assertEquals(0, drops.count(DropReason.EVICTED));
    }

    @Test
    void blockWaitsForRoomAndGoesOnWhenABatchIsReleased() throws Exception {
        RecordAccumulator acc = accumulator(TWO_BATCHES_OF_50, 50, OverflowPolicy.BLOCK, TimeUnit.SECONDS.toNanos(30));
        for (int i = 0; i < 10; i++) {
            acc.append("t", entry(10), 10);
        }
        Batch sent = acc.poll(clock.get(), false);

        CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(() -> acc.append("t", entry(10), 10));
        assertFalse(blocked.isDone());
        acc.release(sent);

        assertTrue(blocked.get(30, TimeUnit.SECONDS));
        assertEquals(0, drops.total());
    }

    @Test
    void blockDropsTheEventWhenBlockTimeoutPasses() {
        long timeout = TimeUnit.MILLISECONDS.toNanos(50);
        RecordAccumulator acc = accumulator(TWO_BATCHES_OF_50, 50, OverflowPolicy.BLOCK, timeout);
        for (int i = 0; i < 10; i++) {
            acc.append("t", entry(10), 10);
        }

        long start = System.nanoTime();
        assertFalse(acc.append("t", entry(10), 10));
        long waited = System.nanoTime() - start;

        assertTrue(waited >= timeout, "gave up after " + waited + "ns");
        assertEquals(1, drops.count(DropReason.BUFFER_FULL));
    }

    @Test
    void aBlockedCallerGivesUpWhenTheBufferCloses() throws Exception {
        RecordAccumulator acc = accumulator(TWO_BATCHES_OF_50, 50, OverflowPolicy.BLOCK, TimeUnit.SECONDS.toNanos(30));
        for (int i = 0; i < 10; i++) {
            acc.append("t", entry(10), 10);
        }
        CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(() -> acc.append("t", entry(10), 10));

        acc.close();

        assertFalse(blocked.get(30, TimeUnit.SECONDS));
        assertEquals(1, drops.count(DropReason.STOPPED));
    }

    @Test
    void aRequeuedBatchComesBackFirstAndKeepsItsPlace() {
        RecordAccumulator acc = accumulator(10_000, 20, OverflowPolicy.DROP_NEWEST, 0);
        for (int i = 0; i < 6; i++) {
            acc.append("t", entry(10), 10);
        }
        Batch first = acc.poll(clock.get(), false);
        Batch second = acc.poll(clock.get(), false);

        acc.requeueFirst(List.of(first, second));

        assertSame(first, acc.poll(clock.get(), false));
        assertSame(second, acc.poll(clock.get(), false));
    }

    @Test
    void appendingAfterCloseIsCountedAsStopped() {
        RecordAccumulator acc = accumulator(10_000, 100, OverflowPolicy.BLOCK, 0);
        acc.close();

        assertFalse(acc.append("t", entry(10), 10));

        assertEquals(1, drops.count(DropReason.STOPPED));
    }

    @Test
    void releasingABatchFreesItsBytesAndEvents() {
        RecordAccumulator acc = accumulator(10_000, 100, OverflowPolicy.BLOCK, 0);
        acc.append("t", entry(10), 10);
        Batch batch = acc.poll(clock.get(), true);

        acc.release(batch);

        assertEquals(0, acc.usedBytes());
        assertEquals(0, acc.bufferedEvents());
    }

    @Test
    void anEntryLargerThanChunkSizeTravelsAloneInItsOwnBatch() {
        RecordAccumulator acc = accumulator(10_000, 100, OverflowPolicy.BLOCK, 0);
        acc.append("t", entry(10), 10);

        acc.append("t", entry(500), 500);

        assertEquals(1, acc.poll(clock.get(), false).eventCount());
        Batch big = acc.poll(clock.get(), false);
        assertEquals(500, big.entriesLength());
        assertEquals(1, big.eventCount());
    }

    @Test
    void aDeliveredFullBatchLendsItsArrayToTheNextBatch() {
        RecordAccumulator acc = accumulator(10_000, 100, OverflowPolicy.BLOCK, 0);
        for (int i = 0; i < 10; i++) {
            acc.append("t", entry(10), 10);
        }
        Batch full = acc.poll(clock.get(), false);
        byte[] array = full.entries();
        assertEquals(100, array.length);

        acc.release(full);
        acc.append("t", entry(10), 10);

        assertSame(array, acc.poll(clock.get(), true).entries());
    }

    @Test
    void aBatchReleasedTwiceLendsItsArrayOnce() {
        RecordAccumulator acc = accumulator(10_000, 100, OverflowPolicy.BLOCK, 0);
        for (int i = 0; i < 10; i++) {
            acc.append("t", entry(10), 10);
        }
        Batch full = acc.poll(clock.get(), false);
        acc.release(full);
        acc.release(full);

        acc.append("a", entry(10), 10);
        acc.append("b", entry(10), 10);
        List<Batch> open = acc.drainAll();

        assertFalse(open.get(0).entries() == open.get(1).entries(), "two open batches share one array");
    }
}
