package io.forwardlog;

import javax.management.openmbean.CompositeData;

/**
 * One node as operators see it: where it is, whether it gets traffic, why not, and what it carried.
 * A snapshot; also the item type of the JMX attribute {@code Nodes}.
 */
public final class NodeStatus {

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

    /**
     * @param state {@code up}, {@code down}, {@code standby} (up, waiting for the active nodes to fail) or
     *              {@code retiring} (removed by a reload, finishing its in-flight batches)
     */
    public NodeStatus(String name, String address, String state, String lastError, long batchesSent, long eventsSent,
                      long bytesSent, long batchesAcknowledged, long failures, int inFlight) {
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
    }

    /**
     * Rebuilds a status from the JMX view, for {@code JMX.newMXBeanProxy}: the MXBean mapping's own way,
     * which needs no {@code java.beans} (and so no {@code java.desktop} module).
     */
    public static NodeStatus from(CompositeData data) {
        return new NodeStatus((String) data.get("name"), (String) data.get("address"), (String) data.get("state"),
                (String) data.get("lastError"), (Long) data.get("batchesSent"), (Long) data.get("eventsSent"),
                (Long) data.get("bytesSent"), (Long) data.get("batchesAcknowledged"), (Long) data.get("failures"),
                (Integer) data.get("inFlight"));
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

    @Override
    public String toString() {
        return name + " (" + address + "): " + state + ", " + batchesSent + " batches / " + eventsSent + " events sent"
                + (failures > 0 ? ", " + failures + " failures" : "") + (lastError != null ? ", last error: " + lastError : "");
    }
}
