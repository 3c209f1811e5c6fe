package io.forwardlog;

import java.util.Locale;

/** How nodes are probed for health ({@code heartbeatType}). */
public enum HeartbeatType {
    /** A TCP connect to the node's port. */
    TCP,
    /** A one-byte UDP datagram to the node's port, answered by Fluentd's in_forward. */
    UDP,
    /**
     * The node's own transport: a connection through TCP, TLS and the Forward handshake, as data uses;
     * acks on the data connection count as heartbeats too, and while a batch waits for its ack a mere
     * connect does not.
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
