package io.forwardlog.internal.balance;

import java.util.concurrent.atomic.LongAdder;

/** What one node has carried, for operators. Safe from any thread. */
final class NodeStats {

    final LongAdder batchesSent = new LongAdder();
    final LongAdder eventsSent = new LongAdder();
    final LongAdder bytesSent = new LongAdder();
    final LongAdder batchesAcked = new LongAdder();
    final LongAdder failures = new LongAdder();
    /** Connections established (TCP, TLS and the Forward handshake done): the first one and every reconnect. */
    final LongAdder connections = new LongAdder();
    /** Connections that ended in a refused or failed Forward handshake (shared key, user). */
    final LongAdder handshakeFailures = new LongAdder();
    /** Connections that ended in a failed TLS handshake. */
    final LongAdder tlsFailures = new LongAdder();
    /** The round trips of the batches acknowledged ({@link #batchesAcked} of them), added up. */
    final LongAdder ackRoundTripNanos = new LongAdder();
    /** Batches handed back by a connection that ended before delivering them, to be sent again. */
    final LongAdder resent = new LongAdder();
}
