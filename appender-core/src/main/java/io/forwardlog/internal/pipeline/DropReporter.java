package io.forwardlog.internal.pipeline;

import io.forwardlog.internal.status.StatusReporter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports dropped events: called every {@code statusInterval} and at stop, it warns only when the
 * counts changed, with the new drops, the running total and the reasons.
 */
final class DropReporter {

    private final DropCounter drops;
    private final StatusReporter status;
    private final Map<String, Long> reported = new LinkedHashMap<>();

    DropReporter(DropCounter drops, StatusReporter status) {
        this.drops = drops;
        this.status = status;
    }

    /** The dropped events by reason name, only the non-zero counts. */
    Map<String, Long> byReason() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        drops.snapshot().forEach((reason, count) -> byReason.put(reason.name(), count));
        return byReason;
    }

    synchronized void report() {
        Map<String, Long> now = byReason();
        if (now.equals(reported)) {
            return;
        }
        long total = sum(now);
        long before = sum(reported);
        reported.clear();
        reported.putAll(now);
        List<String> reasons = new ArrayList<>();
        now.forEach((reason, count) -> reasons.add(count + " " + DropReason.valueOf(reason).description()));
        status.warn((total - before) + " events dropped since the last report, " + total + " in all ("
                + String.join("; ", reasons) + ")");
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
