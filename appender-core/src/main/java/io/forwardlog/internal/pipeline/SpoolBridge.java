package io.forwardlog.internal.pipeline;

import io.forwardlog.internal.spool.Spool;
import io.forwardlog.internal.spool.SpooledBatch;
import io.forwardlog.internal.status.StatusReporter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Moves batches between memory and the optional spool directory: out when no node is available or
 * memory passes its high-water mark, back in (oldest first, a few at a time) when a node is available,
 * and everything left at shutdown. A batch read back keeps its file until it is delivered.
 *
 * <p>Threads: used by the I/O loop's thread only (the disk I/O of the spool happens there, between rounds).
 */
final class SpoolBridge {

    /** Spool batches held in memory at once while the spool drains. */
    private static final int MAX_LOADED = 8;

    private final Spool spool;
    private final long highWaterBytes;
    private final DeliveryCounters counters;
    private final StatusReporter status;
    private final LongSupplier nanoTime;
    private final AtomicInteger loaded = new AtomicInteger();

    private SpoolBridge(Spool spool, long highWaterBytes, DeliveryCounters counters, StatusReporter status,
                        LongSupplier nanoTime) {
        this.spool = spool;
        this.highWaterBytes = highWaterBytes;
        this.counters = counters;
        this.status = status;
        this.nanoTime = nanoTime;
    }

    static SpoolBridge none(DeliveryCounters counters) {
        return new SpoolBridge(null, 0, counters, null, null);
    }

    static SpoolBridge of(Spool spool, long highWaterBytes, DeliveryCounters counters, StatusReporter status,
                          LongSupplier nanoTime) {
        return new SpoolBridge(spool, highWaterBytes, counters, status, nanoTime);
    }

    boolean isEnabled() {
        return spool != null;
    }

    /** Bytes of the spool's files; 0 without a spool. */
    long bytes() {
        return spool == null ? 0 : spool.sizeBytes();
    }

    /** The spool's files; 0 without a spool. */
    int files() {
        return spool == null ? 0 : spool.files();
    }

    /** Writes sealed batches to disk: all of them when no node is available, else those past the high-water mark. */
    void offload(RecordAccumulator accumulator, boolean nodeAvailable) {
        if (spool == null) {
            return;
        }
        if (nodeAvailable && accumulator.memoryBytes() <= highWaterBytes) {
            return;
        }
        List<Batch> batches = accumulator.takeSealedForSpool(nodeAvailable ? highWaterBytes / 2 : 0);
        for (int i = 0; i < batches.size(); i++) {
            Batch batch = batches.get(i);
            if (!write(batch)) {
                accumulator.requeueFirst(batches.subList(i, batches.size()));
                return;
            }
            accumulator.release(batch);
        }
    }

    /** Brings the oldest spooled batches back into memory, a few at a time, to be sent first. */
    void reload(RecordAccumulator accumulator) {
        if (spool == null) {
            return;
        }
        List<Batch> batches = new ArrayList<>();
        while (loaded.get() < MAX_LOADED) {
            SpooledBatch stored = spool.poll();
            if (stored == null) {
                break;
            }
            loaded.incrementAndGet();
            batches.add(Batch.sealed(stored.tag(), stored.entries(), stored.eventCount(), nanoTime.getAsLong(),
                    () -> {
                        loaded.decrementAndGet();
                        stored.delete();
                    }));
        }
        accumulator.adoptFirst(batches);
    }

    /**
     * At shutdown: writes what is left to the spool, or counts it as dropped. Batches that came from
     * the spool stay on disk untouched.
     *
     * @return the number of events dropped
     */
    long keepOrDrop(List<Batch> left, RecordAccumulator accumulator) {
        long dropped = 0;
        for (Batch batch : left) {
            if (batch.isFromSpool()) {
                continue;
            }
            if (spool != null && write(batch)) {
                accumulator.release(batch);
                continue;
            }
            DropReason reason = spool != null ? DropReason.SPOOL_FULL : DropReason.SHUTDOWN;
            counters.drops.add(reason, batch.eventCount());
            dropped += batch.eventCount();
            accumulator.release(batch);
        }
        return dropped;
    }

    private boolean write(Batch batch) {
        try {
            if (spool.write(batch.tag(), batch.entries(), batch.entriesLength(), batch.eventCount())) {
                counters.eventsSpooled.add(batch.eventCount());
                return true;
            }
            status.warnLimited("spool-full", "spoolDir is full (spoolCapacity reached); keeping events in memory");
            return false;
        } catch (IOException e) {
            status.warnLimited("spool-write", "cannot write to spoolDir: " + e.getMessage() + "; keeping events in memory");
            return false;
        }
    }

    void close() {
        if (spool != null) {
            spool.close();
        }
    }
}
