package io.forwardlog;

import java.util.List;
import java.util.Map;

/**
 * What an appender has done so far: every event appended is delivered, still buffered (in memory or
 * on the wire waiting for its ack), spooled, or counted as dropped with a reason.
 *
 * @param eventsAppended  events the application logged to this appender
 * @param eventsDelivered events a node took (without acks) or acknowledged
 * @param eventsBuffered  events in memory: waiting, or sent and not yet acknowledged
 * @param bytesBuffered   their encoded size
 * @param eventsSpooled   events written to the spool directory so far
 * @param batchesResent   batches a connection handed back undelivered (it broke, or their ack was overdue),
 *                        to be sent again: with acks, each may reach a node twice
 * @param eventsDropped   events dropped, by reason (e.g. {@code BUFFER_FULL}); only non-zero counts
 * @param nodes           each node's state
 */
public record PipelineStats(long eventsAppended, long eventsDelivered, long eventsBuffered, long bytesBuffered,
                            long eventsSpooled, long batchesResent, Map<String, Long> eventsDropped,
                            List<NodeStatus> nodes) {

    /** All dropped events, whatever the reason. */
    public long totalDropped() {
        return eventsDropped.values().stream().mapToLong(Long::longValue).sum();
    }
}
