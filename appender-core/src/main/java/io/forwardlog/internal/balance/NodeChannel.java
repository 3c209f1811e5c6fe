package io.forwardlog.internal.balance;

import io.forwardlog.NodeStatus;
import io.forwardlog.internal.forward.ConnectionListener;
import io.forwardlog.internal.forward.DeliveryException;
import io.forwardlog.internal.forward.ForwardConnection;
import io.forwardlog.internal.forward.HeartbeatPing;
import io.forwardlog.internal.forward.OutboundBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * One node as the sender sees it: its keep-alive connection, opened when needed and replaced after
 * a failure, its health and its counters. The connection is used by the sender thread only; acks
 * arrive on the connection's reader thread and go straight to the pipeline.
 */
public final class NodeChannel implements ConnectionListener {

    private final NodeDefinition definition;
    private final NodeHealth health;
    private final NodeStats stats = new NodeStats();
    private final ScheduledExecutorService timer;
    private final DeliverySink sink;
    private final LongSupplier nanoTime;
    private final String pingTag;

    /** Written by the sender thread, read by heartbeat threads. */
    /** The data connection: set by the sender, or by a heartbeat probe that found none (adopted). */
    private final AtomicReference<ForwardConnection> connection = new AtomicReference<>();
    private volatile boolean pingRequested;
    private volatile boolean retiring;
    /** Connections the node will not reuse (keepalive false), closed once their batch is acknowledged. */
    private final List<ForwardConnection> draining = new CopyOnWriteArrayList<>();

    NodeChannel(NodeDefinition definition, HealthPolicy policy, ScheduledExecutorService timer, DeliverySink sink,
                LongSupplier nanoTime, String pingTag) {
        this.definition = definition;
        this.health = new NodeHealth(policy, nanoTime.getAsLong());
        this.timer = timer;
        this.sink = sink;
        this.nanoTime = nanoTime;
        this.pingTag = pingTag;
    }

    public NodeDefinition definition() {
        return definition;
    }

    public String name() {
        return definition.name();
    }

    NodeHealth health() {
        return health;
    }

    NodeStats stats() {
        return stats;
    }

    /** Sends one batch, connecting first when there is no usable connection. Sender thread only. */
    void send(OutboundBatch batch) throws DeliveryException {
        ForwardConnection c = connected();
        c.send(batch);
        stats.batchesSent.increment();
        stats.eventsSent.add(batch.eventCount());
        stats.bytesSent.add(batch.entriesLength());
        health.succeeded();
        if (!c.keepsAlive()) {
            // the node closes connections after a batch (HELO keepalive false): the next batch gets a new one
            connection.compareAndSet(c, null);
            draining.add(c);
        }
    }

    /** Closes the one-batch connections whose batch is settled, handing back what a broken one held. Sender thread. */
    void closeDrained(Collection<OutboundBatch> returned) {
        draining.removeIf(c -> {
            if (c.inFlight() == 0 || c.isBroken()) {
                returned.addAll(c.close());
                return true;
            }
            return false;
        });
    }

    private ForwardConnection connected() throws DeliveryException {
        ForwardConnection c = connection.get();
        if (c != null && !c.isBroken()) {
            return c;
        }
        if (c != null) {
            throw c.failure();
        }
        c = newConnection();
        c.open();
        stats.connections.increment();
        health.heartbeat(nanoTime.getAsLong());
        if (!connection.compareAndSet(null, c)) {
            // a heartbeat probe's connection was adopted meanwhile: use that one
            c.close();
            return connected();
        }
        return c;
    }

    /**
     * Keeps a heartbeat probe's open connection as the data connection when there is none, so an
     * idle node is not connected to afresh (with TLS and the handshake) at every heartbeat.
     *
     * @return whether it was adopted; if not, the caller closes it
     */
    boolean adopt(ForwardConnection probe) {
        if (retiring || !health.isUp() || probe.isBroken() || !probe.keepsAlive()) {
            return false;
        }
        if (connection.compareAndSet(null, probe)) {
            stats.connections.increment();
            return true;
        }
        return false;
    }

    /** A connection to this node, not yet opened: for data, or for a heartbeat probe. */
    ForwardConnection newConnection() {
        return new ForwardConnection(definition.address(), definition.transport(), definition.wire(),
                definition.setup(), timer, this);
    }

    /** Whether a data connection is open and unbroken (heartbeats then use it). */
    boolean hasLiveConnection() {
        ForwardConnection c = connection.get();
        return c != null && !c.isBroken();
    }

    /** The connection broke: close it and hand back what it held unacknowledged. Sender thread only. */
    List<OutboundBatch> takeBackIfBroken() {
        ForwardConnection c = connection.get();
        if (c == null || !c.isBroken()) {
            return List.of();
        }
        return disconnect();
    }

    /** Why the current connection broke, or {@code null}. */
    DeliveryException connectionFailure() {
        ForwardConnection c = connection.get();
        return c == null ? null : c.failure();
    }

    /** Closes the connections, if any, and hands back their unacknowledged batches in send order. */
    List<OutboundBatch> disconnect() {
        List<OutboundBatch> returned = new ArrayList<>();
        for (ForwardConnection c : draining) {
            returned.addAll(c.close());
        }
        draining.clear();
        ForwardConnection c = connection.getAndSet(null);
        if (c != null) {
            returned.addAll(c.close());
        }
        return returned;
    }

    /** Breaks the connection when an ack is overdue. */
    void checkAckDeadline(long nowNanos) {
        ForwardConnection c = connection.get();
        if (c != null) {
            c.checkAckDeadline(nowNanos);
        }
    }

    /** Asks the sender to send a heartbeat on the data connection. Any thread. */
    void requestPing() {
        pingRequested = true;
        sink.wake();
    }

    /** Sends the requested heartbeat, if any, on the data connection. Sender thread only. */
    void pingIfRequested() {
        if (!pingRequested) {
            return;
        }
        pingRequested = false;
        ForwardConnection c = connection.get();
        if (c != null && !c.isBroken()) {
            try {
                c.ping(pingTag);
            } catch (DeliveryException e) {
                // the connection is now broken; the sender's next round hands its batches back
            }
        }
    }

    /** Waits for every batch on the connection to be acknowledged; returns whether none is left. */
    boolean awaitAcks(Duration timeout) throws InterruptedException {
        ForwardConnection c = connection.get();
        return c == null || c.awaitAcks(timeout);
    }

    /** Whether the data connection carries as many unacknowledged batches as it may: a send would wait. */
    boolean isSaturated() {
        ForwardConnection c = connection.get();
        return c != null && definition.wire().requireAck() && c.inFlight() >= definition.wire().maxInFlight();
    }

    int inFlight() {
        ForwardConnection c = connection.get();
        int n = c == null ? 0 : c.inFlight();
        for (ForwardConnection d : draining) {
            n += d.inFlight();
        }
        return n;
    }

    /** Removed or changed by a reload: gets no new batches, closes once its in-flight batches are settled. */
    void retire() {
        retiring = true;
    }

    boolean isRetiring() {
        return retiring;
    }

    /** Whether the balancer may give this node a batch now. */
    boolean isAvailable() {
        return !retiring && health.isUp();
    }

    @Override
    public void acknowledged(ForwardConnection from, OutboundBatch batch) {
        health.heartbeat(nanoTime.getAsLong());
        if (batch instanceof HeartbeatPing) {
            sink.wake(); // its slot in the window is free again
            return;
        }
        stats.batchesAcked.increment();
        sink.acknowledged(batch);
    }

    @Override
    public void broken(ForwardConnection from, DeliveryException cause) {
        sink.wake();
    }

    /** A snapshot for operators. Any thread. */
    public NodeStatus status() {
        String state = retiring ? "retiring" : !health.isUp() ? "down" : definition.standby() ? "standby" : "up";
        var address = definition.address();
        return new NodeStatus(name(), address.host() + ":" + address.port(), state, health.lastError(),
                stats.batchesSent.sum(), stats.eventsSent.sum(), stats.bytesSent.sum(), stats.batchesAcked.sum(),
                stats.failures.sum(), inFlight());
    }

    @Override
    public String toString() {
        return definition.address().describe();
    }
}
