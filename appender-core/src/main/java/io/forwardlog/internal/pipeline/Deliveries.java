package io.forwardlog.internal.pipeline;

import io.forwardlog.internal.balance.NodeEvents;
import io.forwardlog.internal.forward.OutboundBatch;
import io.forwardlog.internal.status.StatusReporter;
import java.util.ArrayList;
import java.util.List;

/**
 * What becomes of batches once a node had them: delivered and released, or back at the head of the queue.
 * Called on the I/O loop's thread; the accumulator and counters it updates are safe from any thread.
 */
final class Deliveries implements NodeEvents {

    private final RecordAccumulator accumulator;
    private final DeliveryCounters counters;
    private final StatusReporter status;

    Deliveries(RecordAccumulator accumulator, DeliveryCounters counters, StatusReporter status) {
        this.accumulator = accumulator;
        this.counters = counters;
        this.status = status;
    }

    @Override
    public void delivered(OutboundBatch batch) {
        counters.eventsDelivered.add(batch.eventCount());
        counters.batchesDelivered.increment();
        accumulator.release((Batch) batch);
    }

    @Override
    public void returned(List<OutboundBatch> batches) {
        List<Batch> back = new ArrayList<>(batches.size());
        for (OutboundBatch batch : batches) {
            back.add((Batch) batch);
        }
        counters.batchesResent.add(back.size());
        accumulator.requeueFirst(back);
    }

    @Override
    public void unsendable(OutboundBatch batch, String why) {
        counters.drops.add(DropReason.UNENCODABLE, batch.eventCount());
        accumulator.release((Batch) batch);
        status.warnLimited("unsendable", "a batch of " + batch.eventCount() + " events cannot be sent and was dropped: " + why);
    }
}
