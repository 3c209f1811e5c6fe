package io.forwardlog.internal.balance;

import java.util.concurrent.atomic.LongAdder;

/** What one node has carried, for operators. Safe from any thread. */
final class NodeStats {

    final LongAdder batchesSent = new LongAdder();
    final LongAdder eventsSent = new LongAdder();
    final LongAdder bytesSent = new LongAdder();
    final LongAdder batchesAcked = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder connections = new LongAdder();
    /** Batches handed back by a connection that ended before delivering them, to be sent again. */
    final LongAdder resent = new LongAdder();
}
