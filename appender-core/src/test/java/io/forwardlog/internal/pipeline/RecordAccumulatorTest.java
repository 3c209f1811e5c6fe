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
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Time is the injected clock: a wait measured on the wall clock would last an hour, past the timeout. */
@Timeout(60)
class RecordAccumulatorTest {

    private static final long FLUSH = TimeUnit.SECONDS.toNanos(1);
    /** The memory two full batches of 50 bytes hold: the bound counts each batch's array and overhead. */
    private static final int TWO_BATCHES_OF_50 = 2 * (50 + RecordAccumulator.BATCH_OVERHEAD);
    /** Long enough that a test waiting it on the wall clock would never end. */
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    private final AtomicLong clock = new AtomicLong();
    /** How far the clock moves each time the accumulator reads it: 0 stops it. */
    private volatile long tick;
    private final DropCounter drops = new DropCounter();

    private RecordAccumulator accumulator(long capacity, int chunkSize, OverflowPolicy policy, long blockNanos) {
        return new RecordAccumulator(new RecordAccumulator.Limits(capacity, chunkSize, FLUSH, policy, blockNanos),
                () -> clock.addAndGet(tick), drops, () -> { });
    }

    /** The memory one event of {@code size} bytes holds when it fills its batch (chunkSize {@code size}). */
    private static int eventMemory(int size) {
        return size + RecordAccumulator.BATCH_OVERHEAD;
    }

    /**
     * Fills a buffer of room for exactly {@code events} events of {@code size} bytes, each a batch of its own,
     * then lets one wait for room run out on the clock.
     */
    private RecordAccumulator fullAfterAWaitRanOut(int events, int size) {
        RecordAccumulator acc = accumulator((long) events * eventMemory(size), size, OverflowPolicy.BLOCK, HOUR);
        for (int i = 0; i < events; i++) {
            assertTrue(acc.append("t", entry(size), 0, size));
        }
        tick = HOUR;
        assertFalse(acc.append("t", entry(size), 0, size));
        tick = 0;
        assertEquals(1, drops.count(DropReason.BUFFER_FULL));
        return acc;
    }

    /** Polls and releases {@code count} sealed batches, as the sender does once they are delivered. */
    private void deliver(RecordAccumulator acc, int count) {
        for (int i = 0; i < count; i++) {
            acc.release(acc.poll(clock.get(), false));
        }
    }

    private static byte[] entry(int size) {
        return new byte[size];
    }

    @Test
    void sealsABatchWhenTheNextEntryWouldPassChunkSize() {
        RecordAccumulator acc = accumulator(10_000, 100, OverflowPolicy.DROP_NEWEST, 0);

        for (int i = 0; i < 5; i++) {
            assertTrue(acc.append("t", entry(30), 0, 30));
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
        acc.append("t", entry(10), 0, 10);

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
        acc.append("a", entry(10), 0, 10);
        acc.append("b", entry(10), 0, 10);
        acc.append("a", entry(10), 0, 10);

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
            acc.append("t", entry(10), 0, 10);
        }

        for (int i = 0; i < 7; i++) {
            assertFalse(acc.append("t", entry(10), 0, 10));
        }

        assertEquals(7, drops.count(DropReason.BUFFER_FULL));
        assertEquals(10, acc.bufferedEvents());
        assertEquals(100, acc.usedBytes());
    }

    @Test
    void dropOldestEvictsTheOldestWaitingBatchAndCountsItsEvents() {
        RecordAccumulator acc = accumulator(TWO_BATCHES_OF_50, 50, OverflowPolicy.DROP_OLDEST, 0);
        for (int i = 0; i < 10; i++) {
            acc.append("t", entry(10), 0, 10);
        }

        assertTrue(acc.append("t", entry(10), 0, 10));

        assertEquals(5, drops.count(DropReason.EVICTED));
        assertEquals(6, acc.bufferedEvents());
        assertEquals(60, acc.usedBytes());
    }

    @Test
    void dropOldestCannotEvictABatchOnTheWire() {
        RecordAccumulator acc = accumulator(100 + RecordAccumulator.BATCH_OVERHEAD, 100, OverflowPolicy.DROP_OLDEST, 0);
        for (int i = 0; i < 10; i++) {
            acc.append("t", entry(10), 0, 10);
        }
        Batch onTheWire = acc.poll(clock.get(), false);
        assertEquals(10, onTheWire.eventCount());

        assertFalse(acc.append("t", entry(10), 0, 10));

        assertEquals(1, drops.count(DropReason.BUFFER_FULL));
        assertEquals(0, drops.count(DropReason.EVICTED));
    }

    @Test
    void blockWaitsForRoomAndGoesOnWhenABatchIsReleased() throws Exception {
        RecordAccumulator acc = accumulator(TWO_BATCHES_OF_50, 50, OverflowPolicy.BLOCK, HOUR);
        for (int i = 0; i < 10; i++) {
            acc.append("t", entry(10), 0, 10);
        }
        Batch sent = acc.poll(clock.get(), false);

        Caller blocked = Caller.append(acc, 10).awaitWaiting();
        acc.release(sent);

        assertTrue(blocked.result());
        assertEquals(0, drops.total());
    }

    @Test
    void blockDropsTheEventWhenBlockTimeoutPassesOnTheInjectedClock() {
        RecordAccumulator acc = accumulator(TWO_BATCHES_OF_50, 50, OverflowPolicy.BLOCK, HOUR);
        for (int i = 0; i < 10; i++) {
            acc.append("t", entry(10), 0, 10);
        }
        tick = HOUR;
        long before = clock.get();

        assertFalse(acc.append("t", entry(10), 0, 10));

        assertTrue(clock.get() - before >= HOUR, "gave up after " + (clock.get() - before) + "ns on the clock");
        assertEquals(1, drops.count(DropReason.BUFFER_FULL));
    }

    @Test
    void afterAWaitRanOutCallsThatFindNoRoomDropAtOnce() throws Exception {
        RecordAccumulator acc = fullAfterAWaitRanOut(10, 10);

        // the clock stands still: a call that waited would wait an hour
        CompletableFuture<Long> taken = CompletableFuture.supplyAsync(() -> {
            long n = 0;
            for (int i = 0; i < 1000; i++) {
                n += acc.append("t", entry(10), 0, 10) ? 1 : 0;
            }
            return n;
        });

        assertEquals(0, taken.get(30, TimeUnit.SECONDS));
        assertEquals(1001, drops.count(DropReason.BUFFER_FULL));
        assertEquals(1001, drops.total());
        assertEquals(10, acc.bufferedEvents());
    }

    @Test
    void aCallerWaitingWhenAnotherOnesWaitRunsOutGivesUpToo() throws Exception {
        RecordAccumulator acc = accumulator(TWO_BATCHES_OF_50, 50, OverflowPolicy.BLOCK, HOUR);
        for (int i = 0; i < 10; i++) {
            acc.append("t", entry(10), 0, 10);
        }
        Caller waiting = Caller.append(acc, 10).awaitWaiting();

        tick = HOUR;
        assertFalse(acc.append("t", entry(10), 0, 10));

        assertFalse(waiting.result());
        assertEquals(2, drops.count(DropReason.BUFFER_FULL));
    }

    @Test
    void afterAWaitRanOutAnEventThatFitsIsStillTaken() throws Exception {
        RecordAccumulator acc = fullAfterAWaitRanOut(10, 10);
        deliver(acc, 1);

        assertTrue(acc.append("t", entry(10), 0, 10), "10 bytes fit into the room the delivered event left");
        assertFalse(Caller.append(acc, 10).result(), "the next one finds no room and drops at once");

        assertEquals(2, drops.count(DropReason.BUFFER_FULL));
        assertEquals(10, acc.bufferedEvents());
    }

    @Test
    void blockingIsAllowedAgainOnceAQuarterOfTheBufferIsFree() throws Exception {
        // 20 events of 4 bytes, each holding 100 bytes of memory: 2,000 in all, a quarter is 500
        RecordAccumulator acc = fullAfterAWaitRanOut(20, 4);
        int free = 4 * eventMemory(4);

        deliver(acc, 4);
        assertFalse(Caller.append(acc, free - RecordAccumulator.BATCH_OVERHEAD + 1).result(),
                "with 400 of 2,000 bytes free, an event that needs 401 is dropped at once");
        deliver(acc, 1);
        Caller waiting = Caller.append(acc, free + eventMemory(4) - RecordAccumulator.BATCH_OVERHEAD + 1).awaitWaiting();
        deliver(acc, 1);

        assertTrue(waiting.result(), "with 500 of 2,000 bytes free the call waited for room, and got it");
        assertEquals(2, drops.count(DropReason.BUFFER_FULL));
    }

    @Test
    void anInterruptedCallerDropsItsEventAndTheNextCallerStillWaits() throws Exception {
        RecordAccumulator acc = accumulator(TWO_BATCHES_OF_50, 50, OverflowPolicy.BLOCK, HOUR);
        for (int i = 0; i < 10; i++) {
            acc.append("t", entry(10), 0, 10);
        }
        CompletableFuture<Boolean> interruptedStaysSet = new CompletableFuture<>();
        Thread interrupted = new Thread(() -> {
            Thread.currentThread().interrupt();
            boolean taken = acc.append("t", entry(10), 0, 10);
            interruptedStaysSet.complete(!taken && Thread.currentThread().isInterrupted());
        });
        interrupted.start();
        assertTrue(interruptedStaysSet.get(30, TimeUnit.SECONDS), "dropped, with the interrupt still set");

        Caller next = Caller.append(acc, 10).awaitWaiting();
        deliver(acc, 1);

        assertTrue(next.result());
        assertEquals(1, drops.count(DropReason.BUFFER_FULL));
    }

    @Test
    void aBlockedCallerGivesUpWhenTheBufferCloses() throws Exception {
        RecordAccumulator acc = accumulator(TWO_BATCHES_OF_50, 50, OverflowPolicy.BLOCK, HOUR);
        for (int i = 0; i < 10; i++) {
            acc.append("t", entry(10), 0, 10);
        }
        Caller blocked = Caller.append(acc, 10).awaitWaiting();

        acc.close();

        assertFalse(blocked.result());
        assertEquals(1, drops.count(DropReason.STOPPED));
    }

    @Test
    void aRequeuedBatchComesBackFirstAndKeepsItsPlace() {
        RecordAccumulator acc = accumulator(10_000, 20, OverflowPolicy.DROP_NEWEST, 0);
        for (int i = 0; i < 6; i++) {
            acc.append("t", entry(10), 0, 10);
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

        assertFalse(acc.append("t", entry(10), 0, 10));

        assertEquals(1, drops.count(DropReason.STOPPED));
    }

    @Test
    void releasingABatchFreesItsBytesAndEvents() {
        RecordAccumulator acc = accumulator(10_000, 100, OverflowPolicy.BLOCK, 0);
        acc.append("t", entry(10), 0, 10);
        Batch batch = acc.poll(clock.get(), true);

        acc.release(batch);

        assertEquals(0, acc.usedBytes());
        assertEquals(0, acc.bufferedEvents());
    }

    @Test
    void anEntryLargerThanChunkSizeTravelsAloneInItsOwnBatch() {
        RecordAccumulator acc = accumulator(10_000, 100, OverflowPolicy.BLOCK, 0);
        acc.append("t", entry(10), 0, 10);

        acc.append("t", entry(500), 0, 500);

        assertEquals(1, acc.poll(clock.get(), false).eventCount());
        Batch big = acc.poll(clock.get(), false);
        assertEquals(500, big.entriesLength());
        assertEquals(1, big.eventCount());
    }

    @Test
    void aDeliveredFullBatchLendsItsArrayToTheNextBatch() {
        RecordAccumulator acc = accumulator(10_000, 100, OverflowPolicy.BLOCK, 0);
        for (int i = 0; i < 10; i++) {
            acc.append("t", entry(10), 0, 10);
        }
        Batch full = acc.poll(clock.get(), false);
        byte[] array = full.entries();
        assertEquals(100, array.length);

        acc.release(full);
        acc.append("t", entry(10), 0, 10);

        assertSame(array, acc.poll(clock.get(), true).entries());
    }

    @Test
    void aBatchReleasedTwiceLendsItsArrayOnce() {
        RecordAccumulator acc = accumulator(10_000, 100, OverflowPolicy.BLOCK, 0);
        for (int i = 0; i < 10; i++) {
            acc.append("t", entry(10), 0, 10);
        }
        Batch full = acc.poll(clock.get(), false);
        acc.release(full);
        acc.release(full);

        acc.append("a", entry(10), 0, 10);
        acc.append("b", entry(10), 0, 10);
        List<Batch> open = acc.drainAll();

        assertFalse(open.get(0).entries() == open.get(1).entries(), "two open batches share one array");
    }

    /** One {@code append} on a thread of its own, to see whether it waits. */
    private static final class Caller {

        private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);

        private final Thread thread;
        private final CompletableFuture<Boolean> result = new CompletableFuture<>();

        private Caller(RecordAccumulator acc, int size) {
            thread = new Thread(() -> result.complete(acc.append("t", entry(size), 0, size)), "caller");
            thread.setDaemon(true);
        }

        static Caller append(RecordAccumulator acc, int size) {
            Caller caller = new Caller(acc, size);
            caller.thread.start();
            return caller;
        }

        /** Returns once the call waits for room (the accumulator's only timed wait); fails if it returned. */
        Caller awaitWaiting() {
            long deadline = System.nanoTime() + DEADLINE_NANOS;
            while (thread.getState() != Thread.State.TIMED_WAITING) {
                assertFalse(result.isDone(), "the call returned " + result.getNow(null) + " without waiting");
                assertTrue(System.nanoTime() < deadline, "the call did not wait within 30s: " + thread.getState());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            return this;
        }

        boolean result() throws Exception {
            return result.get(30, TimeUnit.SECONDS);
        }
    }
}
