package io.forwardlog.internal.pipeline;

import io.forwardlog.ForwardSettings;
import io.forwardlog.OverflowPolicy;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The buffer between the callers and the sender thread, bounded in bytes. Callers append encoded
 * entries into one open batch per tag; a batch is sealed when it reaches {@code chunkSize} or when
 * its first event has waited {@code flushInterval}, and then waits in a queue for the sender. A batch
 * the sender could not deliver goes back to the head of the queue and keeps its place. When the
 * buffer is full the overflow policy decides, and every event dropped is counted with its reason.
 *
 * <p>{@code block} waits at most {@code blockTimeout} once per episode: when one caller's wait runs out,
 * the buffer counts as full, every caller then waiting gives up, and later calls that find no room
 * drop their event at once (an event that fits is still taken) until room is back, that is until at
 * least a quarter of {@code bufferCapacity} is free; then a caller may wait again.
 *
 * <p>The bound is on memory, not only on the bytes of events: every batch's array counts from the
 * moment it is allocated (a new tag's batch starts small and grows), with a fixed cost per batch, and so
 * do the arrays kept for reuse, which are the first to go when room is needed. Thousands of tags
 * therefore hold no more than {@code bufferCapacity}.
 *
 * <p>Threads: the application's threads append, the sender takes and gives back; every field is guarded
 * by {@code lock}, and nothing waits while holding it but a blocked append, on its condition.
 */
final class RecordAccumulator {

    /** The first array of a new tag's batch (unless the entry is larger): it doubles as the batch fills. */
    private static final int FIRST_ARRAY = 256;
    /** What a batch costs besides its array: the object and its place in the queue or the map of open batches. */
    static final int BATCH_OVERHEAD = 96;
    /** After a wait for room ran out, room is back once 1/{@value} of the buffer (a quarter) is free. */
    private static final int ROOM_BACK_DIVISOR = 4;
    /** How many times a log call tries the lock before it queues for it (see lockForAppend). */
    private static final int APPEND_SPINS = 64;

    private final long capacity;
    private final int chunkSize;
    private final long flushIntervalNanos;
    private final OverflowPolicy overflow;
    private final long blockTimeoutNanos;
    private final LongSupplier nanoTime;
    private final DropCounter drops;
    private final Wakeup sender;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    /** Open batches by tag, oldest first. */
    private final LinkedHashMap<String, Batch> open = new LinkedHashMap<>();
    private final ArrayDeque<Batch> sealed = new ArrayDeque<>();
    private final ArrayPool arrays;
    private long usedBytes;
    /** Arrays of the batches held, {@link #BATCH_OVERHEAD} each, and the arrays in the pool: at most {@code capacity}. */
    private long memoryBytes;
    private long bufferedEvents;
    private boolean closed;
    /**
     * Whether a wait for room ran out and room has not been back since: {@code block} then drops at once
     * instead of waiting, so that an outage costs the application one {@code blockTimeout}, not one per call.
     */
    private boolean waitRanOut;

    /**
     * What bounds the buffer and when its batches are due, from the appender's settings.
     *
     * @param capacity           {@code bufferCapacity}: the memory all batches and pooled arrays may hold
     * @param chunkSize          the largest batch, in bytes of entries
     * @param flushIntervalNanos how long a batch stays open before it is due
     * @param blockTimeoutNanos  how long {@code overflow block} waits for room
     */
    record Limits(long capacity, int chunkSize, long flushIntervalNanos, OverflowPolicy overflow,
                  long blockTimeoutNanos) {

        static Limits of(ForwardSettings settings) {
            return new Limits(settings.bufferCapacity(), (int) settings.chunkSize(), settings.flushInterval().toNanos(),
                    settings.overflow(), settings.blockTimeout().toNanos());
        }
    }

    RecordAccumulator(Limits limits, LongSupplier nanoTime, DropCounter drops, Wakeup sender) {
        this.capacity = limits.capacity();
        this.chunkSize = limits.chunkSize();
        this.flushIntervalNanos = limits.flushIntervalNanos();
        this.overflow = limits.overflow();
        this.blockTimeoutNanos = limits.blockTimeoutNanos();
        this.nanoTime = nanoTime;
        this.drops = drops;
        this.sender = sender;
        this.arrays = new ArrayPool(chunkSize, (int) Math.max(1, Math.min(16, capacity / chunkSize)));
    }

    /**
     * Adds one encoded entry, {@code length} bytes of {@code entry} from {@code offset}, to the open batch of {@code tag}. Called on the application's threads:
     * never blocks longer than the overflow policy allows, never throws.
     *
     * @return whether the event was buffered (when not, it was counted as dropped)
     */
    boolean append(String tag, byte[] entry, int offset, int length) {
        boolean wake = false;
        lockForAppend();
        try {
            if (closed) {
                drops.add(DropReason.STOPPED, 1);
                return false;
            }
            Batch batch = open.get(tag);
            if (memoryBytes + cost(batch, length) > capacity) {
                if (!makeRoom(() -> cost(open.get(tag), length))) {
                    return false;
                }
                batch = open.get(tag); // the wait may have sealed it, or evicted it
            }
            if (batch != null && batch.entriesLength() + length > chunkSize) {
                open.remove(tag);
                seal(batch);
                wake = true;
                batch = null;
            }
            if (batch == null) {
                batch = new Batch(tag, newArray(length), nanoTime.getAsLong());
                memoryBytes += BATCH_OVERHEAD;
                wake |= open.isEmpty();
                open.put(tag, batch);
            } else if (batch.room() < length) {
                grow(batch, length);
            }
            batch.add(entry, offset, length);
            usedBytes += length;
            bufferedEvents++;
            if (batch.entriesLength() >= chunkSize) {
                open.remove(tag);
                seal(batch);
                wake = true;
            }
            return true;
        } finally {
            lock.unlock();
            if (wake) {
                sender.signal();
            }
        }
    }

    /**
     * Takes the lock as a log call does: the other holders keep it for the copy of one entry or the take of
     * a batch, so a short spin usually gets it without queueing, and the caller that holds it then has
     * no parked thread to wake when it lets go; a holder that takes longer (a stop, a wait for room) makes
     * the caller queue as any lock does.
     */
    private void lockForAppend() {
        for (int spin = 0; spin < APPEND_SPINS; spin++) {
            if (lock.tryLock()) {
                return;
            }
            Thread.onSpinWait();
        }
        lock.lock();
    }

    /**
     * The memory appending {@code length} bytes to the tag's open {@code batch} ({@code null}: none) adds:
     * nothing when it has room, the growth of its array when not, and a new batch's array and overhead
     * otherwise (an array from the pool is held already). Holds the lock.
     */
    private long cost(Batch batch, int length) {
        if (batch != null && batch.entriesLength() + length <= chunkSize) {
            if (batch.room() >= length) {
                return 0;
            }
            return arrays.isEmpty() ? grownSize(batch, length) - batch.capacity() : -batch.capacity();
        }
        return BATCH_OVERHEAD + (length <= chunkSize && !arrays.isEmpty() ? 0 : firstSize(length));
    }

    private int firstSize(int length) {
        return length > chunkSize ? length : Math.min(chunkSize, Math.max(length, FIRST_ARRAY));
    }

    private int grownSize(Batch batch, int length) {
        return (int) Math.min(chunkSize, Math.max(2L * batch.capacity(), (long) batch.entriesLength() + length));
    }

    /** A chunk-sized array from the pool, or a small new one that grows as the batch fills. Holds the lock. */
    private byte[] newArray(int length) {
        if (length <= chunkSize) {
            byte[] pooled = arrays.take();
            if (pooled != null) {
                return pooled; // counted already, as the pool's
            }
        }
        byte[] array = new byte[firstSize(length)];
        memoryBytes += array.length;
        return array;
    }

    /** Gives an open batch a larger array: a pooled one when there is one, else twice as large. Holds the lock. */
    private void grow(Batch batch, int length) {
        byte[] bigger = arrays.take();
        if (bigger == null) {
            bigger = new byte[grownSize(batch, length)];
            memoryBytes += bigger.length;
        }
        memoryBytes -= batch.capacity();
        batch.moveTo(bigger);
    }

    /** Lets go of pooled arrays until {@code needed} more bytes fit, or the pool is empty. Holds the lock. */
    private boolean fitsAfterFreeingPool(long needed) {
        while (memoryBytes + needed > capacity) {
            byte[] pooled = arrays.take();
            if (pooled == null) {
                return false;
            }
            memoryBytes -= pooled.length;
        }
        return true;
    }

    /**
     * Applies the overflow policy; returns whether what the append costs ({@code cost}, computed again
     * after each wait, since the batches change meanwhile) now fits. Holds the lock.
     */
    private boolean makeRoom(LongSupplier cost) {
        if (!fitsAfterFreeingPool(cost.getAsLong())) {
            switch (overflow) {
                case DROP_OLDEST -> {
                    while (!fitsAfterFreeingPool(cost.getAsLong()) && evictOldest()) {
                        // each round frees one whole batch that is not on the wire
                    }
                }
                case BLOCK -> awaitRoom(cost);
                case DROP_NEWEST -> {
                    // nothing to do: the event is dropped below
                }
            }
        }
        if (closed || !fitsAfterFreeingPool(cost.getAsLong())) {
            drops.add(closed ? DropReason.STOPPED : DropReason.BUFFER_FULL, 1);
            return false;
        }
        return true;
    }

    /**
     * Waits until what the append costs fits, up to {@code blockTimeout} on the injected clock, unless a
     * wait already ran out and room has not been back since. Holds the lock.
     */
    private void awaitRoom(LongSupplier cost) {
        if (waitRanOut) {
            return;
        }
        long deadline = nanoTime.getAsLong() + blockTimeoutNanos;
        try {
            while (!fitsAfterFreeingPool(cost.getAsLong()) && !closed && !waitRanOut) {
                long left = deadline - nanoTime.getAsLong();
                if (left <= 0) {
                    waitRanOut = true;
                    // the other callers waiting give up too: the application waits once per episode
                    room.signalAll();
                    return;
                }
                room.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            // the caller's interrupt is theirs: keep it set, drop the event instead of throwing
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether enough is free again, after a wait for room ran out, for callers to wait once more; the
     * arrays kept for reuse count as free, since they are let go as soon as room is needed. Holds the lock.
     */
    private boolean roomIsBack() {
        long held = memoryBytes - (long) arrays.size() * chunkSize;
        return capacity - held >= capacity / ROOM_BACK_DIVISOR;
    }

    private boolean evictOldest() {
        Batch victim = sealed.pollFirst();
        if (victim == null) {
            Iterator<Batch> oldest = open.values().iterator();
            if (!oldest.hasNext()) {
                return false;
            }
            victim = oldest.next();
            oldest.remove();
        }
        forget(victim);
        drops.add(DropReason.EVICTED, victim.eventCount());
        recycle(victim);
        return true;
    }

    private void seal(Batch batch) {
        batch.seal();
        sealed.addLast(batch);
    }

    /**
     * The next batch to send: the oldest sealed one, else an open batch whose first event has waited
     * {@code flushInterval} (or any open batch when {@code flushAll}), sealed now; {@code null} if none.
     */
    Batch poll(long nowNanos, boolean flushAll) {
        lock.lock();
        try {
            Batch next = sealed.pollFirst();
            if (next != null) {
                return next;
            }
            Iterator<Batch> it = open.values().iterator();
            while (it.hasNext()) {
                Batch candidate = it.next();
                if (flushAll || nowNanos - candidate.createdNanos() >= flushIntervalNanos) {
                    it.remove();
                    candidate.seal();
                    return candidate;
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Seals the open batches that are due (all with {@code flushAll}), so that they queue with the others:
     * for the spool while no node takes batches.
     */
    void sealDue(long nowNanos, boolean flushAll) {
        lock.lock();
        try {
            Iterator<Batch> it = open.values().iterator();
            while (it.hasNext()) {
                Batch candidate = it.next();
                if (flushAll || nowNanos - candidate.createdNanos() >= flushIntervalNanos) {
                    it.remove();
                    seal(candidate);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@link #poll} would return a batch now. */
    boolean hasDue(long nowNanos, boolean flushAll) {
        lock.lock();
        try {
            if (!sealed.isEmpty()) {
                return true;
            }
            for (Batch candidate : open.values()) {
                if (flushAll || nowNanos - candidate.createdNanos() >= flushIntervalNanos) {
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** When the oldest open batch becomes due, or {@code Long.MAX_VALUE} when none is open. */
    long nextFlushNanos() {
        lock.lock();
        try {
            Iterator<Batch> it = open.values().iterator();
            long next = Long.MAX_VALUE;
            while (it.hasNext()) {
                next = Math.min(next, it.next().createdNanos() + flushIntervalNanos);
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** Puts batches back at the head of the queue, in the given order, to be sent again first. */
    void requeueFirst(List<Batch> batches) {
        if (batches.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            ListIterator<Batch> it = batches.listIterator(batches.size());
            while (it.hasPrevious()) {
                sealed.addFirst(it.previous());
            }
        } finally {
            lock.unlock();
        }
        sender.signal();
    }

    /**
     * Takes in sealed batches read back from the spool, oldest first, at the head of the queue: they
     * are older than everything in memory.
     */
    void adoptFirst(List<Batch> batches) {
        lock.lock();
        try {
            ListIterator<Batch> it = batches.listIterator(batches.size());
            while (it.hasPrevious()) {
                Batch batch = it.previous();
                usedBytes += batch.entriesLength();
                memoryBytes += batch.capacity() + BATCH_OVERHEAD;
                bufferedEvents += batch.eventCount();
                sealed.addFirst(batch);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes sealed batches that did not come from the spool, oldest first, until at most
     * {@code keepBytes} are buffered (0: all of them), for the caller to write to the spool. The bytes
     * stay counted until the caller releases or re-queues each batch.
     */
    List<Batch> takeSealedForSpool(long keepBytes) {
        lock.lock();
        try {
            List<Batch> taken = new java.util.ArrayList<>();
            long remaining = usedBytes;
            Iterator<Batch> it = sealed.iterator();
            while (it.hasNext() && (keepBytes == 0 || remaining > keepBytes)) {
                Batch batch = it.next();
                if (!batch.isFromSpool()) {
                    it.remove();
                    taken.add(batch);
                    remaining -= batch.entriesLength();
                }
            }
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** The batch is done with (delivered, spooled or dropped): its bytes are free again. */
    void release(Batch batch) {
        lock.lock();
        try {
            forget(batch);
            recycle(batch);
            if (waitRanOut && roomIsBack()) {
                waitRanOut = false;
            }
            room.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Frees the batch's memory, its array kept for reuse when the pool takes it (still counted then). Holds the lock. */
    private void recycle(Batch batch) {
        if (batch.released()) {
            memoryBytes -= BATCH_OVERHEAD;
            if (!arrays.give(batch.entries())) {
                memoryBytes -= batch.capacity();
            }
        }
    }

    private void forget(Batch batch) {
        usedBytes -= batch.entriesLength();
        bufferedEvents -= batch.eventCount();
    }

    /** Stops taking events; callers blocked for room give up. */
    void close() {
        lock.lock();
        try {
            closed = true;
            room.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns every batch still here, sealed or open, oldest first (for shutdown). */
    List<Batch> drainAll() {
        lock.lock();
        try {
            List<Batch> all = new java.util.ArrayList<>(sealed);
            sealed.clear();
            for (Map.Entry<String, Batch> entry : open.entrySet()) {
                entry.getValue().seal();
                all.add(entry.getValue());
            }
            open.clear();
            return all;
        } finally {
            lock.unlock();
        }
    }

    /** The memory held: what {@code bufferCapacity} bounds. */
    long memoryBytes() {
        lock.lock();
        try {
            return memoryBytes;
        } finally {
            lock.unlock();
        }
    }

    long usedBytes() {
        lock.lock();
        try {
            return usedBytes;
        } finally {
            lock.unlock();
        }
    }

    long bufferedEvents() {
        lock.lock();
        try {
            return bufferedEvents;
        } finally {
            lock.unlock();
        }
    }
}
