package io.forwardlog.internal.balance;

import io.forwardlog.internal.forward.ConnectionListener;
import io.forwardlog.internal.forward.DeliveryException;
import io.forwardlog.internal.forward.ForwardConnection;
import io.forwardlog.internal.transport.IoLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;

/**
 * Opens connections to nodes on the I/O loop. A host name is looked up on the resolver's threads (a DNS
 * lookup may block for seconds, the loop never does) and the result handed back to the loop; an IP
 * address needs no lookup. The host is looked up at every connect unless its node keeps the addresses
 * for a while ({@code expireDnsCache}), so a DNS change is followed by the next connection. A connection
 * goes to the host's first address, or, with {@code dnsRoundRobin}, to one of all its addresses picked at
 * random, each as likely, as Fluentd's {@code addrinfo_list.sample} does.
 *
 * <p>Threads: called on the I/O loop's thread; a lookup runs on the resolver's, and its result is handed back
 * to the loop as a task, so the connection is only ever touched by the loop.
 */
public final class Connector {

    private final IoLoop loop;
    private final Executor resolver;
    private final HostResolver names;
    private final Executor onLoop;
    private final LongSupplier nanoTime;
    private final IntUnaryOperator random;

    /**
     * A connector that looks hosts up through the JVM and picks addresses with {@link ThreadLocalRandom}.
     *
     * @param resolver runs DNS lookups; bounded, its threads are not the loop's
     * @param onLoop   runs a task on the loop's thread
     */
    public Connector(IoLoop loop, Executor resolver, Executor onLoop, LongSupplier nanoTime) {
        this(loop, resolver, HostResolver.SYSTEM, onLoop, nanoTime, bound -> ThreadLocalRandom.current().nextInt(bound));
    }

    /**
     * @param names  looks up a host's addresses, on the {@code resolver}'s threads
     * @param random given a bound {@code n}, a number from 0 to {@code n - 1}, each as likely
     */
    public Connector(IoLoop loop, Executor resolver, HostResolver names, Executor onLoop, LongSupplier nanoTime,
                     IntUnaryOperator random) {
        this.loop = loop;
        this.resolver = resolver;
        this.names = names;
        this.onLoop = onLoop;
        this.nanoTime = nanoTime;
        this.random = random;
    }

    /** A connection to {@code node}, not started yet; the listener will hear how it goes. */
    ForwardConnection create(NodeDefinition node, ConnectionListener listener) {
        return new ForwardConnection(node.address(), node.transport(), node.wire(), node.setup(), listener, nanoTime);
    }

    /**
     * Starts {@code connection} to {@code node}: the lookup (unless {@code known} still holds the host's
     * addresses), the choice of an address, then the connect. The listener may hear from it before this
     * returns (a refused connect to an IP address). Loop thread.
     */
    void start(ForwardConnection connection, NodeDefinition node, KnownAddresses known) {
        long started = nanoTime.getAsLong();
        connection.resolving(started);
        addresses(node, known, started, found -> {
            if (connection.isEnded()) {
                return; // given up meanwhile (its connect deadline, a reload, a stop)
            }
            if (found == null) {
                connection.failBeforeOpen(new DeliveryException(DeliveryException.Kind.UNKNOWN_HOST,
                        "cannot resolve host '" + node.address().host() + "'"));
            } else {
                connection.open(loop, new InetSocketAddress(pick(found, node.dns()), node.address().port()), started);
            }
        });
    }

    /** The address a connection goes to among {@code found}: the first, or with round-robin any of them. */
    InetAddress pick(List<InetAddress> found, DnsOptions dns) {
        return dns.pick(found, random);
    }

    /** Gives the addresses of {@code node}'s host at {@code nowNanos} (or {@code null}) to {@code then}, on the loop. */
    void addresses(NodeDefinition node, KnownAddresses known, long nowNanos, Consumer<List<InetAddress>> then) {
        String host = node.address().host();
        InetAddress literal = literal(host);
        if (literal != null) {
            then.accept(List.of(literal));
            return;
        }
        List<InetAddress> kept = known.fresh(node.dns(), nowNanos);
        if (kept != null) {
            then.accept(kept);
            return;
        }
        lookUp(host, found -> {
            if (found != null) {
                known.remember(found, nanoTime.getAsLong());
            }
            then.accept(found);
        });
    }

    /** Resolves {@code host} and gives its first address (or {@code null}) to {@code then} on the loop's thread. */
    void resolve(String host, Consumer<InetAddress> then) {
        InetAddress literal = literal(host);
        if (literal != null) {
            then.accept(literal);
            return;
        }
        lookUp(host, found -> then.accept(found == null ? null : found.get(0)));
    }

    /** Looks {@code host} up on the resolver's threads; gives its addresses (or {@code null}) to {@code then} on the loop. */
    private void lookUp(String host, Consumer<List<InetAddress>> then) {
        try {
            resolver.execute(() -> {
                List<InetAddress> found;
                try {
                    found = names.addresses(host);
                    if (found == null || found.isEmpty()) {
                        found = null;
                    }
                } catch (UnknownHostException | RuntimeException e) {
                    found = null;
                }
                List<InetAddress> result = found;
                onLoop.execute(() -> then.accept(result));
            });
        } catch (RejectedExecutionException stopping) {
            then.accept(null);
        }
    }

    /** The address of an IP literal, without a lookup; {@code null} for a host name. */
    public static InetAddress literal(String host) {
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
