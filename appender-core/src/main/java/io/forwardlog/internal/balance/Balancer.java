package io.forwardlog.internal.balance;

import java.time.Duration;
import java.util.List;

/**
 * Chooses the node for each batch — the weighted round-robin's choice among the nodes in rotation whose
 * connection can take a batch now — and applies what happens to the nodes: a failed connection takes
 * its node down at once, the failure detector and the recovery rule run at every round, and standby
 * nodes join and leave the rotation as Fluentd's {@code out_forward} has them (see
 * {@link WeightedRoundRobin}). A node that is busy (its window full, or its last frame not written yet)
 * is passed over, so one slow node never holds up the others. I/O loop thread only.
 */
public final class Balancer {

    private final List<NodeChannel> nodes;
    private final WeightedRoundRobin<NodeChannel> order;
    private final HealthReporter reporter;
    /** The rotation as the last round left it, to tell which standby nodes joined or left it since. */
    private List<NodeChannel> lastRotation;

    Balancer(List<NodeChannel> nodes, HealthReporter reporter) {
        this.nodes = List.copyOf(nodes);
        this.order = new WeightedRoundRobin<>(nodes, n -> n.definition().weight(), n -> n.definition().standby());
        this.reporter = reporter;
        this.lastRotation = rotation();
    }

    public List<NodeChannel> nodes() {
        return nodes;
    }

    /**
     * The node that takes the next batch now, or {@code null} when no available node can take one at
     * this moment (its connection is being opened, or busy) or none is available.
     */
    public NodeChannel pick() {
        return order.next(NodeChannel::isAvailable, NodeChannel::canTakeBatch);
    }

    /** Whether {@link #pick()} would return a node now; changes nothing. */
    public boolean anyReady() {
        return order.any(NodeChannel::isAvailable, NodeChannel::canTakeBatch);
    }

    /** Whether any node is in rotation, so may take batches (it may still be connecting). */
    public boolean anyAvailable() {
        return order.any(NodeChannel::isAvailable, node -> true);
    }

    /** Opens a connection to every node in rotation that has none, because batches wait. */
    public void connectAvailable() {
        for (NodeChannel node : rotation()) {
            node.ensureConnection();
        }
    }

    /** The nodes that get batches now: the available active nodes of weight above 0, and the standby nodes called in. */
    List<NodeChannel> rotation() {
        return order.inRotation(NodeChannel::isAvailable);
    }

    /**
     * The round's housekeeping at {@code nowNanos}: connection deadlines, failures reported by the
     * connections, then the failure detector and the recovery rule.
     *
     * @return the next deadline, or {@code Long.MAX_VALUE}
     */
    public long maintain(long nowNanos, Backoff backoff) {
        long next = Long.MAX_VALUE;
        for (NodeChannel node : nodes) {
            next = Math.min(next, node.poll(nowNanos));
            String failure = node.takeFailure();
            if (failure != null) {
                nodeFailed(node, failure, nowNanos);
            }
            long downSince = node.health().downSinceNanos();
            switch (node.health().tick(nowNanos, backoff)) {
                case WENT_DOWN -> {
                    node.wentDown();
                    reporter.failed(node, node.health().lastError(), true, nodes, rotation());
                }
                case CAME_BACK -> reporter.cameBack(node, Duration.ofNanos(nowNanos - downSince), rotation());
                case NONE -> { }
            }
            node.publish();
        }
        reportStandbyChanges();
        return next;
    }

    private void nodeFailed(NodeChannel node, String error, long nowNanos) {
        node.stats().failures.increment();
        boolean wentDown = node.health().failed(error, nowNanos) == NodeHealth.Change.WENT_DOWN;
        if (wentDown) {
            node.wentDown();
        }
        reporter.failed(node, error, wentDown, nodes, rotation());
    }

    /** Says which standby nodes the round called in, or sent back to standby. */
    private void reportStandbyChanges() {
        List<NodeChannel> rotation = rotation();
        if (rotation.equals(lastRotation)) {
            return;
        }
        for (NodeChannel node : rotation) {
            if (node.definition().standby() && !lastRotation.contains(node)) {
                reporter.standbyInUse(node, nodes);
            }
        }
        for (NodeChannel node : lastRotation) {
            if (node.definition().standby() && !rotation.contains(node) && node.isAvailable()) {
                reporter.standbyAgain(node);
            }
        }
        lastRotation = rotation;
    }
}
