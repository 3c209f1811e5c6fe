package io.forwardlog.internal.balance;

import io.forwardlog.internal.forward.OutboundBatch;
import java.util.List;

/** What the nodes tell the pipeline, on the I/O thread. */
public interface NodeEvents {

    /** {@code batch} is delivered: written without an ack request, or acknowledged. */
    void delivered(OutboundBatch batch);

    /** A connection ended without delivering these batches (in send order): they are to be sent again, first. */
    void returned(List<OutboundBatch> batches);

    /** {@code batch} cannot be laid out as a frame at all; no node will ever take it. */
    void unsendable(OutboundBatch batch, String why);
}
