package io.forwardlog.internal.pipeline;

import io.forwardlog.internal.balance.Backoff;
import io.forwardlog.internal.balance.Balancer;
import io.forwardlog.internal.balance.Heartbeats;
import io.forwardlog.internal.balance.NodeChannel;
import io.forwardlog.internal.balance.NodeSet;
import io.forwardlog.internal.status.StatusReporter;
import io.forwardlog.internal.transport.IoLoop;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The I/O side: one thread running the appender's {@link IoLoop}. Each round it runs the work other
 * threads handed over, applies a reloaded node set, keeps the nodes (connection deadlines, failures,
 * the failure detector, heartbeats), moves batches between memory and the spool, and gives every batch
 * that is due to the node the balancer picks, as long as one can take it without waiting. Then it
 * waits for the next event: a channel ready, a wakeup, or the earliest deadline. Nothing in a round
 * waits for a node. On stop it delivers what is buffered until the shutdown deadline, ends the
 * connections in order, and spools or counts what is left.
 *
 * <p>Threads: the node set, its connections and the balancer are this thread's alone.
 * {@link #runOnce()} is one round, called directly by tests.
 */
final class Sender implements Runnable {

    /** The longest the loop sleeps without a reason to wake, so that a lost signal costs little. */
    private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How often node health is checked while heartbeats run or a node waits for its retry. */
    private static final long HEALTH_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** What the sender works with. */
    record Parts(IoLoop loop, LoopTasks tasks, RecordAccumulator accumulator, NodeSet nodes, Heartbeats heartbeats,
                 SpoolBridge spool, DeliveryCounters counters, Backoff nodeRetry, LongSupplier nanoTime,
                 StatusReporter status) {
    }

    private final Parts parts;
    private final RecordAccumulator accumulator;
    private final NodeSet nodes;
    private final LongSupplier nanoTime;

    private volatile boolean closing;
    private volatile long closeDeadlineNanos;
    private volatile boolean finished;

    Sender(Parts parts) {
        this.parts = parts;
        this.accumulator = parts.accumulator();
        this.nodes = parts.nodes();
        this.nanoTime = parts.nanoTime();
    }

    @Override
    public void run() {
        while (!finished) {
            try {
                runOnce();
            } catch (RuntimeException | IOException | Error e) {
                // no thread of ours dies: say what happened, wait a moment so a repeating failure is no hot loop, go on
                parts.status().errorLimited("sender", "the sender thread hit an unexpected error and goes on: " + e, e);
                idle(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    /** One round: handed-over work, housekeeping, the batches that can go now, then a wait for the next event. */
    void runOnce() throws IOException {
        long now = nanoTime.getAsLong();
        parts.tasks().runAll();
        String reload = nodes.apply(now);
        if (reload != null) {
            parts.status().info(reload);
        }
        Balancer balancer = nodes.balancer();
        long next = balancer.maintain(now, parts.nodeRetry());
        next = Math.min(next, nodes.retiringDeadline(now));
        if (!closing || accumulator.bufferedEvents() > 0) {
            // heartbeats bring a node back while a stop still has events for it; once all are delivered,
            // a heartbeat would only open a connection that the stop closes again
            next = Math.min(next, parts.heartbeats().run(now, balancer.nodes()));
        }
        next = Math.min(next, now + HEALTH_TICK_NANOS);
        boolean available = balancer.anyAvailable();

        if (closing && (now - closeDeadlineNanos >= 0 || !available && parts.spool().isEnabled())) {
            finishClosing();
            return;
        }
        if (!available && parts.spool().isEnabled()) {
            accumulator.sealDue(now, closing); // what no node can take now goes to disk as soon as it is due
        }
        parts.spool().offload(accumulator, available);
        if (available) {
            parts.spool().reload(accumulator);
        }
        dispatch(now, balancer);
        if (closing) {
            if (accumulator.bufferedEvents() == 0) {
                // everything is delivered: end every connection in order, so the nodes read it all
                nodes.drainAll();
                if (nodes.allClosed()) {
                    finishClosing();
                    return;
                }
            }
            next = Math.min(next, closeDeadlineNanos);
        } else {
            // a batch already due that no node took waits for a node (an I/O event, a retry, the health tick),
            // not for its flush time, which has passed: waiting for that would spin while every node is down
            long flush = accumulator.nextFlushNanos();
            if (flush - now > 0) {
                next = Math.min(next, flush);
            }
        }
        long wait = Math.min(next - nanoTime.getAsLong(), MAX_IDLE_NANOS);
        parts.loop().select(dispatchable(balancer) ? 0 : wait);
    }

    /** Gives every batch that is due to a node that can take it now. */
    private void dispatch(long now, Balancer balancer) {
        while (accumulator.hasDue(now, closing)) {
            NodeChannel node = balancer.pick();
            if (node == null) {
                // nobody can take it this moment: make sure every available node has a connection coming
                balancer.connectAvailable();
                return;
            }
            Batch batch = accumulator.poll(now, closing);
            if (batch == null) {
                return;
            }
            node.send(batch);
        }
    }

    /** Whether a batch could go out at once (a node freed up during this round). */
    private boolean dispatchable(Balancer balancer) {
        return accumulator.hasDue(nanoTime.getAsLong(), closing) && balancer.anyReady();
    }

    private void idle(long nanos) {
        try {
            parts.loop().select(nanos);
        } catch (IOException | RuntimeException ignored) {
            // the next round reports what keeps failing
        }
    }

    /** Starts the flush: from now on open batches are sent at once, until empty or {@code deadlineNanos}. */
    void beginClose(long deadlineNanos) {
        closeDeadlineNanos = deadlineNanos;
        closing = true;
        parts.loop().wakeup();
    }

    boolean isFinished() {
        return finished;
    }

    /**
     * The end: closes every connection at once (what they held comes back to the buffer), then spools
     * what is left, or counts it as dropped.
     */
    private void finishClosing() {
        nodes.abortAll();
        List<Batch> left = accumulator.drainAll();
        long lost = parts.spool().keepOrDrop(left, accumulator);
        if (lost > 0) {
            parts.status().error("stopped with " + lost + " undelivered event" + (lost == 1 ? "" : "s") + " dropped", null);
        }
        parts.heartbeats().close();
        finished = true;
    }
}
