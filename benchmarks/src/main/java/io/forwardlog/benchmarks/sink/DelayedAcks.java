package io.forwardlog.benchmarks.sink;

import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Sends each ack a fixed delay after its frame was read, from a thread of its own, while the
 * connection's reader goes on reading: like a server far away, or one that acks only once the chunk
 * is stored. A client that waits for each ack before the next frame pays the delay once per frame; a
 * client that keeps several frames in flight pays it about once.
 */
final class DelayedAcks implements Runnable {

    private record Pending(String chunk, long dueNanos) {
    }

    private final AckWriter writer;
    private final long delayNanos;
    private final BooleanSupplier stopping;
    private final SinkCounters counters;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

    DelayedAcks(AckWriter writer, long delayNanos, BooleanSupplier stopping, SinkCounters counters) {
        this.writer = writer;
        this.delayNanos = delayNanos;
        this.stopping = stopping;
        this.counters = counters;
    }

    /** Called by the reader when a frame with {@code chunk} has been read. */
    void schedule(String chunk) {
        queue.add(new Pending(chunk, System.nanoTime() + delayNanos));
    }

    @Override
    public void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Pending next = queue.take();
                // due times only grow, so waiting for the head never holds back a later ack
                for (long left = next.dueNanos() - System.nanoTime(); left > 0; left = next.dueNanos() - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
                writer.write(next.chunk());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (!stopping.getAsBoolean()) {
                counters.problem("sending an ack failed: " + e);
            }
        }
    }
}
