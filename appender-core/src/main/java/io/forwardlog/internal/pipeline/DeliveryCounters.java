package io.forwardlog.internal.pipeline;

import java.util.concurrent.atomic.LongAdder;

/** Events and batches delivered, and the dropped ones by reason. Safe from any thread. */
public final class DeliveryCounters {

    final LongAdder eventsAppended = new LongAdder();
    final LongAdder eventsDelivered = new LongAdder();
    final LongAdder batchesDelivered = new LongAdder();
    final LongAdder eventsSpooled = new LongAdder();
    /** Batches a connection handed back undelivered, to be sent again. */
    final LongAdder batchesResent = new LongAdder();
    final DropCounter drops = new DropCounter();

    public long eventsAppended() {
        return eventsAppended.sum();
    }

    public long eventsDelivered() {
        return eventsDelivered.sum();
    }

    public long batchesDelivered() {
        return batchesDelivered.sum();
    }

    public long batchesResent() {
        return batchesResent.sum();
    }

    public long eventsSpooled() {
        return eventsSpooled.sum();
    }

    public DropCounter drops() {
        return drops;
    }
}
