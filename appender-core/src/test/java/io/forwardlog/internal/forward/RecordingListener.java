package io.forwardlog.internal.forward;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Keeps what a connection tells its owner, in order, and lets a test wait for it with a deadline. */
class RecordingListener implements ConnectionListener {

    private final List<OutboundBatch> acknowledged = new ArrayList<>();
    private final List<DeliveryException> breaks = new ArrayList<>();
    private final List<OutboundBatch> written = new ArrayList<>();

    @Override
    public void established(ForwardConnection connection) {
    }

    @Override
    public synchronized void written(ForwardConnection connection, OutboundBatch batch) {
        written.add(batch);
        notifyAll();
    }

    @Override
    public synchronized void acknowledged(ForwardConnection connection, OutboundBatch batch) {
        acknowledged.add(batch);
        notifyAll();
    }

    @Override
    public synchronized void ended(ForwardConnection connection, DeliveryException cause) {
        if (cause != null) {
            breaks.add(cause);
        }
        notifyAll();
    }

    /** The batches sent without an ack request that left completely, in order. */
    synchronized List<OutboundBatch> written() {
        return List.copyOf(written);
    }

    /** The acknowledged batches, in the order the acks came. */
    synchronized List<OutboundBatch> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** Every failure told by {@link #ended} so far; a connection must end at most once. */
    synchronized List<DeliveryException> breaks() {
        return List.copyOf(breaks);
    }

    /** Waits until at least {@code count} batches were acknowledged and returns them all. */
    synchronized List<OutboundBatch> awaitAcknowledged(int count, Duration timeout) {
        awaitUntil(() -> acknowledged.size() >= count, timeout,
                () -> count + " acks, got " + acknowledged.size() + "; breaks: " + breaks);
        return List.copyOf(acknowledged);
    }

    /** Waits until the connection reports that it broke and returns why. */
    synchronized DeliveryException awaitBroken(Duration timeout) {
        awaitUntil(() -> !breaks.isEmpty(), timeout,
                () -> "the connection to break; acks so far: " + acknowledged.size());
        return breaks.get(0);
    }

    private void awaitUntil(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what.get());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what.get(), e);
            }
        }
    }
}
