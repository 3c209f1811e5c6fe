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
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The balancer over real connections to three in-process receivers: the unit balanced is a batch. The
 * test drives the I/O loop itself, round by round, as the sender does, and lets each batch go only once
 * every available node can take one, so the split is exact whatever the machine's speed.
 */
class BalancerReceiversTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final List<ForwardReceiver> receivers = new ArrayList<>();
    private final Queue<Runnable> loopTasks = new ConcurrentLinkedQueue<>();
    private final RecordingNodeEvents nodeEvents = new RecordingNodeEvents();
    private final ExecutorService resolver = Executors.newSingleThreadExecutor();
    private final Backoff backoff = new Backoff(SECOND, 30 * SECOND, () -> 1.0);
    private IoLoop loop;
    private NodeSet nodes;

    @AfterEach
    void tearDown() {
        if (nodes != null) {
            nodes.abortAll();
        }
        if (loop != null) {
            loop.close();
        }
        resolver.shutdownNow();
        receivers.forEach(ForwardReceiver::close);
    }

    @Test
    void roundRobinGivesEachOfThreeEqualNodesExactlyAThirdOfThirtyThousandBatches() throws Exception {
        start(60, 60, 60);

        send(30_000);

        for (ForwardReceiver receiver : receivers) {
            assertEquals(10_000, receiver.awaitEvents(10_000, WAIT).size(), receiver.toString());
            assertEquals(10_000, receiver.messages().size(), "one message per batch");
        }
        assertEquals(30_000, nodeEvents.delivered.size());
    }

    @Test
    void weightsOneTwoThreeSplitTrafficInThatRatio() throws Exception {
        start(10, 20, 30);

        send(12_000);

        assertEquals(2_000, receivers.get(0).awaitEvents(2_000, WAIT).size());
        assertEquals(4_000, receivers.get(1).awaitEvents(4_000, WAIT).size());
        assertEquals(6_000, receivers.get(2).awaitEvents(6_000, WAIT).size());
    }

    @Test
    void aNodeThatRefusesIsMarkedDownAndTheOthersShareItsTraffic() throws Exception {
        start(60, 60, 60);
        receivers.get(1).stop();

        send(300);

        assertEquals(150, receivers.get(0).awaitEvents(150, WAIT).size());
        assertEquals(150, receivers.get(2).awaitEvents(150, WAIT).size());
        NodeChannel down = nodes.balancer().nodes().get(1);
        assertEquals("down", down.status().getState());
        assertEquals("connection refused", down.status().getLastError());
        assertTrue(nodeEvents.returned.isEmpty(), "no batch was ever on the refusing node");
    }

    /** Sends {@code batches} one-event batches, each once every available node can take one. */
    private void send(int batches) throws IOException {
        for (int i = 0; i < batches; i++) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!allAvailableNodesReady()) {
                assertTrue(System.nanoTime() < deadline, "the nodes never became ready: " + nodes.all());
                round();
            }
            nodes.balancer().pick().send(new OneEventBatch(i));
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (nodeEvents.delivered.size() < batches) {
            assertTrue(System.nanoTime() < deadline, nodeEvents.delivered.size() + " of " + batches + " batches written");
            round();
        }
    }

    private boolean allAvailableNodesReady() {
        Balancer balancer = nodes.balancer();
        balancer.connectAvailable();
        boolean any = false;
        for (NodeChannel node : balancer.nodes()) {
            if (node.isAvailable()) {
                if (!node.canTakeBatch()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** One round of the loop, as the sender runs it. */
    private void round() throws IOException {
        loop.select(TimeUnit.MILLISECONDS.toNanos(10));
        Runnable task;
        while ((task = loopTasks.poll()) != null) {
            task.run();
        }
        nodes.balancer().maintain(System.nanoTime(), backoff);
    }

    private void start(int... weights) throws IOException {
        loop = IoLoop.open();
        List<NodeDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            ForwardReceiver receiver = ForwardReceiver.builder().name("node-" + (i + 1)).start();
            receivers.add(receiver);
            definitions.add(new NodeDefinition(new NodeAddress("node-" + (i + 1), "127.0.0.1", receiver.port()),
                    weights[i], false, new TcpTransport(), ConnectionSetup.NONE, WireOptions.defaults(), "node-" + i));
        }
        Connector connector = new Connector(loop, resolver, task -> {
            loopTasks.add(task);
            loop.wakeup();
        }, System::nanoTime);
        HealthPolicy noHeartbeats = new HealthPolicy(false, SECOND, true, 16, 60 * SECOND, 10 * SECOND);
        StatusReporter status = new StatusReporter(StatusListener.STDERR, "test: ", 0, System::nanoTime);
        nodes = new NodeSet(new NodeSet.Parts(noHeartbeats, connector, nodeEvents, status, System::nanoTime, "test"),
                loop::wakeup);
        nodes.start("test", definitions);
    }
}
