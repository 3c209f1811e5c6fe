package io.forwardlog.internal.pipeline;

import io.forwardlog.ForwardStartException;
import io.forwardlog.Settings;
import io.forwardlog.internal.balance.Connector;
import io.forwardlog.internal.balance.HostResolver;
import io.forwardlog.internal.balance.NodeDefinition;
import io.forwardlog.internal.forward.ConnectionListener;
import io.forwardlog.internal.forward.DeliveryException;
import io.forwardlog.internal.forward.DrivenConnection;
import io.forwardlog.internal.util.Durations;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * {@code verifyConnectionAtStartup}: before the appender starts, it connects to the nodes that may get
 * batches (weight above 0), one after the other in the file's order, through their transport and the
 * Forward handshake, sending nothing; the first node that connects and authenticates ends the check.
 * When none does, the start fails with each node's reason.
 *
 * <p>One after the other rather than all at once: a healthy upstream costs one connection, and one
 * thread, whatever the number of nodes, as Fluentd's {@code out_forward} also checks its nodes in turn.
 * Each attempt, lookup included, is bounded by {@code connectTimeout}, so the check takes at most that
 * long per node, and that only when every node fails. The host is looked up on the pipeline's resolver
 * threads (with a bound the caller's thread waits for) and its address chosen as a connection would.
 */
final class StartupVerification {

    /** How long a verified connection is given to end in order before it is closed anyway. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(1);
    /** Nodes named one by one in the failure; past this many, counted. */
    private static final int NAMED_AT_MOST = 10;

    private final ExecutorService resolver;
    private final HostResolver names;
    private final LongSupplier nanoTime;

    StartupVerification(ExecutorService resolver, HostResolver names, LongSupplier nanoTime) {
        this.resolver = resolver;
        this.names = names;
        this.nanoTime = nanoTime;
    }

    /**
     * Returns what it found (the node that connected, and the reasons of those before it) once a node
     * connects and authenticates.
     *
     * @throws ForwardStartException when no node does, with each node's reason
     */
    String verify(String upstreamName, List<NodeDefinition> nodes) throws ForwardStartException {
        StringJoiner reasons = new StringJoiner("; ");
        int failed = 0;
        for (NodeDefinition node : nodes) {
            if (node.weight() == 0) {
                continue; // it never gets a batch: that it answers says nothing of the upstream
            }
            String failure = attempt(node);
            if (failure == null) {
                return Settings.VERIFY_CONNECTION_AT_STARTUP + ": connected to " + node.address().describe()
                        + (failed == 0 ? "" : " (before it, " + reasons + ")");
            }
            if (failed++ < NAMED_AT_MOST) {
                reasons.add(node.name() + ": " + failure);
            }
        }
        if (failed > NAMED_AT_MOST) {
            reasons.add("and " + (failed - NAMED_AT_MOST) + " more");
        }
        throw new ForwardStartException(Settings.VERIFY_CONNECTION_AT_STARTUP + " is on and no node of upstream '"
                + upstreamName + "' could be connected to and authenticated (" + reasons + ")", null);
    }

    /** Connects to {@code node} and ends the connection in order; returns why it failed, or {@code null}. */
    private String attempt(NodeDefinition node) {
        long started = nanoTime.getAsLong();
        Duration timeout = node.wire().connectTimeout();
        InetAddress address;
        try {
            address = address(node, timeout);
        } catch (DeliveryException e) {
            return e.getMessage();
        }
        DrivenConnection connection = new DrivenConnection(node.address(), node.transport(), node.wire(), node.setup(),
                ConnectionListener.IGNORE, nanoTime);
        try {
            // connectTimeout counts from the attempt's start: the lookup is part of it, as in the pipeline
            connection.open(new InetSocketAddress(address, node.address().port()), started);
            connection.drainAndAwait(CLOSE_WAIT);
            return null;
        } catch (DeliveryException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            connection.close();
        }
    }

    /** The address to connect to: no lookup for an IP address, else on the resolver's threads within {@code timeout}. */
    private InetAddress address(NodeDefinition node, Duration timeout) throws DeliveryException {
        String host = node.address().host();
        InetAddress literal = Connector.literal(host);
        if (literal != null) {
            return literal;
        }
        Future<List<InetAddress>> lookup;
        try {
            lookup = resolver.submit(() -> names.addresses(host));
        } catch (RejectedExecutionException e) {
            throw unresolved(host, "");
        }
        try {
            List<InetAddress> found = lookup.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (found == null || found.isEmpty()) {
                throw unresolved(host, "");
            }
            return node.dns().pick(found, bound -> ThreadLocalRandom.current().nextInt(bound));
        } catch (ExecutionException e) {
            throw unresolved(host, "");
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw unresolved(host, " within " + Durations.format(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lookup.cancel(true);
            throw unresolved(host, " (interrupted)");
        }
    }

    private static DeliveryException unresolved(String host, String how) {
        return new DeliveryException(DeliveryException.Kind.UNKNOWN_HOST, "cannot resolve host '" + host + "'" + how);
    }
}
