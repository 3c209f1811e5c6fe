package io.forwardlog.internal.pipeline;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Arrays of {@code chunkSize} bytes handed back by delivered batches, so that under load a new batch
 * starts with room for a whole chunk instead of growing by copies under the accumulator's lock.
 * Holds at most {@code max} arrays; safe from any thread.
 */
final class ArrayPool {

    private final int arrayLength;
    private final int max;
    private final ConcurrentLinkedQueue<byte[]> arrays = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    ArrayPool(int arrayLength, int max) {
        this.arrayLength = arrayLength;
        this.max = max;
    }

    /** A pooled array of exactly {@code arrayLength} bytes, or {@code null}. */
    byte[] take() {
        byte[] array = arrays.poll();
        if (array != null) {
            size.decrementAndGet();
        }
        return array;
    }

    /** Keeps {@code array} for reuse if it has the pool's length and the pool has room; returns whether it did. */
    boolean give(byte[] array) {
        if (array.length != arrayLength) {
            return false;
        }
        if (size.incrementAndGet() > max) {
            size.decrementAndGet();
            return false;
        }
        arrays.offer(array);
        return true;
    }

    boolean isEmpty() {
        return size.get() == 0;
    }

    /** How many arrays it holds. */
    int size() {
        return size.get();
    }
}
