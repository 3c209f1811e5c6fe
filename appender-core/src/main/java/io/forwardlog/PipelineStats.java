package io.forwardlog;

import io.forwardlog.internal.pipeline.DropReason;
import java.util.Arrays;
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
 * @param bufferUsed      the memory the buffer holds for them (their batches' arrays, with a fixed cost per batch,
 *                        and arrays kept for reuse): what {@code bufferCapacity} bounds
 * @param bufferCapacity  {@code bufferCapacity}, in bytes
 * @param eventsSpooled   events written to the spool directory so far
 * @param spoolBytes      bytes of the files in the spool directory now; 0 without {@code spoolDir}
 * @param spoolFiles      files (one batch each) in the spool directory now
 * @param batchesResent   batches a connection handed back undelivered (it broke, or their ack was overdue),
 *                        to be sent again: with acks, each may reach a node twice
 * @param eventsDropped   events dropped, by reason (e.g. {@code BUFFER_FULL}); only non-zero counts
 * @param nodes           each node's state
 */
public record PipelineStats(long eventsAppended, long eventsDelivered, long eventsBuffered, long bytesBuffered,
                            long bufferUsed, long bufferCapacity, long eventsSpooled, long spoolBytes, int spoolFiles,
                            long batchesResent, Map<String, Long> eventsDropped, List<NodeStatus> nodes) {

    /** Every reason an event can be dropped for, the keys of {@link #eventsDropped()}. */
    public static final List<String> DROP_REASONS = Arrays.stream(DropReason.values()).map(Enum::name).toList();

    /** All dropped events, whatever the reason. */
    public long totalDropped() {
        return eventsDropped.values().stream().mapToLong(Long::longValue).sum();
    }
}
