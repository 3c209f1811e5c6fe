package io.forwardlog;

import java.util.Locale;

/** How nodes are probed for health ({@code heartbeatType}). */
public enum HeartbeatType {
    /** An old name for {@link #TRANSPORT}, which it works as, with a warning at start: as Fluentd 1.x reads it. */
    TCP,
    /** A one-byte UDP datagram to the node's port, answered by Fluentd's in_forward. */
    UDP,
    /**
     * The data connection itself: each interval an empty Forward message with a chunk id goes on the
     * connection the batches use, and its ack (as every ack of a batch) is the heartbeat, so a node that
     * accepts connections but stops reading is detected. A node without a data connection gets one opened
     * (through its transport, TCP or TLS, and the Forward handshake), which then carries batches too.
     */
    TRANSPORT,
    /** No probing: a failed node is tried again by real traffic after a back-off. */
    NONE;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HeartbeatType fromConfig(String value) {
        for (HeartbeatType t : values()) {
            if (t.configName().equalsIgnoreCase(value.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a heartbeat type: use tcp, udp, transport or none");
    }
}
