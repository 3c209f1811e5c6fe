package io.forwardlog.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.internal.balance.Balancer;
import io.forwardlog.internal.balance.DeliverySink;
import io.forwardlog.internal.balance.NodeChannel;
import io.forwardlog.internal.balance.NodeDefinition;
import io.forwardlog.internal.balance.NodeSet;
import io.forwardlog.internal.forward.ConnectionSetup;
import io.forwardlog.internal.forward.NodeAddress;
import io.forwardlog.internal.forward.OutboundBatch;
import io.forwardlog.internal.forward.WireOptions;
import io.forwardlog.internal.status.StatusReporter;
import io.forwardlog.internal.transport.TcpTransport;
import io.forwardlog.StatusListener;
import io.forwardlog.testkit.ForwardReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The balancer over real connections to three in-process receivers: the unit balanced is a batch. */
class BalancerReceiversTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<ForwardReceiver> receivers = new ArrayList<>();
    private NodeSet nodes;

    @AfterEach
    void tearDown() {
        if (nodes != null) {
            nodes.closeAll();
        }
        receivers.forEach(ForwardReceiver::close);
        timer.shutdownNow();
    }

    @Test
    void roundRobinGivesEachOfThreeEqualNodesExactlyAThirdOfThirtyThousandBatches() throws Exception {
        Balancer balancer = balancer(60, 60, 60);

        send(balancer, 30_000);

        for (ForwardReceiver receiver : receivers) {
            assertEquals(10_000, receiver.awaitEvents(10_000, Duration.ofSeconds(30)).size(), receiver.toString());
            assertEquals(10_000, receiver.messages().size(), "one message per batch");
        }
    }

    @Test
    void weightsOneTwoThreeSplitTrafficInThatRatio() throws Exception {
        Balancer balancer = balancer(10, 20, 30);

        send(balancer, 12_000);

        assertEquals(2_000, receivers.get(0).awaitEvents(2_000, Duration.ofSeconds(30)).size());
        assertEquals(4_000, receivers.get(1).awaitEvents(4_000, Duration.ofSeconds(30)).size());
        assertEquals(6_000, receivers.get(2).awaitEvents(6_000, Duration.ofSeconds(30)).size());
    }

    @Test
    void aNodeThatRefusesIsSkippedInTheSameAttemptAndMarkedDown() throws Exception {
        Balancer balancer = balancer(60, 60, 60);
        receivers.get(1).stop();

        send(balancer, 300);

        assertEquals(150, receivers.get(0).awaitEvents(150, Duration.ofSeconds(10)).size());
        assertEquals(150, receivers.get(2).awaitEvents(150, Duration.ofSeconds(10)).size());
        NodeChannel down = balancer.nodes().get(1);
        assertEquals("down", down.status().getState());
        assertEquals("connection refused", down.status().getLastError());
    }

    private void send(Balancer balancer, int batches) {
        List<OutboundBatch> returned = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            NodeChannel node = balancer.send(new OneEventBatch(i), returned);
            assertNotNull(node, "batch " + i + " found no node");
        }
        assertTrue(returned.isEmpty());
    }

    private Balancer balancer(int... weights) throws Exception {
        List<NodeDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            ForwardReceiver receiver = ForwardReceiver.builder().name("node-" + (i + 1)).start();
            receivers.add(receiver);
            definitions.add(new NodeDefinition(new NodeAddress("node-" + (i + 1), "127.0.0.1", receiver.port()),
                    weights[i], false, new TcpTransport(), ConnectionSetup.NONE, WireOptions.defaults(), "node-" + i));
        }
        DeliverySink sink = new DeliverySink() {
            @Override
            public void acknowledged(OutboundBatch batch) {
            }

            @Override
            public void wake() {
            }
        };
        StatusReporter status = new StatusReporter(StatusListener.STDERR, "test: ", 0, System::nanoTime);
        nodes = new NodeSet(false, TimeUnit.SECONDS.toNanos(1), true, 16, TimeUnit.SECONDS.toNanos(60),
                TimeUnit.SECONDS.toNanos(10), timer, sink, System::nanoTime, status, "test");
        nodes.start("test", definitions);
        return nodes.balancer();
    }

    /** A batch of one event {@code {"n": n}}. */
    private record OneEventBatch(byte[] entries, int eventCount) implements OutboundBatch {
        OneEventBatch(int n) {
            this(entry(n), 1);
        }

        private static byte[] entry(int n) {
            try (var packer = org.msgpack.core.MessagePack.newDefaultBufferPacker()) {
                packer.packArrayHeader(2);
                io.forwardlog.internal.forward.EventTime.pack(packer, 1_700_000_000L, 0);
                packer.packMapHeader(1);
                packer.packString("n");
                packer.packInt(n);
                return packer.toByteArray();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public String tag() {
            return "test";
        }

        @Override
        public int entriesLength() {
            return entries.length;
        }
    }
}
