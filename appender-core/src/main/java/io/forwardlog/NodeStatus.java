package io.forwardlog;

import java.util.List;
import javax.management.openmbean.CompositeData;

/**
 * One node as operators see it: where it is, whether it gets traffic, why not, and what it carried.
 * A snapshot; also the item type of the JMX attribute {@code Nodes}.
 */
public final class NodeStatus {

    /** Gets traffic. */
    public static final String UP = "up";
    /** Taken out: a connection failed or its heartbeats went unanswered; it comes back after {@code recoverWait}. */
    public static final String DOWN = "down";
    /** Up, and gets traffic only when no active node is available. */
    public static final String STANDBY = "standby";
    /** Removed or changed by a reload, finishing its in-flight batches. */
    public static final String RETIRING = "retiring";
    /** Every state a node can be in. */
    public static final List<String> STATES = List.of(UP, DOWN, STANDBY, RETIRING);

    private final String name;
    private final String address;
    private final String state;
    private final String lastError;
    private final long batchesSent;
    private final long eventsSent;
    private final long bytesSent;
    private final long batchesAcknowledged;
    private final long failures;
    private final int inFlight;
    private final long connections;
    private final long handshakeFailures;
    private final long tlsFailures;
    private final long ackRoundTripNanos;

    /**
     * @param state one of {@link #STATES}
     */
    public NodeStatus(String name, String address, String state, String lastError, long batchesSent, long eventsSent,
                      long bytesSent, long batchesAcknowledged, long failures, int inFlight, long connections,
                      long handshakeFailures, long tlsFailures, long ackRoundTripNanos) {
        this.name = name;
        this.address = address;
        this.state = state;
        this.lastError = lastError;
        this.batchesSent = batchesSent;
        this.eventsSent = eventsSent;
        this.bytesSent = bytesSent;
        this.batchesAcknowledged = batchesAcknowledged;
        this.failures = failures;
        this.inFlight = inFlight;
        this.connections = connections;
        this.handshakeFailures = handshakeFailures;
        this.tlsFailures = tlsFailures;
        this.ackRoundTripNanos = ackRoundTripNanos;
    }

    /**
     * Rebuilds a status from the JMX view, for {@code JMX.newMXBeanProxy}: the MXBean mapping's own way,
     * which needs no {@code java.beans} (and so no {@code java.desktop} module).
     */
    public static NodeStatus from(CompositeData data) {
        return new NodeStatus((String) data.get("name"), (String) data.get("address"), (String) data.get("state"),
                (String) data.get("lastError"), (Long) data.get("batchesSent"), (Long) data.get("eventsSent"),
                (Long) data.get("bytesSent"), (Long) data.get("batchesAcknowledged"), (Long) data.get("failures"),
                (Integer) data.get("inFlight"), (Long) data.get("connections"), (Long) data.get("handshakeFailures"),
                (Long) data.get("tlsFailures"), (Long) data.get("ackRoundTripNanos"));
    }

    public String getName() { return name; }
    /** {@code host:port}. */
    public String getAddress() { return address; }
    public String getState() { return state; }
    /** The last error, or {@code null}. */
    public String getLastError() { return lastError; }
    public long getBatchesSent() { return batchesSent; }
    public long getEventsSent() { return eventsSent; }
    public long getBytesSent() { return bytesSent; }
    public long getBatchesAcknowledged() { return batchesAcknowledged; }
    public long getFailures() { return failures; }
    public int getInFlight() { return inFlight; }
    /** Connections established (connect, TLS and the Forward handshake done): the first one and every reconnect. */
    public long getConnections() { return connections; }
    /** Connections that ended in a refused or failed Forward handshake (shared key, user, password). */
    public long getHandshakeFailures() { return handshakeFailures; }
    /** Connections that ended in a failed TLS handshake. */
    public long getTlsFailures() { return tlsFailures; }
    /**
     * The round trips of the {@link #getBatchesAcknowledged() batches acknowledged}, added up: for each, from
     * the moment its frame was written to the connection until its ack was read. Divided by their number, the
     * mean ack time.
     */
    public long getAckRoundTripNanos() { return ackRoundTripNanos; }

    /** Whether the node may take batches: {@link #UP} or {@link #STANDBY}. */
    public boolean isAvailable() { return state.equals(UP) || state.equals(STANDBY); }

    @Override
    public String toString() {
        return name + " (" + address + "): " + state + ", " + batchesSent + " batches / " + eventsSent + " events sent"
                + (failures > 0 ? ", " + failures + " failures" : "") + (lastError != null ? ", last error: " + lastError : "");
    }
}
