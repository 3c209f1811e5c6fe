package io.forwardlog.internal.balance;

import io.forwardlog.internal.status.StatusReporter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The nodes of the upstream in force, and the switch to a reloaded node set: unchanged nodes keep their
 * connection, new nodes join, and removed or changed nodes retire — they get no new batches and close
 * once their unacknowledged batches are acknowledged (or overdue), so a reload neither loses nor
 * duplicates a batch.
 *
 * <p>Threads: the node set belongs to the I/O loop's thread. {@link #offer} may be called from any
 * thread (the reload check) and takes effect at the loop's next {@link #apply}; {@link #all()} returns
 * an immutable snapshot the loop publishes.
 */
public final class NodeSet {

    /** What every node of a set is built with. */
    public record Parts(HealthPolicy policy, Connector connector, NodeEvents events, StatusReporter status,
                        LongSupplier nanoTime, String pingTag) {
    }

    private record Offer(String name, List<NodeDefinition> definitions) {
    }

    private final Parts parts;
    private final Runnable wakeLoop;
    private Balancer balancer;
    private final List<NodeChannel> retiring = new ArrayList<>();
    private volatile List<NodeChannel> all = List.of();
    private volatile String name = "";
    private volatile Offer pending;

    /** @param wakeLoop makes the loop run {@link #apply} soon */
    public NodeSet(Parts parts, Runnable wakeLoop) {
        this.parts = parts;
        this.wakeLoop = wakeLoop;
    }

    /** Sets the first node set. */
    public void start(String name, List<NodeDefinition> definitions) {
        List<NodeChannel> channels = new ArrayList<>();
        for (NodeDefinition definition : definitions) {
            channels.add(channel(definition));
        }
        balancer = new Balancer(channels, new HealthReporter(parts.status(), name));
        this.name = name;
        publish();
    }

    /** The balancer over the nodes in force. Loop thread. */
    public Balancer balancer() {
        return balancer;
    }

    /** The name of the upstream in force. Any thread. */
    public String name() {
        return name;
    }

    /** Every node still connected, in force or retiring: a snapshot, from any thread. */
    public List<NodeChannel> all() {
        return all;
    }

    /** Offers a reloaded node set; the loop applies it at its next round. Any thread. */
    public void offer(String name, List<NodeDefinition> definitions) {
        pending = new Offer(name, List.copyOf(definitions));
        wakeLoop.run();
    }

    /**
     * Applies an offered node set, if any, checks the deadlines of retiring nodes and forgets those that
     * are closed. Loop thread.
     *
     * @return a one-line summary of what changed, or {@code null} when nothing was applied
     */
    public String apply(long nowNanos) {
        String summary = null;
        Offer next = pending;
        if (next != null) {
            pending = null;
            summary = switchTo(next);
        }
        boolean changed = summary != null;
        for (NodeChannel node : List.copyOf(retiring)) {
            node.poll(nowNanos);
            if (node.isClosed()) {
                retiring.remove(node);
                changed = true;
            }
        }
        if (changed) {
            publish();
        }
        return summary;
    }

    /** The earliest deadline of the retiring nodes' connections. Loop thread. */
    public long retiringDeadline(long nowNanos) {
        long next = Long.MAX_VALUE;
        for (NodeChannel node : retiring) {
            next = Math.min(next, node.poll(nowNanos));
        }
        return next;
    }

    private String switchTo(Offer offer) {
        Map<String, NodeChannel> current = new HashMap<>();
        for (NodeChannel node : balancer.nodes()) {
            current.put(node.name(), node);
        }
        List<NodeChannel> channels = new ArrayList<>();
        int added = 0;
        int changed = 0;
        for (NodeDefinition definition : offer.definitions()) {
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
        balancer = new Balancer(channels, new HealthReporter(parts.status(), offer.name()));
        name = offer.name();
        return "upstream reloaded: " + channels.size() + " node" + (channels.size() == 1 ? "" : "s") + " ("
                + added + " added, " + changed + " changed, " + current.size() + " removed)";
    }

    private NodeChannel channel(NodeDefinition definition) {
        return new NodeChannel(definition, parts.policy(), parts.connector(), parts.events(), parts.nanoTime(),
                parts.pingTag());
    }

    private void publish() {
        List<NodeChannel> nodes = new ArrayList<>(balancer.nodes());
        nodes.addAll(retiring);
        all = List.copyOf(nodes);
    }

    /** Ends every connection in order: used at shutdown once nothing is in flight. Loop thread. */
    public void drainAll() {
        for (NodeChannel node : all) {
            node.drainAll();
        }
    }

    /** Whether every connection has ended. Loop thread. */
    public boolean allClosed() {
        for (NodeChannel node : all) {
            if (!node.isClosed()) {
                return false;
            }
        }
        return true;
    }

    /** Closes every connection at once; what they held comes back through the events. Loop thread. */
    public void abortAll() {
        for (NodeChannel node : all) {
            node.abortAll();
        }
    }
}
