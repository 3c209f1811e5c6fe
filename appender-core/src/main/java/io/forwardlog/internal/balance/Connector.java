package io.forwardlog.internal.balance;

import io.forwardlog.internal.forward.ConnectionListener;
import io.forwardlog.internal.forward.DeliveryException;
import io.forwardlog.internal.forward.ForwardConnection;
import io.forwardlog.internal.transport.IoLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Opens connections to nodes on the I/O loop. A host name is resolved on the resolver's threads (a DNS
 * lookup may block for seconds, the loop never does) and the result handed back to the loop; an IP
 * address needs no lookup. The host is resolved at every connect, so a DNS change is followed by the
 * next connection.
 *
 * <p>Threads: called on the I/O loop's thread; a lookup runs on the resolver's, and its result is handed back
 * to the loop as a task, so the connection is only ever touched by the loop.
 */
public final class Connector {

    private final IoLoop loop;
    private final Executor resolver;
    private final Executor onLoop;
    private final LongSupplier nanoTime;

    /**
     * @param resolver runs DNS lookups; bounded, its threads are not the loop's
     * @param onLoop   runs a task on the loop's thread
     */
    public Connector(IoLoop loop, Executor resolver, Executor onLoop, LongSupplier nanoTime) {
        this.loop = loop;
        this.resolver = resolver;
        this.onLoop = onLoop;
        this.nanoTime = nanoTime;
    }

    /** A connection to {@code node}, not started yet; the listener will hear how it goes. */
    ForwardConnection create(NodeDefinition node, ConnectionListener listener) {
        return new ForwardConnection(node.address(), node.transport(), node.wire(), node.setup(), listener, nanoTime);
    }

    /**
     * Starts {@code connection} to {@code node}: the lookup, then the connect. The listener may hear from
     * it before this returns (a refused connect to an IP address). Loop thread.
     */
    void start(ForwardConnection connection, NodeDefinition node) {
        long started = nanoTime.getAsLong();
        connection.resolving(started);
        resolve(node.address().host(), address -> {
            if (connection.isEnded()) {
                return; // given up meanwhile (its connect deadline, a reload, a stop)
            }
            if (address == null) {
                connection.failBeforeOpen(new DeliveryException(DeliveryException.Kind.UNKNOWN_HOST,
                        "cannot resolve host '" + node.address().host() + "'"));
            } else {
                connection.open(loop, new InetSocketAddress(address, node.address().port()), started);
            }
        });
    }

    /** Resolves {@code host} and gives the address (or {@code null}) to {@code then} on the loop's thread. */
    void resolve(String host, Consumer<InetAddress> then) {
        InetAddress literal = literal(host);
        if (literal != null) {
            then.accept(literal);
            return;
        }
        try {
            resolver.execute(() -> {
                InetAddress address;
                try {
                    address = InetAddress.getByName(host);
                } catch (UnknownHostException | RuntimeException e) {
                    address = null;
                }
                InetAddress resolved = address;
                onLoop.execute(() -> then.accept(resolved));
            });
        } catch (RejectedExecutionException stopping) {
            then.accept(null);
        }
    }

    /** The address of an IP literal, without a lookup; {@code null} for a host name. */
    static InetAddress literal(String host) {
        boolean ipv4 = host.matches("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
        boolean ipv6 = host.indexOf(':') >= 0; // InetAddress parses a name with a colon as IPv6, never looks it up
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(host); // a literal is parsed, never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
