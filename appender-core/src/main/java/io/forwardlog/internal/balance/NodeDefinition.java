package io.forwardlog.internal.balance;

import io.forwardlog.internal.forward.ConnectionSetup;
import io.forwardlog.internal.forward.NodeAddress;
import io.forwardlog.internal.forward.WireOptions;
import io.forwardlog.internal.transport.Transport;
import java.util.Objects;

/**
 * Everything needed to talk to one node, resolved from the upstream file and the appender settings.
 *
 * @param source the upstream file's node, compared on reload to tell a changed node from an unchanged one
 */
public record NodeDefinition(NodeAddress address, int weight, boolean standby, Transport transport,
                             ConnectionSetup setup, WireOptions wire, Object source) {

    public NodeDefinition {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(wire, "wire");
        if (weight < 0) {
            throw new IllegalArgumentException("weight must not be negative");
        }
    }

    public String name() {
        return address.name();
    }
}
