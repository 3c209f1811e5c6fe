package io.forwardlog.benchmarks.sink;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a sink has taken in, over all its connections. Updated once per frame, never per event, so
 * that counting does not become the bottleneck it is meant to measure.
 */
final class SinkCounters {

    private final AtomicLong events = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong acks = new AtomicLong();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Object arrivals = new Object();
    private volatile long awaited = Long.MAX_VALUE;

    void frame(long eventCount) {
        frames.incrementAndGet();
        long total = events.addAndGet(eventCount);
        if (total >= awaited) {
            synchronized (arrivals) {
                arrivals.notifyAll();
            }
        }
    }

    void acked() {
        acks.incrementAndGet();
    }

    void problem(String what) {
        problems.add(what);
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
    }

    /**
     * Waits until at least {@code count} events have arrived, a problem was recorded, or the deadline
     * passes; returns whether the count was reached.
     */
    boolean await(long count, long deadlineNanos) throws InterruptedException {
        synchronized (arrivals) {
            awaited = count;
            try {
                while (events.get() < count && problems.isEmpty()) {
                    long left = deadlineNanos - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    arrivals.wait(Math.max(1, left / 1_000_000), 0);
                }
                return events.get() >= count;
            } finally {
                awaited = Long.MAX_VALUE;
            }
        }
    }

    long events() {
        return events.get();
    }

    long frames() {
        return frames.get();
    }

    long acks() {
        return acks.get();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
