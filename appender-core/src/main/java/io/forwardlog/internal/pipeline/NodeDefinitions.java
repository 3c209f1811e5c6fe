package io.forwardlog.internal.pipeline;

import io.forwardlog.ForwardSettings;
import io.forwardlog.internal.balance.NodeDefinition;
import io.forwardlog.internal.forward.ConnectionSetup;
import io.forwardlog.internal.forward.NodeAddress;
import io.forwardlog.internal.forward.SharedKeyCredentials;
import io.forwardlog.internal.forward.SharedKeyHandshake;
import io.forwardlog.internal.forward.WireOptions;
import io.forwardlog.internal.transport.TcpTransport;
import io.forwardlog.internal.transport.TlsMaterialException;
import io.forwardlog.internal.transport.TlsOptions;
import io.forwardlog.internal.transport.TlsTransport;
import io.forwardlog.upstream.UpstreamNode;
import java.util.function.Consumer;

/**
 * Resolves a node of the upstream file against the appender's settings: the node's own Forward keys
 * win, the transport is TLS or TCP, and a shared key brings the handshake.
 */
final class NodeDefinitions {

    private final ForwardSettings settings;
    private final Consumer<String> warnings;

    NodeDefinitions(ForwardSettings settings, Consumer<String> warnings) {
        this.settings = settings;
        this.warnings = warnings;
    }

    /** @throws TlsMaterialException when the node's certificate, key or CA files cannot be used */
    NodeDefinition define(UpstreamNode node) throws TlsMaterialException {
        NodeAddress address = new NodeAddress(node.name(), node.host(), node.port());
        WireOptions wire = new WireOptions(
                node.compress().orElse(settings.compress()),
                node.timeAsInteger().orElse(settings.timeAsInteger()),
                node.sendOptions().orElse(settings.sendOptions()),
                node.requireAckResponse().orElse(settings.requireAckResponse()),
                settings.ackResponseTimeout(), settings.maxInFlight(),
                settings.connectTimeout(), settings.sendTimeout(), node.tag());
        ConnectionSetup setup = ConnectionSetup.NONE;
        if (node.sharedKey().isPresent()) {
            setup = new SharedKeyHandshake(new SharedKeyCredentials(
                    node.selfHostname().orElse(settings.selfHostname()), node.sharedKey().get(),
                    node.username(), node.password()));
        }
        if (!node.tls()) {
            return new NodeDefinition(address, node.weight(), node.standby(), new TcpTransport(), setup, wire, node);
        }
        TlsOptions tls = new TlsOptions(node.tlsVerify(), node.tlsVerifyHostname(), node.tlsDebug(),
                node.tlsCaFile(), node.tlsCaPath(), node.tlsCrtFile(), node.tlsKeyFile(), node.tlsKeyPasswd(),
                node.tlsVhost());
        try {
            TlsTransport transport = TlsTransport.load(tls, problem -> warnings.accept(address.describe() + ": " + problem));
            return new NodeDefinition(address, node.weight(), node.standby(), transport, setup, wire, node);
        } catch (TlsMaterialException e) {
            throw new TlsMaterialException(address.describe() + ": " + e.getMessage(), e);
        }
    }
}
