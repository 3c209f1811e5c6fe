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
 * happens next), a node coming back, a standby node called in and sent back to standby, the whole
 * upstream becoming unavailable (with each node's last error) and available again; past ten nodes down
 * at once, failures are summed up once per statusInterval. Called on the I/O loop's thread.
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

    /**
     * A node failed; {@code wentDown} tells whether it was up until now, {@code rotation} which nodes
     * take batches now that it failed.
     */
    synchronized void failed(NodeChannel node, String error, boolean wentDown, List<NodeChannel> all,
                             List<NodeChannel> rotation) {
        if (wentDown || !error.equals(lastReportedError.get(node.name()))) {
            lastReportedError.put(node.name(), error);
            int using = rotation.size();
            String next = using == 0 ? "no other node is available"
                    : "using " + using + " other node" + (using == 1 ? "" : "s");
            long down = all.stream().filter(n -> !n.isAvailable()).count();
            if (down <= NAMED_AT_MOST) {
                status.warn(node + ": " + error + "; " + next);
            } else {
                // a large upstream going down must not flood the status channel: one line per statusInterval
                status.warnLimited("nodes-down", down + " of " + all.size() + " nodes are down (the latest: " + node
                        + ": " + error + "); " + next + "; each node's state and error are in JMX");
            }
        }
        checkAllDown(all, rotation);
    }

    /**
     * A node is available again. Said at the level its failure was (the outage at error, a node at
     * warning): a framework that shows only warnings and errors, as Spring Boot does, would otherwise
     * show the outage and never its end.
     */
    synchronized void cameBack(NodeChannel node, Duration downFor, List<NodeChannel> rotation) {
        lastReportedError.remove(node.name());
        if (allDown && !rotation.isEmpty()) {
            allDown = false;
            status.error("upstream '" + upstreamName + "' is available again through node '" + node.name() + "'", null);
        } else {
            int using = rotation.size();
            status.warn(node + " is back after " + Durations.format(downFor) + "; using " + using
                    + " node" + (using == 1 ? "" : "s"));
        }
    }

    /** A standby node takes batches now, because active nodes are down: said as Fluentd's out_forward says it. */
    synchronized void standbyInUse(NodeChannel standby, List<NodeChannel> all) {
        StringJoiner down = new StringJoiner(", ");
        for (NodeChannel node : all) {
            if (!node.definition().standby() && node.definition().weight() > 0 && !node.isAvailable()) {
                down.add(node.name());
            }
        }
        status.warn("using standby " + standby + " while active nodes are down (" + down + ")");
    }

    /** A standby node takes no more batches: the active nodes it stood in for are back. */
    synchronized void standbyAgain(NodeChannel standby) {
        status.warn("standby " + standby + " is on standby again: the active nodes are back");
    }

    private void checkAllDown(List<NodeChannel> all, List<NodeChannel> rotation) {
        if (rotation.isEmpty() && !allDown) {
            allDown = true;
            StringJoiner errors = new StringJoiner("; ");
            int named = 0;
            for (NodeChannel node : all) {
                // a node of weight 0 may be up: it never takes batches, so it is not part of the outage
                if (!node.isRetiring() && !node.isAvailable() && named++ < NAMED_AT_MOST) {
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
