package io.forwardlog.internal.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.StatusListener;
import io.forwardlog.internal.forward.ConnectionSetup;
import io.forwardlog.internal.forward.NodeAddress;
import io.forwardlog.internal.forward.OutboundBatch;
import io.forwardlog.internal.forward.WireOptions;
import io.forwardlog.internal.status.StatusReporter;
import io.forwardlog.internal.transport.TcpTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Standby nodes called in and sent back as Fluentd's out_forward does it, on a fake clock: the nodes'
 * health follows the heartbeats the test says were answered, and the balancer's rounds run at the
 * times the test chooses. No connection is ever opened.
 */
class StandbyRotationTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    /** Heartbeats every second; silent for 5 s: down; healthy for 10 s: back. */
    private static final HealthPolicy POLICY = new HealthPolicy(true, SECOND, false, 16, 5 * SECOND, 10 * SECOND);

    private final List<String> messages = new ArrayList<>();
    private final Backoff backoff = new Backoff(SECOND, 30 * SECOND, () -> 1.0);
    private long now;

    @Test
    void aStandbyIsCalledInWhenAnActiveNodeGoesDownAndSentBackOnlyAfterItsRecoverWait() {
        List<NodeChannel> nodes = nodes(node("node-1", 1001, 60, false), node("node-2", 1002, 60, false),
                node("standby", 1003, 60, true));
        NodeChannel node1 = nodes.get(0);
        NodeChannel node2 = nodes.get(1);
        NodeChannel standby = nodes.get(2);
        Balancer balancer = new Balancer(nodes, reporter());

        for (; now <= 10 * SECOND; now += SECOND) {
            answer(node1, node2, standby);
        }
        assertEquals(List.of(node1, node2), balancer.rotation());

        // node-1 is silent from 11 s on: down once the silence passes hardTimeout
        for (; now <= 15 * SECOND; now += SECOND) {
            answer(node2, standby);
            balancer.maintain(now, backoff);
        }
        assertEquals(List.of(node1, node2), balancer.rotation(), "5 s of silence is not more than hardTimeout");
        answer(node2, standby);
        balancer.maintain(now, backoff);
        assertEquals(List.of(node2, standby), balancer.rotation());
        assertEquals(List.of(
                "WARN test: node 'node-1' (127.0.0.1:1001): no heartbeat for 6.0s (hardTimeout); using 2 other nodes",
                "WARN test: using standby node 'standby' (127.0.0.1:1003) while active nodes are down (node-1)"), messages);
        messages.clear();

        // node-1 answers again from 20 s on; it is back, and the standby leaves, 10 s (recoverWait) later
        for (now = 20 * SECOND; now < 30 * SECOND; now += SECOND) {
            answer(node1, node2, standby);
            balancer.maintain(now, backoff);
            assertEquals(List.of(node2, standby), balancer.rotation(), "at " + now / SECOND + "s");
        }
        answer(node1, node2, standby);
        balancer.maintain(now, backoff);
        assertEquals(List.of(node1, node2), balancer.rotation());
        assertEquals(List.of(
                "WARN test: node 'node-1' (127.0.0.1:1001) is back after 14s; using 2 nodes",
                "WARN test: standby node 'standby' (127.0.0.1:1003) is on standby again: the active nodes are back"), messages);
    }

    @Test
    void aStandbyThatIsDownIsPassedOverForTheNextOne() {
        List<NodeChannel> nodes = nodes(node("node-1", 1001, 60, false), node("standby-1", 1002, 60, true),
                node("standby-2", 1003, 60, true));
        Balancer balancer = new Balancer(nodes, reporter());

        balancer.maintain(now, backoff);
        nodes.get(1).health().failed("connection refused", now);
        nodes.get(0).health().failed("connection refused", now);

        assertEquals(List.of(nodes.get(2)), balancer.rotation());
    }

    @Test
    void nodesOfWeightZeroThatAreUpDoNotMakeTheUpstreamAvailable() {
        List<NodeChannel> nodes = nodes(node("node-1", 1001, 60, false), node("zero", 1002, 0, false));
        Balancer balancer = new Balancer(nodes, reporter());
        assertTrue(balancer.anyAvailable());

        for (now = SECOND; now <= 6 * SECOND; now += SECOND) {
            answer(nodes.get(1));
            balancer.maintain(now, backoff);
        }

        assertFalse(balancer.anyAvailable());
        assertTrue(nodes.get(1).isAvailable());
        assertEquals(List.of(
                "WARN test: node 'node-1' (127.0.0.1:1001): no heartbeat for 6.0s (hardTimeout); no other node is available",
                "ERROR test: no node of upstream 'test' is available (node-1: no heartbeat for 6.0s (hardTimeout)); "
                        + "keeping events buffered and retrying"), messages);
    }

    private void answer(NodeChannel... nodes) {
        for (NodeChannel node : nodes) {
            node.heartbeatAnswered(now);
        }
    }

    private HealthReporter reporter() {
        StatusListener recording = new StatusListener() {
            @Override
            public void info(String message) {
                messages.add("INFO " + message);
            }

            @Override
            public void warn(String message) {
                messages.add("WARN " + message);
            }

            @Override
            public void error(String message, Throwable cause) {
                messages.add("ERROR " + message);
            }
        };
        return new HealthReporter(new StatusReporter(recording, "test: ", 0, () -> now), "test");
    }

    private List<NodeChannel> nodes(NodeDefinition... definitions) {
        Connector unused = new Connector(null, Runnable::run, Runnable::run, () -> now);
        List<NodeChannel> nodes = new ArrayList<>();
        for (NodeDefinition definition : definitions) {
            nodes.add(new NodeChannel(definition, POLICY, unused, new NoEvents(), () -> now, "test"));
        }
        return nodes;
    }

    private static NodeDefinition node(String name, int port, int weight, boolean standby) {
        return new NodeDefinition(new NodeAddress(name, "127.0.0.1", port), weight, standby, new TcpTransport(),
                ConnectionSetup.NONE, WireOptions.defaults(), name);
    }

    private static final class NoEvents implements NodeEvents {
        @Override
        public void delivered(OutboundBatch batch) {
            throw new AssertionError("no batch is sent");
        }

        @Override
        public void returned(List<OutboundBatch> batches) {
            throw new AssertionError("no batch is sent");
        }

        @Override
        public void unsendable(OutboundBatch batch, String why) {
            throw new AssertionError(why);
        }
    }
}
