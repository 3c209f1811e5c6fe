package io.forwardlog.internal.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.StatusListener;
import io.forwardlog.internal.forward.ConnectionSetup;
import io.forwardlog.internal.forward.NodeAddress;
import io.forwardlog.internal.forward.WireOptions;
import io.forwardlog.internal.status.StatusReporter;
import io.forwardlog.internal.transport.IoLoop;
import io.forwardlog.internal.transport.TcpTransport;
import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.ReceivedEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node's data connection replaced after {@code keepaliveMaxRecycle} batches or {@code keepaliveTimeout},
 * over real connections to an in-process receiver that acknowledges every batch. The test drives the I/O
 * loop round by round, and the clock the node and its connections go by is the test's: the age of a
 * connection is what the test says, whatever the machine's speed.
 */
class RecyclingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final Queue<Runnable> loopTasks = new ConcurrentLinkedQueue<>();
    private final RecordingNodeEvents nodeEvents = new RecordingNodeEvents();
    private final ExecutorService resolver = Executors.newSingleThreadExecutor();
    private final Backoff backoff = new Backoff(SECOND, 30 * SECOND, () -> 1.0);
    private ForwardReceiver receiver;
    private IoLoop loop;
    private NodeSet nodes;
    private volatile long now;
    private int sent;

    @AfterEach
    void tearDown() {
        if (nodes != null) {
            nodes.abortAll();
        }
        if (loop != null) {
            loop.close();
        }
        resolver.shutdownNow();
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aConnectionIsReplacedAfterKeepaliveMaxRecycleBatchesAndNothingIsLostOrSentTwice() throws Exception {
        start(new Recycling(Optional.empty(), 5));

        send(50);

        Map<Integer, List<Long>> byConnection = eventsByConnection(50);
        assertEquals(10, byConnection.size(), byConnection.toString());
        long n = 0;
        for (List<Long> events : byConnection.values()) {
            assertEquals(List.of(n, n + 1, n + 2, n + 3, n + 4), events, "5 batches a connection, in order");
            n += 5;
        }
        assertEquals(50, nodeEvents.delivered.size());
        assertEquals(List.of(), nodeEvents.returned, "no batch came back to be sent again");
    }

    @Test
    void aConnectionIsReplacedOnceItHasBeenOpenForKeepaliveTimeout() throws Exception {
        start(new Recycling(Optional.of(Duration.ofSeconds(10)), 0));

        send(3);
        now = 9 * SECOND;
        send(3);
        now = 10 * SECOND;
        send(3);
        now = 19 * SECOND;
        send(3);

        Map<Integer, List<Long>> byConnection = eventsByConnection(12);
        assertEquals(List.of(List.of(0L, 1L, 2L, 3L, 4L, 5L), List.of(6L, 7L, 8L, 9L, 10L, 11L)),
                List.copyOf(byConnection.values()), "the second connection was opened at 10s: it is 9s old at 19s");
        assertEquals(List.of(), nodeEvents.returned);
    }

    @Test
    void withoutRecyclingOneConnectionCarriesEverything() throws Exception {
        start(Recycling.NONE);

        send(20);
        now = 3600 * SECOND;
        send(20);

        assertEquals(1, eventsByConnection(40).size());
    }

    /**
     * Sends {@code batches} one-event batches, each as soon as the node can take one, and waits for their
     * acks; as the sender does, a round's housekeeping at the current time comes first.
     */
    private void send(int batches) throws IOException {
        round();
        int target = sent + batches;
        while (sent < target) {
            awaitRounds("the node to take a batch", () -> {
                nodes.balancer().connectAvailable();
                return nodes.balancer().anyReady();
            });
            nodes.balancer().pick().send(new OneEventBatch(sent++));
        }
        awaitRounds(target + " batches acknowledged", () -> nodeEvents.delivered.size() >= target);
    }

    /**
     * The numbers of the events each connection carried, connections in the order they were accepted
     * (the receiver numbers them so; its threads may record events of two connections in either order).
     */
    private Map<Integer, List<Long>> eventsByConnection(int events) {
        Map<Integer, List<Long>> byConnection = new TreeMap<>();
        for (ReceivedEvent event : receiver.awaitEvents(events, WAIT)) {
            byConnection.computeIfAbsent(event.connectionId(), id -> new ArrayList<>())
                    .add(((Number) event.record().get("n")).longValue());
        }
        assertEquals(events, receiver.eventCount(), "no event arrived twice");
        return byConnection;
    }

    private void awaitRounds(String what, BooleanSupplier condition) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what + ": " + nodes.all());
            round();
        }
    }

    /** One round of the loop, as the sender runs it, at the test's time. */
    private void round() throws IOException {
        loop.select(TimeUnit.MILLISECONDS.toNanos(10));
        Runnable task;
        while ((task = loopTasks.poll()) != null) {
            task.run();
        }
        nodes.balancer().maintain(now, backoff);
    }

    private void start(Recycling recycling) throws IOException {
        receiver = ForwardReceiver.builder().name("node-1").start();
        loop = IoLoop.open();
        NodeDefinition node = new NodeDefinition(new NodeAddress("node-1", "127.0.0.1", receiver.port()), 60, false,
                new TcpTransport(), ConnectionSetup.NONE, WireOptions.defaults().withRequireAck(true),
                DnsOptions.DEFAULT, recycling, "node-1");
        Connector connector = new Connector(loop, resolver, task -> {
            loopTasks.add(task);
            loop.wakeup();
        }, () -> now);
        HealthPolicy noHeartbeats = new HealthPolicy(false, SECOND, true, 16, 60 * SECOND, 10 * SECOND);
        StatusReporter status = new StatusReporter(StatusListener.STDERR, "test: ", 0, () -> now);
        nodes = new NodeSet(new NodeSet.Parts(noHeartbeats, connector, nodeEvents, status, () -> now, "test"), loop::wakeup);
        nodes.start("test", List.of(node));
    }
}
