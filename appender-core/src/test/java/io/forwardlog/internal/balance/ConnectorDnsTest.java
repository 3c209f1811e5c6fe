package io.forwardlog.internal.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.internal.forward.ConnectionSetup;
import io.forwardlog.internal.forward.NodeAddress;
import io.forwardlog.internal.forward.WireOptions;
import io.forwardlog.internal.transport.TcpTransport;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * How the connector turns a node's host into the address of a connection: a fake resolver stands for a
 * name with several addresses (as a Kubernetes headless Service has), the clock is the test's, and the
 * resolver's threads and the loop are two queues the test runs, so it can see which work happens where.
 */
class ConnectorDnsTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final String HOST = "aggregators.test";

    private final Queue<Runnable> resolverThreads = new ArrayDeque<>();
    private final Queue<Runnable> loop = new ArrayDeque<>();
    private final List<String> lookups = new ArrayList<>();
    private List<InetAddress> answer = List.of(ip("127.0.0.2"), ip("127.0.0.3"));
    private long now;

    private final HostResolver names = host -> {
        lookups.add(host);
        if (answer.isEmpty()) {
            throw new UnknownHostException(host);
        }
        return answer;
    };

    @Test
    void looksTheHostUpOnTheResolversThreadsAndHandsTheAnswerToTheLoop() {
        Connector connector = connector(bound -> 0);
        List<List<InetAddress>> given = new ArrayList<>();

        connector.addresses(node(DnsOptions.DEFAULT), new KnownAddresses(), now, given::add);

        assertEquals(List.of(), lookups, "nothing is looked up on the calling (loop) thread");
        runAll(resolverThreads);
        assertEquals(List.of(HOST), lookups);
        assertEquals(List.of(), given, "the answer waits for the loop");
        runAll(loop);
        assertEquals(List.of(answer), given);
    }

    @Test
    void withoutRoundRobinEveryConnectionGoesToTheFirstAddress() {
        Connector connector = connector(bound -> bound - 1);

        for (int i = 0; i < 10; i++) {
            assertEquals(ip("127.0.0.2"), connector.pick(answer, DnsOptions.DEFAULT));
        }
    }

    @Test
    void withRoundRobinEachConnectionGoesToTheAddressTheRandomNumberPicks() {
        Queue<Integer> draws = new ArrayDeque<>(List.of(1, 0, 0, 1));
        List<Integer> bounds = new ArrayList<>();
        Connector connector = connector(bound -> {
            bounds.add(bound);
            return draws.remove();
        });
        DnsOptions roundRobin = new DnsOptions(true, Optional.empty());

        List<InetAddress> picked = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            picked.add(connector.pick(answer, roundRobin));
        }

        assertEquals(List.of(ip("127.0.0.3"), ip("127.0.0.2"), ip("127.0.0.2"), ip("127.0.0.3")), picked);
        assertEquals(List.of(2, 2, 2, 2), bounds, "each address is a candidate every time");
        assertEquals(ip("127.0.0.2"), connector.pick(List.of(ip("127.0.0.2")), roundRobin), "one address: no draw");
    }

    @Test
    void roundRobinSpreadsConnectionsUniformlyOverEveryAddress() {
        Connector connector = connector(bound -> ThreadLocalRandom.current().nextInt(bound));
        List<InetAddress> three = List.of(ip("127.0.0.2"), ip("127.0.0.3"), ip("127.0.0.4"));
        Map<InetAddress, Integer> counts = new HashMap<>();

        for (int i = 0; i < 30_000; i++) {
            counts.merge(connector.pick(three, new DnsOptions(true, Optional.empty())), 1, Integer::sum);
        }

        // each 10,000 expected; 500 away is six standard deviations
        for (InetAddress address : three) {
            assertTrue(Math.abs(counts.get(address) - 10_000) < 500, counts.toString());
        }
    }

    @Test
    void byDefaultAndWithZeroEveryConnectLooksTheHostUp() {
        for (DnsOptions dns : List.of(DnsOptions.DEFAULT, new DnsOptions(false, Optional.of(Duration.ZERO)))) {
            lookups.clear();
            KnownAddresses known = new KnownAddresses();
            for (int i = 0; i < 3; i++) {
                resolveNow(node(dns), known);
            }
            assertEquals(3, lookups.size(), dns.toString());
        }
    }

    @Test
    void expireDnsCacheKeepsTheAddressesThatLongThenLooksAgain() {
        NodeDefinition node = node(new DnsOptions(true, Optional.of(Duration.ofSeconds(10))));
        KnownAddresses known = new KnownAddresses();

        assertEquals(answer, resolveNow(node, known));
        answer = List.of(ip("127.0.0.4"));
        now = 9 * SECOND;
        assertEquals(List.of(ip("127.0.0.2"), ip("127.0.0.3")), resolveNow(node, known), "kept for 10s");
        assertEquals(1, lookups.size());

        now = 10 * SECOND;
        assertEquals(List.of(ip("127.0.0.4")), resolveNow(node, known), "looked up again after 10s");
        assertEquals(2, lookups.size());
    }

    @Test
    void addressesForgottenAfterAFailureAreLookedUpAgainAtOnce() {
        NodeDefinition node = node(new DnsOptions(false, Optional.of(Duration.ofMinutes(5))));
        KnownAddresses known = new KnownAddresses();
        resolveNow(node, known);

        known.forget();
        answer = List.of(ip("127.0.0.4"));

        assertEquals(List.of(ip("127.0.0.4")), resolveNow(node, known));
        assertEquals(2, lookups.size());
    }

    @Test
    void aHostWithoutAddressesGivesNullAndNothingIsKept() {
        NodeDefinition node = node(new DnsOptions(false, Optional.of(Duration.ofMinutes(5))));
        KnownAddresses known = new KnownAddresses();
        answer = List.of();

        assertNull(resolveNow(node, known));
        answer = List.of(ip("127.0.0.2"));
        assertEquals(List.of(ip("127.0.0.2")), resolveNow(node, known));
    }

    @Test
    void anIpAddressNeedsNoLookup() {
        NodeDefinition literal = new NodeDefinition(new NodeAddress("n", "127.0.0.9", 24224), 60, false,
                new TcpTransport(), ConnectionSetup.NONE, WireOptions.defaults(), "n");
        List<List<InetAddress>> given = new ArrayList<>();

        connector(bound -> 0).addresses(literal, new KnownAddresses(), now, given::add);

        assertEquals(List.of(List.of(ip("127.0.0.9"))), given);
        assertEquals(List.of(), lookups);
        assertTrue(resolverThreads.isEmpty());
    }

    /** The addresses given for {@code node} once the resolver's threads and the loop have run. */
    private List<InetAddress> resolveNow(NodeDefinition node, KnownAddresses known) {
        List<List<InetAddress>> given = new ArrayList<>();
        connector(bound -> 0).addresses(node, known, now, given::add);
        runAll(resolverThreads);
        runAll(loop);
        assertEquals(1, given.size());
        return given.get(0);
    }

    private Connector connector(IntUnaryOperator random) {
        return new Connector(null, resolverThreads::add, names, loop::add, () -> now, random);
    }

    private static NodeDefinition node(DnsOptions dns) {
        return new NodeDefinition(new NodeAddress("aggregators", HOST, 24224), 60, false, new TcpTransport(),
                ConnectionSetup.NONE, WireOptions.defaults(), dns, Recycling.NONE, "aggregators");
    }

    private static void runAll(Queue<Runnable> tasks) {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
