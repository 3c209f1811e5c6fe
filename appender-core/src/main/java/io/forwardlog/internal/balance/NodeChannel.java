package io.forwardlog.internal.balance;

import io.forwardlog.NodeStatus;
import io.forwardlog.RunningNode;
import io.forwardlog.internal.forward.ConnectionListener;
import io.forwardlog.internal.forward.DeliveryException;
import io.forwardlog.internal.forward.ForwardConnection;
import io.forwardlog.internal.forward.HeartbeatPing;
import io.forwardlog.internal.forward.OutboundBatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One node as the I/O loop sees it: its data connection (opened when needed, replaced after a failure,
 * and recycled — replaced while it works — after {@code keepaliveTimeout} or {@code keepaliveMaxRecycle}
 * batches), the connections it is ending in order, its health and its counters.
 *
 * <p>Threads: everything here belongs to the I/O loop's thread, which alone calls these methods and
 * receives the connections' news. Other threads read only {@link #status()}, built from values the loop
 * publishes (volatile) and from thread-safe counters.
 */
public final class NodeChannel implements ConnectionListener, RunningNode {

    private final NodeDefinition definition;
    private final NodeHealth health;
    private final NodeStats stats = new NodeStats();
    private final Connector connector;
    private final NodeEvents events;
    private final LongSupplier nanoTime;
    private final String pingTag;
    /** The host's addresses kept for the next connects, as {@code expireDnsCache} says. */
    private final KnownAddresses addresses = new KnownAddresses();

    /** The connection batches go to: connecting, or established; {@code null} when there is none. */
    private ForwardConnection connection;
    /** Connections ending in order: no new batches, their acks still read (keepalive false, detached, retired). */
    private final List<ForwardConnection> ending = new ArrayList<>();
    private boolean retiring;
    /** When the data connection was established, for {@code keepaliveTimeout}. */
    private long connectionSinceNanos;
    /** Batches the data connection has carried, for {@code keepaliveMaxRecycle}. */
    private int connectionBatches;
    /** A heartbeat is due and waits for the connection to be established. */
    private boolean heartbeatWanted;
    /** Set by the connection's callbacks for the balancer: a failure to report. */
    private String pendingFailure;

    private volatile String publishedState = NodeStatus.UP;
    private volatile String publishedError;
    private volatile int publishedInFlight;

    NodeChannel(NodeDefinition definition, HealthPolicy policy, Connector connector, NodeEvents events,
                LongSupplier nanoTime, String pingTag) {
        this.definition = definition;
        this.health = new NodeHealth(policy, nanoTime.getAsLong());
        this.connector = connector;
        this.events = events;
        this.nanoTime = nanoTime;
        this.pingTag = pingTag;
    }

    public NodeDefinition definition() {
        return definition;
    }

    @Override
    public String name() {
        return definition.name();
    }

    NodeHealth health() {
        return health;
    }

    NodeStats stats() {
        return stats;
    }

    /** Whether the balancer may give this node batches: in force and healthy. */
    boolean isAvailable() {
        return !retiring && health.isUp();
    }

    /** Whether a batch can go out on this node's connection right now. */
    boolean canTakeBatch() {
        return isAvailable() && connection != null && connection.canSend();
    }

    /** Opens a data connection unless there is one; for an available node with work waiting. */
    void ensureConnection() {
        if (connection == null && !retiring) {
            connectionBatches = 0;
            connection = connector.create(definition, this);
            connector.start(connection, definition, addresses);
        }
    }

    /** Sends one batch; the node must {@link #canTakeBatch()}. */
    public void send(OutboundBatch batch) {
        ForwardConnection c = connection;
        try {
            c.send(batch);
        } catch (IOException e) {
            events.unsendable(batch, e.getMessage());
            return;
        }
        stats.batchesSent.increment();
        stats.eventsSent.add(batch.eventCount());
        stats.bytesSent.add(batch.entriesLength());
        health.succeeded();
        if (!c.keepsAlive() && connection == c) {
            // the node closes connections after one batch (HELO keepalive false): the next one gets a new connection
            detach(c);
        } else if (connection == c && definition.recycling().full(++connectionBatches)) {
            recycle(c);
        }
    }

    /**
     * Replaces the data connection while it works: it ends in order (no new batches, the acks of those in
     * flight read, then closed) and a new one, to an address looked up again, takes the next batches.
     */
    private void recycle(ForwardConnection c) {
        detach(c);
        if (isAvailable()) {
            ensureConnection();
        }
    }

    /**
     * A heartbeat is due ({@code transport}): a ping on the data connection, which the node acknowledges
     * only after everything sent before it; when there is no connection, one is opened and pinged once
     * established. A ping still unanswered is not repeated: the silence is what the failure detector
     * measures.
     */
    void heartbeat() {
        if (retiring) {
            return;
        }
        if (connection == null) {
            heartbeatWanted = true;
            ensureConnection();
        } else if (connection.isOpen()) {
            ping(connection);
        } else {
            heartbeatWanted = true;
        }
    }

    /** A UDP heartbeat answer came. */
    void heartbeatAnswered(long nowNanos) {
        health.heartbeat(nowNanos);
    }

    /**
     * The failure detector took the node out: its connection gets no new batches; the acks of those in
     * flight are still read (until their {@code ackResponseTimeout}) before anything is sent elsewhere.
     */
    void wentDown() {
        addresses.forget(); // as Fluentd expires the address of a node it detaches: the next connect looks again
        if (connection != null) {
            detach(connection);
        }
    }

    /** Removed or changed by a reload: no new batches; closes once its batches in flight are settled. */
    void retire() {
        retiring = true;
        heartbeatWanted = false;
        if (connection != null) {
            detach(connection);
        }
        publish();
    }

    boolean isRetiring() {
        return retiring;
    }

    /** Whether no connection is left, connecting, open or ending. */
    boolean isClosed() {
        return connection == null && ending.isEmpty();
    }

    /** Ends every connection in order (shutdown, once nothing is in flight). */
    void drainAll() {
        heartbeatWanted = false;
        if (connection != null) {
            detach(connection);
        }
    }

    /** Closes every connection at once; what they held comes back through {@link NodeEvents#returned}. */
    void abortAll() {
        heartbeatWanted = false;
        if (connection != null) {
            connection.abort();
        }
        for (ForwardConnection c : List.copyOf(ending)) {
            c.abort();
        }
    }

    private void ping(ForwardConnection c) {
        c.ping(pingTag);
        if (!c.keepsAlive()) {
            detach(c); // the node closes it after answering, as it said in its HELO
        }
    }

    private void detach(ForwardConnection c) {
        if (connection == c) {
            connection = null;
        }
        ending.add(c);
        c.drain();
    }

    /**
     * Checks the deadlines of this node's connections at {@code nowNanos}.
     *
     * @return the next deadline, or {@code Long.MAX_VALUE}
     */
    long poll(long nowNanos) {
        long next = Long.MAX_VALUE;
        if (connection != null && connection.isOpen() && !retiring && definition.recycling().maxAge().isPresent()) {
            long replaceAt = connectionSinceNanos + definition.recycling().maxAge().get().toNanos();
            if (nowNanos - replaceAt >= 0) {
                recycle(connection);
            } else {
                next = replaceAt;
            }
        }
        if (connection != null) {
            next = Math.min(next, connection.poll(nowNanos));
        }
        for (ForwardConnection c : List.copyOf(ending)) {
            next = Math.min(next, c.poll(nowNanos));
        }
        publish();
        return next;
    }

    /** The failure a connection reported since the last call, to be applied and reported once; or {@code null}. */
    String takeFailure() {
        String failure = pendingFailure;
        pendingFailure = null;
        return failure;
    }

    @Override
    public void established(ForwardConnection c) {
        stats.connections.increment();
        if (c == connection) {
            connectionSinceNanos = nanoTime.getAsLong();
        }
        if (c == connection && heartbeatWanted) {
            heartbeatWanted = false;
            ping(c);
        }
    }

    @Override
    public void written(ForwardConnection c, OutboundBatch batch) {
        events.delivered(batch);
    }

    @Override
    public void acknowledged(ForwardConnection c, OutboundBatch batch) {
        if (batch instanceof HeartbeatPing) {
            health.heartbeat(nanoTime.getAsLong());
            return;
        }
        stats.batchesAcked.increment();
        stats.ackRoundTripNanos.add(c.lastAckRoundTripNanos());
        events.delivered(batch);
    }

    @Override
    public void ended(ForwardConnection c, DeliveryException failure) {
        List<OutboundBatch> back = c.takeBack();
        boolean wasDataConnection = connection == c;
        if (wasDataConnection) {
            connection = null;
        }
        ending.remove(c);
        countHandshakeFailure(failure);
        if (failure != null && failure.kind() != DeliveryException.Kind.CLOSED && !retiring) {
            addresses.forget();
            if (health.isUp()) {
                pendingFailure = failure.getMessage();
            } else if (wasDataConnection) {
                // the connection of a node taken out serves its heartbeats: its recovery starts over, unreported
                health.heartbeatFailed(failure.getMessage());
            }
        }
        if (!back.isEmpty()) {
            stats.resent.add(back.size());
            events.returned(back);
        }
        publish();
    }

    /** Counts a failed TLS or Forward handshake, whatever the node's health. */
    private void countHandshakeFailure(DeliveryException failure) {
        if (failure == null) {
            return;
        }
        switch (failure.kind()) {
            case TLS -> stats.tlsFailures.increment();
            case AUTHENTICATION -> stats.handshakeFailures.increment();
            default -> { }
        }
    }

    /** Publishes the state for {@link #status()}. */
    void publish() {
        publishedState = retiring ? NodeStatus.RETIRING : !health.isUp() ? NodeStatus.DOWN
                : definition.standby() ? NodeStatus.STANDBY : NodeStatus.UP;
        publishedError = health.lastError();
        int n = connection == null ? 0 : connection.inFlight();
        for (ForwardConnection c : ending) {
            n += c.inFlight();
        }
        publishedInFlight = n;
    }

    /** Batches of events in flight on this node's connections. Loop thread. */
    int inFlight() {
        int n = connection == null ? 0 : connection.inFlight();
        for (ForwardConnection c : ending) {
            n += c.inFlight();
        }
        return n;
    }

    /** A snapshot for operators. Any thread. */
    @Override
    public NodeStatus status() {
        var address = definition.address();
        return new NodeStatus(name(), address.host() + ":" + address.port(), publishedState, publishedError,
                stats.batchesSent.sum(), stats.eventsSent.sum(), stats.bytesSent.sum(), stats.batchesAcked.sum(),
                stats.failures.sum(), publishedInFlight, stats.connections.sum(), stats.handshakeFailures.sum(),
                stats.tlsFailures.sum(), stats.ackRoundTripNanos.sum());
    }

    @Override
    public String toString() {
        return definition.address().describe();
    }
}
