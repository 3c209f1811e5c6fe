package io.forwardlog.internal.forward;

import java.util.Objects;

/** Where a node is and what it is called, for connecting and for messages. */
public record NodeAddress(String name, String host, int port) {

    public NodeAddress {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
    }

    /** {@code node 'node-1' (127.0.0.1:43000)}, the prefix of every message about this node. */
    public String describe() {
        return "node '" + name + "' (" + host + ":" + port + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
