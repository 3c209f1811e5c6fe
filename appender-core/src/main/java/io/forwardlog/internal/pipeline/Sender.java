package io.forwardlog.internal.pipeline;

import io.forwardlog.internal.balance.Backoff;
import io.forwardlog.internal.balance.Balancer;
import io.forwardlog.internal.balance.NodeChannel;
import io.forwardlog.internal.balance.NodeSet;
import io.forwardlog.internal.forward.OutboundBatch;
import io.forwardlog.internal.status.StatusReporter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The I/O side: one thread that takes batches from the accumulator (and the spool) and hands each to
 * the balancer, puts back what could not be delivered, and on stop flushes everything within the
 * shutdown timeout. {@link #runOnce()} is one round, called directly by tests.
 */
final class Sender implements Runnable {

    private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long SATURATED_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final RecordAccumulator accumulator;
    private final NodeSet nodes;
    private final SpoolBridge spool;
    private final DeliveryCounters counters;
    private final Backoff backoff;
    private final Wakeup wakeup;
    private final LongSupplier nanoTime;
    private final StatusReporter status;

    private volatile boolean closing;
    private volatile long closeDeadlineNanos;
    private volatile boolean finished;
    private int failures;
    private long retryAtNanos;

    Sender(RecordAccumulator accumulator, NodeSet nodes, SpoolBridge spool, DeliveryCounters counters, Backoff backoff,
           Wakeup wakeup, LongSupplier nanoTime, StatusReporter status) {
        this.accumulator = accumulator;
        this.nodes = nodes;
        this.spool = spool;
        this.counters = counters;
        this.backoff = backoff;
        this.wakeup = wakeup;
        this.nanoTime = nanoTime;
        this.status = status;
    }

    @Override
    public void run() {
        try {
            while (!finished) {
                runOnce();
            }
        } catch (RuntimeException | Error e) {
            status.error("the sender thread failed; buffered events are no longer sent", e);
            finished = true;
        }
    }

    /** One round: housekeeping, then at most one batch sent, or a wait for work. */
    void runOnce() {
        long now = nanoTime.getAsLong();
        List<OutboundBatch> returned = new ArrayList<>();
        String reload = nodes.apply(returned);
        if (reload != null) {
            status.info(reload);
        }
        Balancer balancer = nodes.balancer();
        balancer.maintain(returned);
        requeue(returned);
        boolean available = balancer.anyAvailable();

        if (closing && (now >= closeDeadlineNanos || !available && spool.isEnabled())) {
            finishClosing();
            return;
        }
        spool.offload(accumulator, available);
        if (!available && now < retryAtNanos) {
            wakeup.await(Math.min(retryAtNanos, closing ? closeDeadlineNanos : Long.MAX_VALUE) - now);
            return;
        }
        if (available && balancer.allSaturated()) {
            // every node's window is full: an ack (which wakes us) frees room sooner than any timer
            wakeup.await(SATURATED_WAIT_NANOS);
            return;
        }
        if (available) {
            spool.reload(accumulator);
        }
        Batch batch = accumulator.poll(now, closing);
        if (batch == null) {
            if (closing && accumulator.bufferedEvents() == 0) {
                finishClosing();
                return;
            }
            long until = Math.min(accumulator.nextFlushNanos(), now + MAX_IDLE_NANOS);
            wakeup.await(closing ? Math.min(until - now, closeDeadlineNanos - now) : until - now);
            return;
        }
        NodeChannel node = balancer.send(batch, returned);
        requeue(returned);
        if (node == null) {
            accumulator.requeueFirst(List.of(batch));
            failures++;
            retryAtNanos = now + backoff.delayNanos(failures);
            return;
        }
        failures = 0;
        retryAtNanos = 0;
        if (!node.definition().wire().requireAck()) {
            delivered(batch);
        }
    }

    /** A node took the batch (without acks) or acknowledged it. Any thread. */
    void delivered(Batch batch) {
        counters.eventsDelivered.add(batch.eventCount());
        counters.batchesDelivered.increment();
        accumulator.release(batch);
    }

    private void requeue(List<OutboundBatch> returned) {
        if (returned.isEmpty()) {
            return;
        }
        List<Batch> batches = new ArrayList<>(returned.size());
        for (OutboundBatch b : returned) {
            batches.add((Batch) b);
        }
        accumulator.requeueFirst(batches);
        returned.clear();
    }

    /** Starts the flush: from now on open batches are sent at once, until empty or {@code deadlineNanos}. */
    void beginClose(long deadlineNanos) {
        closeDeadlineNanos = deadlineNanos;
        closing = true;
        wakeup.signal();
    }

    boolean isFinished() {
        return finished;
    }

    /**
     * The end: closes every connection (in order, after what was written) and, when time ran out or no
     * node is left and a spool can keep things, spools or counts what is still here.
     */
    private void finishClosing() {
        List<Batch> left = new ArrayList<>();
        for (OutboundBatch b : nodes.closeAll()) {
            left.add((Batch) b);
        }
        left.addAll(accumulator.drainAll());
        long lost = spool.keepOrDrop(left, accumulator);
        if (lost > 0) {
            status.error("stopped with " + lost + " undelivered event" + (lost == 1 ? "" : "s") + " dropped", null);
        }
        finished = true;
    }
}
