package io.forwardlog.internal.balance;

import io.forwardlog.internal.forward.OutboundBatch;
import java.util.ArrayList;
import java.util.List;

/** What a node set tells of its batches, kept for a test on the loop's thread; an unsendable batch fails the test. */
final class RecordingNodeEvents implements NodeEvents {
    final List<OutboundBatch> delivered = new ArrayList<>();
    final List<OutboundBatch> returned = new ArrayList<>();

    @Override
    public void delivered(OutboundBatch batch) {
        delivered.add(batch);
    }

    @Override
    public void returned(List<OutboundBatch> batches) {
        returned.addAll(batches);
    }

    @Override
    public void unsendable(OutboundBatch batch, String why) {
        throw new AssertionError(why);
    }
}
