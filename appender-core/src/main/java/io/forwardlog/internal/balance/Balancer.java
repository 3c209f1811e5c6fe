package io.forwardlog.internal.balance;

import io.forwardlog.internal.forward.DeliveryException;
import io.forwardlog.internal.forward.OutboundBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Gives each batch to one node: the weighted round-robin's choice among the available nodes, and on
 * failure the next one, in the same attempt, until a node takes it or none is left. A node that
 * fails is marked down at once. Sender thread only, except the health queries.
 */
public final class Balancer {

    private final List<NodeChannel> nodes;
    private final WeightedRoundRobin<NodeChannel> order;
    private final HealthReporter reporter;
    private final LongSupplier nanoTime;

    Balancer(List<NodeChannel> nodes, HealthReporter reporter, LongSupplier nanoTime) {
        this.nodes = List.copyOf(nodes);
        this.order = new WeightedRoundRobin<>(nodes, n -> n.definition().weight(), n -> n.definition().standby());
        this.reporter = reporter;
        this.nanoTime = nanoTime;
    }

    public List<NodeChannel> nodes() {
        return nodes;
    }

    /**
     * Sends {@code batch} to the first node that takes it.
     *
     * @param returned receives the batches that failed nodes held unacknowledged, to be sent again
     * @return the node that took the batch, or {@code null} when every available node failed or none is available
     */
    public NodeChannel send(OutboundBatch batch, Collection<OutboundBatch> returned) {
        Set<NodeChannel> tried = new HashSet<>();
        while (true) {
            // a node whose connection already carries maxInFlight unacknowledged batches is passed over
            // while another can take the batch at once, so one slow node does not hold up the others
            NodeChannel node = order.next(n -> n.isAvailable() && !tried.contains(n) && !n.isSaturated());
            if (node == null) {
                node = order.next(n -> n.isAvailable() && !tried.contains(n));
            }
            if (node == null) {
                return null;
            }
            try {
                node.send(batch);
                return node;
            } catch (DeliveryException e) {
                tried.add(node);
                returned.addAll(node.disconnect());
                nodeFailed(node, e.getMessage());
            }
        }
    }

    /**
     * Whether every node that may take a batch already carries {@code maxInFlight} unacknowledged
     * ones: the sender then waits for an ack instead of blocking on one node's window.
     */
    public boolean allSaturated() {
        boolean any = false;
        for (NodeChannel node : nodes) {
            if (node.isAvailable()) {
                if (!node.isSaturated()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** Whether any node may take a batch now. */
    public boolean anyAvailable() {
        for (NodeChannel node : nodes) {
            if (node.isAvailable()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sender's housekeeping: hands back what broken connections held, closes connections of nodes
     * that went down or retired, breaks connections whose acks are overdue and sends requested pings.
     */
    public void maintain(Collection<OutboundBatch> returned) {
        long now = nanoTime.getAsLong();
        for (NodeChannel node : nodes) {
            node.checkAckDeadline(now);
            DeliveryException broken = node.connectionFailure();
            if (broken != null) {
                returned.addAll(node.disconnect());
                if (broken.kind() != DeliveryException.Kind.CLOSED) {
                    nodeFailed(node, broken.getMessage());
                }
            } else if (!node.health().isUp() && node.hasLiveConnection()) {
                returned.addAll(node.disconnect());
            }
            node.closeDrained(returned);
            node.pingIfRequested();
        }
    }

    /** Applies the failure detector and recovery rule to every node; returns whether any changed. Any thread. */
    public boolean tick(Backoff backoff) {
        long now = nanoTime.getAsLong();
        boolean changed = false;
        for (NodeChannel node : nodes) {
            long downSince = node.health().downSinceNanos();
            switch (node.health().tick(now, backoff)) {
                case WENT_DOWN -> {
                    reporter.failed(node, node.health().lastError(), true, nodes);
                    changed = true;
                }
                case CAME_BACK -> {
                    reporter.cameBack(node, Duration.ofNanos(now - downSince), nodes);
                    changed = true;
                }
                case NONE -> { }
            }
        }
        return changed;
    }

    void nodeFailed(NodeChannel node, String error) {
        node.stats().failures.increment();
        boolean wentDown = node.health().failed(error, nanoTime.getAsLong()) == NodeHealth.Change.WENT_DOWN;
        reporter.failed(node, error, wentDown, nodes);
    }

    /** Closes every connection and hands back the unacknowledged batches. */
    public List<OutboundBatch> closeAll() {
        List<OutboundBatch> returned = new ArrayList<>();
        for (NodeChannel node : nodes) {
            returned.addAll(node.disconnect());
        }
        return returned;
    }
}
