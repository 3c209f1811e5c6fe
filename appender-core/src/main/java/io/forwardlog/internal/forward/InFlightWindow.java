package io.forwardlog.internal.forward;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batches one connection has sent and not yet seen acknowledged, in send order, each with the
 * moment its ack is due. Acks are matched by chunk id, so a connection can carry several batches at
 * once instead of waiting for each ack in turn. Shared by the sending thread and the ack reader.
 */
final class InFlightWindow {

    private record InFlight(OutboundBatch batch, long ackDueNanos) {
    }

    private final Map<String, InFlight> byChunk = new LinkedHashMap<>();
    private boolean closed;

    synchronized void add(String chunkId, OutboundBatch batch, long ackDueNanos) {
        byChunk.put(chunkId, new InFlight(batch, ackDueNanos));
    }

    /** Forgets a batch whose write failed, so it is not also returned by {@link #drain()}. */
    synchronized void remove(String chunkId) {
        byChunk.remove(chunkId);
        notifyAll();
    }

    /** Returns the batch the ack completes, or {@code null} when no batch in flight has that id. */
    synchronized OutboundBatch acknowledge(String chunkId) {
        InFlight done = byChunk.remove(chunkId);
        notifyAll();
        return done == null ? null : done.batch();
    }

    synchronized int size() {
        return byChunk.size();
    }

    /** The earliest ack due time, or {@code Long.MAX_VALUE} when nothing is in flight. */
    synchronized long earliestAckDueNanos() {
        Iterator<InFlight> it = byChunk.values().iterator();
        return it.hasNext() ? it.next().ackDueNanos() : Long.MAX_VALUE;
    }

    /**
     * Waits until fewer than {@code max} batches are in flight, the window is closed, or
     * {@code deadlineNanos} (on {@code System.nanoTime()}) passes.
     *
     * @return whether there is room
     */
    synchronized boolean awaitRoom(int max, long deadlineNanos) throws InterruptedException {
        while (!closed && byChunk.size() >= max) {
            long waitNanos = deadlineNanos - System.nanoTime();
            if (waitNanos <= 0) {
                return false;
            }
            long millis = Math.max(1, waitNanos / 1_000_000);
            wait(millis);
        }
        return !closed;
    }

    /** Waits until nothing is in flight or the deadline passes; returns whether the window emptied. */
    synchronized boolean awaitEmpty(long deadlineNanos) throws InterruptedException {
        while (!closed && !byChunk.isEmpty()) {
            long waitNanos = deadlineNanos - System.nanoTime();
            if (waitNanos <= 0) {
                return false;
            }
            wait(Math.max(1, waitNanos / 1_000_000));
        }
        return byChunk.isEmpty();
    }

    /**
     * Ends every wait, now and later, because no ack will come: the connection broke. The batches
     * stay until {@link #drain()}.
     */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Closes the window and hands back every batch still unacknowledged, in send order. */
    synchronized List<OutboundBatch> drain() {
        closed = true;
        List<OutboundBatch> unacked = new ArrayList<>(byChunk.size());
        for (InFlight inFlight : byChunk.values()) {
            unacked.add(inFlight.batch());
        }
        byChunk.clear();
        notifyAll();
        return unacked;
    }
}
