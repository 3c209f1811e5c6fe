package io.forwardlog.internal.balance;

import io.forwardlog.internal.forward.ConnectionSetup;
import io.forwardlog.internal.forward.NodeAddress;
import io.forwardlog.internal.forward.WireOptions;
import io.forwardlog.internal.transport.Transport;
import java.util.Objects;

/**
 * Everything needed to talk to one node, resolved from the upstream file and the appender settings.
 *
 * @param dns       how the host becomes an address at each connect
 * @param recycling when the data connection is replaced by a new one
 * @param source    the upstream file's node, compared on reload to tell a changed node from an unchanged one
 */
public record NodeDefinition(NodeAddress address, int weight, boolean standby, Transport transport,
                             ConnectionSetup setup, WireOptions wire, DnsOptions dns, Recycling recycling,
                             Object source) {

    public NodeDefinition {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(wire, "wire");
        Objects.requireNonNull(dns, "dns");
        Objects.requireNonNull(recycling, "recycling");
        if (weight < 0) {
            throw new IllegalArgumentException("weight must not be negative");
        }
    }

    /** A node whose host is looked up at every connect, taking the first address, and whose connections are kept. */
    public NodeDefinition(NodeAddress address, int weight, boolean standby, Transport transport, ConnectionSetup setup,
                          WireOptions wire, Object source) {
        this(address, weight, standby, transport, setup, wire, DnsOptions.DEFAULT, Recycling.NONE, source);
    }

    public String name() {
        return address.name();
    }
}
