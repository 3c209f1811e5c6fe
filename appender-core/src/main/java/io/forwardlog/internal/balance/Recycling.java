package io.forwardlog.internal.balance;

import java.time.Duration;
import java.util.Optional;

/**
 * When a node's data connection is replaced by a new one, so that a DNS change or a rebalancing behind
 * the host name takes effect without waiting for the connection to break. The connection replaced ends
 * in order (no new batches, its acks read, then closed), so recycling loses and repeats nothing.
 *
 * @param maxAge     {@code keepaliveTimeout}: how long a connection may stay open; empty: as long as it works
 * @param maxBatches {@code keepaliveMaxRecycle}: how many batches a connection may carry; 0: no limit
 */
public record Recycling(Optional<Duration> maxAge, int maxBatches) {

    /** Connections are kept as long as they work. */
    public static final Recycling NONE = new Recycling(Optional.empty(), 0);

    public Recycling {
        if (maxAge.isPresent() && (maxAge.get().isNegative() || maxAge.get().isZero())) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
        if (maxBatches < 0) {
            throw new IllegalArgumentException("maxBatches must not be negative");
        }
    }

    /** Whether a connection that has carried {@code batches} batches is to be replaced. */
    boolean full(int batches) {
        return maxBatches > 0 && batches >= maxBatches;
    }
}
