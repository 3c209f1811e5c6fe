package io.forwardlog.internal.pipeline;

import io.forwardlog.ForwardSettings;
import io.forwardlog.Setting;
import io.forwardlog.Settings;
import io.forwardlog.HeartbeatType;
import io.forwardlog.internal.balance.DnsOptions;
import io.forwardlog.internal.balance.NodeDefinition;
import io.forwardlog.internal.balance.Recycling;
import io.forwardlog.internal.forward.ConnectionSetup;
import io.forwardlog.internal.forward.NodeAddress;
import io.forwardlog.internal.forward.SharedKeyCredentials;
import io.forwardlog.internal.forward.SharedKeyHandshake;
import io.forwardlog.internal.forward.WireOptions;
import io.forwardlog.internal.transport.TcpTransport;
import io.forwardlog.internal.transport.TlsMaterialException;
import io.forwardlog.internal.transport.TlsOffer;
import io.forwardlog.internal.transport.TlsOptions;
import io.forwardlog.internal.transport.TlsTransport;
import io.forwardlog.upstream.Upstream;
import io.forwardlog.upstream.UpstreamFile;
import io.forwardlog.upstream.UpstreamFileException;
import io.forwardlog.upstream.UpstreamNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Resolves a node of the upstream file against the appender's settings: the node's own Forward and DNS
 * keys win, the transport is TLS or TCP, and a shared key brings the handshake.
 */
final class NodeDefinitions {

    private final ForwardSettings settings;
    private final Consumer<String> warnings;

    NodeDefinitions(ForwardSettings settings, Consumer<String> warnings) {
        this.settings = settings;
        this.warnings = warnings;
    }

    /** An upstream file read and every node of it resolved. */
    record Loaded(Upstream upstream, List<NodeDefinition> nodes) {
    }

    /** Why an upstream file cannot be used: a parse error with its file and line, or a node's TLS files. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Reads {@code file} (with its includes and environment variables) and resolves every node: the one
     * place where an upstream file becomes node definitions.
     *
     * @param fileWarnings told about what the file does that is allowed but suspicious (unknown keys...)
     */
    Loaded load(Path file, Consumer<String> fileWarnings) throws Unusable {
        Upstream upstream = read(file, fileWarnings);
        return new Loaded(upstream, defineAll(upstream));
    }

    /** Reads {@code file} without resolving its nodes. */
    static Upstream read(Path file, Consumer<String> fileWarnings) throws Unusable {
        try {
            return UpstreamFile.loader().warnings(fileWarnings).load(file);
        } catch (UpstreamFileException e) {
            throw new Unusable(e.getMessage(), e);
        }
    }

    /**
     * Resolves every node of {@code upstream}.
     *
     * @throws Unusable when a node's TLS files cannot be used, a node's key goes against the settings, or
     *                  no node could ever get a batch
     */
    List<NodeDefinition> defineAll(Upstream upstream) throws Unusable {
        List<NodeDefinition> nodes = new ArrayList<>();
        for (UpstreamNode node : upstream.nodes()) {
            try {
                nodes.add(define(node));
            } catch (TlsMaterialException e) {
                throw new Unusable(e.getMessage(), e);
            } catch (UpstreamFileException e) {
                throw new Unusable(e.getMessage(), e);
            }
        }
        if (nodes.stream().allMatch(n -> n.weight() == 0)) {
            UpstreamNode last = upstream.nodes().get(upstream.nodes().size() - 1);
            UpstreamFileException e = last.errorAt("weight", "every node has weight 0, and a node of weight 0 never"
                    + " gets a batch (as in Fluentd): give at least one node a weight above 0");
            throw new Unusable(e.getMessage(), e);
        }
        return nodes;
    }

    /**
     * @throws TlsMaterialException  when the node's certificate, key or CA files cannot be used
     * @throws Unusable              when the node's TLS versions or suites and the appender's leave nothing to offer
     * @throws UpstreamFileException when a key of the node goes against the appender's settings
     */
    NodeDefinition define(UpstreamNode node) throws TlsMaterialException, Unusable, UpstreamFileException {
        NodeAddress address = new NodeAddress(node.name(), node.host(), node.port());
        WireOptions wire = new WireOptions(
                node.compress().orElse(settings.compress()),
                node.timeAsInteger().orElse(settings.timeAsInteger()),
                node.sendOptions().orElse(settings.sendOptions()),
                node.requireAckResponse().orElse(settings.requireAckResponse()),
                settings.ackResponseTimeout(), settings.maxInFlight(),
                settings.connectTimeout(), settings.sendTimeout(), node.tag());
        DnsOptions dns = new DnsOptions(node.dnsRoundRobin().orElse(settings.dnsRoundRobin()),
                node.expireDnsCache().or(settings::expireDnsCache));
        if (node.dnsRoundRobin().orElse(false) && settings.heartbeatType() == HeartbeatType.UDP) {
            throw node.errorAt("dns_round_robin", DnsOptions.needsTransportHeartbeats("dns_round_robin"));
        }
        Recycling recycling = new Recycling(settings.keepaliveTimeout(), settings.keepaliveMaxRecycle());
        ConnectionSetup setup = ConnectionSetup.NONE;
        if (node.sharedKey().isPresent()) {
            setup = new SharedKeyHandshake(new SharedKeyCredentials(
                    node.selfHostname().orElse(settings.selfHostname()), node.sharedKey().get(),
                    node.username(), node.password()));
        }
        if (!node.tls()) {
            return new NodeDefinition(address, node.weight(), node.standby(), new TcpTransport(), setup, wire, dns,
                    recycling, node);
        }
        TlsOptions tls = new TlsOptions(node.tlsVerify(), node.tlsVerifyHostname(), node.tlsDebug(),
                node.tlsCaFile(), node.tlsCaPath(), node.tlsCrtFile(), node.tlsKeyFile(), node.tlsKeyPasswd(),
                node.tlsVhost(), offer(node));
        try {
            TlsTransport transport = TlsTransport.load(tls, problem -> warnings.accept(address.describe() + ": " + problem));
            return new NodeDefinition(address, node.weight(), node.standby(), transport, setup, wire, dns, recycling,
                    node);
        } catch (TlsMaterialException e) {
            throw new TlsMaterialException(address.describe() + ": " + e.getMessage(), e);
        }
    }

    /** The node's TLS versions and suites: each of its keys wins over the appender's setting. */
    private TlsOffer offer(UpstreamNode node) throws Unusable {
        try {
            return TlsOffer.of(
                    chosen("tls.min_version", node.tlsMinVersion(), Settings.TLS_MIN_VERSION, settings.tlsMinVersion()),
                    chosen("tls.max_version", node.tlsMaxVersion(), Settings.TLS_MAX_VERSION, settings.tlsMaxVersion()),
                    chosen("tls.ciphers", node.tlsCiphers(), Settings.TLS_CIPHERS, settings.tlsCiphers().orElse(List.of())));
        } catch (IllegalArgumentException e) {
            // each of the two alone was checked already: the node's when the file was read, the appender's at start
            throw new Unusable(node.file() + ":" + node.line() + ": [NODE] '" + node.name() + "': " + e.getMessage(), e);
        }
    }

    private static <T> TlsOffer.Named<T> chosen(String key, Optional<T> nodeValue, Setting<T> setting, T appenderValue) {
        return nodeValue.map(value -> new TlsOffer.Named<>(key, value))
                .orElseGet(() -> new TlsOffer.Named<>("the appender's " + setting.name(), appenderValue));
    }
}
