package io.forwardlog.internal.balance;

import io.forwardlog.internal.forward.OutboundBatch;

/** Where nodes report to the pipeline. Called from ack-reader and heartbeat threads; must return quickly. */
public interface DeliverySink {

    /** A node acknowledged {@code batch}: it is delivered. */
    void acknowledged(OutboundBatch batch);

    /** Something changed that the sender thread must act on (a broken connection, a node's state). */
    void wake();
}
