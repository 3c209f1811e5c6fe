package io.forwardlog.internal.forward;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batches one connection has sent and not yet seen acknowledged, in send order, each with the
 * moment its ack is due. Acks are matched by chunk id, so a connection can carry several batches at
 * once instead of waiting for each ack in turn. Owned by the connection's I/O thread.
 */
final class InFlightWindow {

    /** A batch in flight: sent at {@code sentNanos}, its ack due at {@code ackDueNanos}. */
    record InFlight(OutboundBatch batch, long sentNanos, long ackDueNanos) {
    }

    private final Map<String, InFlight> byChunk = new LinkedHashMap<>();
    private int pings;

    void add(String chunkId, OutboundBatch batch, long sentNanos, long ackDueNanos) {
        byChunk.put(chunkId, new InFlight(batch, sentNanos, ackDueNanos));
        if (batch instanceof HeartbeatPing) {
            pings++;
        }
    }

    /** Returns what the ack completes, or {@code null} when no batch in flight has that id. */
    InFlight acknowledge(String chunkId) {
        InFlight done = byChunk.remove(chunkId);
        if (done == null) {
            return null;
        }
        if (done.batch() instanceof HeartbeatPing) {
            pings--;
        }
        return done;
    }

    /** Batches in flight, heartbeats included. */
    int size() {
        return byChunk.size();
    }

    /** Batches of events in flight, heartbeats left out. */
    int batches() {
        return byChunk.size() - pings;
    }

    boolean hasPing() {
        return pings > 0;
    }

    /** The earliest ack due time, or {@code Long.MAX_VALUE} when nothing is in flight. */
    long earliestAckDueNanos() {
        Iterator<InFlight> it = byChunk.values().iterator();
        return it.hasNext() ? it.next().ackDueNanos() : Long.MAX_VALUE;
    }

    /** Empties the window and hands back every batch of events still unacknowledged, in send order. */
    List<OutboundBatch> drain() {
        List<OutboundBatch> unacked = new ArrayList<>(byChunk.size());
        for (InFlight inFlight : byChunk.values()) {
            if (!(inFlight.batch() instanceof HeartbeatPing)) {
                unacked.add(inFlight.batch());
            }
        }
        byChunk.clear();
        pings = 0;
        return unacked;
    }
}
