package io.forwardlog.internal.balance;

import io.forwardlog.internal.status.StatusReporter;
import io.forwardlog.internal.util.Durations;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Says what happens to the nodes, once per change: a node going down (with its error, and what
 * happens next), a node coming back, the whole upstream becoming unavailable (with each node's last
 * error) and available again; past ten nodes down at once, failures are summed up once per
 * statusInterval. Called on the I/O loop's thread.
 */
final class HealthReporter {

    private final StatusReporter status;
    private final String upstreamName;
    /** Nodes named one by one; past this many, failures are summed up. */
    private static final int NAMED_AT_MOST = 10;

    private final Map<String, String> lastReportedError = new HashMap<>();
    private boolean allDown;

    HealthReporter(StatusReporter status, String upstreamName) {
        this.status = status;
        this.upstreamName = upstreamName;
    }

    /** A node failed; {@code wentDown} tells whether it was up until now. */
    synchronized void failed(NodeChannel node, String error, boolean wentDown, List<NodeChannel> all) {
        long available = all.stream().filter(NodeChannel::isAvailable).count();
        if (wentDown || !error.equals(lastReportedError.get(node.name()))) {
            lastReportedError.put(node.name(), error);
            String next = available == 0 ? "no other node is available"
                    : "using " + available + " other node" + (available == 1 ? "" : "s");
            long down = all.size() - available;
            if (down <= NAMED_AT_MOST) {
                status.warn(node + ": " + error + "; " + next);
            } else {
                // a large upstream going down must not flood the status channel: one line per statusInterval
                status.warnLimited("nodes-down", down + " of " + all.size() + " nodes are down (the latest: " + node
                        + ": " + error + "); " + next + "; each node's state and error are in JMX");
            }
        }
        checkAllDown(all);
    }

    /**
     * A node is available again. Said at the level its failure was (the outage at error, a node at
     * warning): a framework that shows only warnings and errors, as Spring Boot does, would otherwise
     * show the outage and never its end.
     */
    synchronized void cameBack(NodeChannel node, Duration downFor, List<NodeChannel> all) {
        lastReportedError.remove(node.name());
        if (allDown) {
            allDown = false;
            status.error("upstream '" + upstreamName + "' is available again through node '" + node.name() + "'", null);
        } else {
            long available = all.stream().filter(NodeChannel::isAvailable).count();
            status.warn(node + " is back after " + Durations.format(downFor) + "; using " + available
                    + " node" + (available == 1 ? "" : "s"));
        }
    }

    private void checkAllDown(List<NodeChannel> all) {
        boolean none = all.stream().noneMatch(NodeChannel::isAvailable);
        if (none && !allDown) {
            allDown = true;
            StringJoiner errors = new StringJoiner("; ");
            int named = 0;
            for (NodeChannel node : all) {
                if (!node.isRetiring() && named++ < NAMED_AT_MOST) {
                    errors.add(node.name() + ": " + String.valueOf(node.health().lastError()));
                }
            }
            if (named > NAMED_AT_MOST) {
                errors.add("and " + (named - NAMED_AT_MOST) + " more");
            }
            status.error("no node of upstream '" + upstreamName + "' is available (" + errors
                    + "); keeping events buffered and retrying", null);
        }
    }
}
