package io.forwardlog.internal.pipeline;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts dropped events by reason; safe from any thread. */
public final class DropCounter {

    private final EnumMap<DropReason, LongAdder> counts = new EnumMap<>(DropReason.class);

    public DropCounter() {
        for (DropReason reason : DropReason.values()) {
            counts.put(reason, new LongAdder());
        }
    }

    public void add(DropReason reason, long events) {
        if (events > 0) {
            counts.get(reason).add(events);
        }
    }

    public long count(DropReason reason) {
        return counts.get(reason).sum();
    }

    public long total() {
        long total = 0;
        for (LongAdder count : counts.values()) {
            total += count.sum();
        }
        return total;
    }

    /** The non-zero counts, by reason. */
    public Map<DropReason, Long> snapshot() {
        EnumMap<DropReason, Long> snapshot = new EnumMap<>(DropReason.class);
        counts.forEach((reason, count) -> {
            long n = count.sum();
            if (n > 0) {
                snapshot.put(reason, n);
            }
        });
        return snapshot;
    }
}
