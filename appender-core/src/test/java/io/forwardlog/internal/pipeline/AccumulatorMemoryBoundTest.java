package io.forwardlog.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import io.forwardlog.OverflowPolicy;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * bufferCapacity bounds the memory the buffer holds, whatever the number of tags: the arrays of open
 * batches count from the moment they are allocated, not only the bytes written into them. Measured as
 * the bytes the appending thread allocates, so the bound is the real heap, not a figure of our own.
 */
class AccumulatorMemoryBoundTest {

    private static final int CAPACITY = 1024 * 1024;
    private static final int CHUNK = 64 * 1024;
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void twentyThousandTagsHoldNoMoreMemoryThanTheCapacity() {
        DropCounter drops = new DropCounter();
        RecordAccumulator accumulator = new RecordAccumulator(new RecordAccumulator.Limits(CAPACITY, CHUNK,
                TimeUnit.SECONDS.toNanos(1), OverflowPolicy.DROP_NEWEST, 0), () -> 0L, drops, () -> { });
        byte[] entry = new byte[100];
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            tags.add("app.logger" + i);
        }

        long before = THREADS.getCurrentThreadAllocatedBytes();
        int buffered = 0;
        for (String tag : tags) {
            if (accumulator.append(tag, entry, 0, entry.length)) {
                buffered++;
            }
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;

        assertTrue(allocated < 2L * CAPACITY, "appending to 20,000 tags allocated " + allocated / 1024
                + " KiB with a capacity of " + CAPACITY / 1024 + " KiB");
        assertTrue(buffered > 2_500, "the buffer still holds many small batches: " + buffered);
        assertEquals(20_000 - buffered, drops.count(DropReason.BUFFER_FULL), "every other event is counted");
        assertTrue(accumulator.memoryBytes() <= CAPACITY, "held: " + accumulator.memoryBytes());
    }

    @Test
    void aDeliveredBatchGivesItsMemoryBack() {
        DropCounter drops = new DropCounter();
        RecordAccumulator accumulator = new RecordAccumulator(new RecordAccumulator.Limits(CAPACITY, CHUNK,
                TimeUnit.SECONDS.toNanos(1), OverflowPolicy.DROP_NEWEST, 0), () -> 0L, drops, () -> { });
        byte[] entry = new byte[1000];
        for (int i = 0; i < 10_000; i++) {
            accumulator.append("one", entry, 0, entry.length);
            Batch batch = accumulator.poll(0, true);
            if (batch != null && i % 2 == 0) {
                accumulator.release(batch);
            } else if (batch != null) {
                accumulator.requeueFirst(List.of(batch));
                accumulator.release(accumulator.poll(0, true));
            }
        }

        assertEquals(0, drops.total());
        assertEquals(0, accumulator.bufferedEvents());
        assertTrue(accumulator.memoryBytes() <= CAPACITY, "held: " + accumulator.memoryBytes());
    }
}
