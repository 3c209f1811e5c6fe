package io.forwardlog.internal.balance;

import io.forwardlog.internal.forward.OutboundBatch;
import io.forwardlog.internal.status.StatusReporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * The nodes of the upstream in force, and the reload of a new node set: unchanged nodes keep their
 * connection, new nodes join, and removed or changed nodes retire — they get no new batches and close
 * once their unacknowledged batches are acknowledged (or overdue), so a reload neither loses nor
 * duplicates a batch. The switch happens on the sender thread; a reload is offered from any thread.
 */
public final class NodeSet {

    private final HealthPolicy policy;
    private final ScheduledExecutorService timer;
    private final DeliverySink sink;
    private final LongSupplier nanoTime;
    private final StatusReporter status;
    private final String pingTag;

    private volatile Balancer balancer;
    private volatile List<NodeDefinition> pending;
    private volatile String pendingName;
    private final List<NodeChannel> retiring = new ArrayList<>();

    public NodeSet(boolean heartbeats, long heartbeatIntervalNanos, boolean phiEnabled, double phiThreshold,
                   long hardTimeoutNanos, long recoverWaitNanos, ScheduledExecutorService timer, DeliverySink sink,
                   LongSupplier nanoTime, StatusReporter status, String pingTag) {
        this.policy = new HealthPolicy(heartbeats, heartbeatIntervalNanos, phiEnabled, phiThreshold,
                hardTimeoutNanos, recoverWaitNanos);
        this.timer = timer;
        this.sink = sink;
        this.nanoTime = nanoTime;
        this.status = status;
        this.pingTag = pingTag;
    }

    /** Sets the first node set. */
    public void start(String name, List<NodeDefinition> definitions) {
        List<NodeChannel> channels = new ArrayList<>();
        for (NodeDefinition definition : definitions) {
            channels.add(channel(definition));
        }
        balancer = new Balancer(channels, new HealthReporter(status, name), nanoTime);
    }

    /** The balancer over the nodes in force. */
    public Balancer balancer() {
        return balancer;
    }

    /** Every node still connected: those in force and those retiring. */
    public synchronized List<NodeChannel> all() {
        List<NodeChannel> all = new ArrayList<>(balancer.nodes());
        all.addAll(retiring);
        return all;
    }

    /** Offers a reloaded node set; the sender applies it at its next round. Any thread. */
    public void offer(String name, List<NodeDefinition> definitions) {
        pendingName = name;
        pending = List.copyOf(definitions);
        sink.wake();
    }

    /**
     * Applies an offered node set, if any, and closes retiring nodes that are settled. Sender thread.
     *
     * @param returned receives the batches retiring nodes gave back unacknowledged
     * @return a one-line summary of what changed, or {@code null} when nothing was applied
     */
    public synchronized String apply(Collection<OutboundBatch> returned) {
        String summary = null;
        List<NodeDefinition> next = pending;
        if (next != null) {
            pending = null;
            summary = switchTo(pendingName, next);
        }
        long now = nanoTime.getAsLong();
        retiring.removeIf(node -> {
            node.checkAckDeadline(now);
            if (node.inFlight() == 0 || node.connectionFailure() != null) {
                returned.addAll(node.disconnect());
                return true;
            }
            return false;
        });
        return summary;
    }

    private String switchTo(String name, List<NodeDefinition> definitions) {
        Map<String, NodeChannel> current = new HashMap<>();
        for (NodeChannel node : balancer.nodes()) {
            current.put(node.name(), node);
        }
        List<NodeChannel> channels = new ArrayList<>();
        int added = 0;
        int changed = 0;
        for (NodeDefinition definition : definitions) {
            NodeChannel existing = current.remove(definition.name());
            if (existing != null && existing.definition().source().equals(definition.source())) {
                channels.add(existing);
            } else {
                if (existing != null) {
                    existing.retire();
                    retiring.add(existing);
                    changed++;
                } else {
                    added++;
                }
                channels.add(channel(definition));
            }
        }
        for (NodeChannel removed : current.values()) {
            removed.retire();
            retiring.add(removed);
        }
        balancer = new Balancer(channels, new HealthReporter(status, name), nanoTime);
        return "upstream reloaded: " + channels.size() + " node" + (channels.size() == 1 ? "" : "s") + " ("
                + added + " added, " + changed + " changed, " + current.size() + " removed)";
    }

    private NodeChannel channel(NodeDefinition definition) {
        return new NodeChannel(definition, policy, timer, sink, nanoTime, pingTag);
    }

    /** Closes every connection, in force or retiring, and hands back the unacknowledged batches. */
    public synchronized List<OutboundBatch> closeAll() {
        List<OutboundBatch> returned = new ArrayList<>(balancer.closeAll());
        for (NodeChannel node : retiring) {
            returned.addAll(node.disconnect());
        }
        retiring.clear();
        return returned;
    }
}
