package io.forwardlog.pipeline;

import static io.forwardlog.pipeline.PipelineTestSupport.node;
import static io.forwardlog.pipeline.PipelineTestSupport.sequences;
import static io.forwardlog.pipeline.PipelineTestSupport.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.HeartbeatType;
import io.forwardlog.NodeStatus;
import io.forwardlog.pipeline.PipelineTestSupport.Event;
import io.forwardlog.pipeline.PipelineTestSupport.RecordingStatus;
import io.forwardlog.testkit.ForwardReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failure detection and recovery with three in-process receivers and the whole pipeline. */
class FailoverTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();
    private final List<ForwardReceiver> receivers = new ArrayList<>();
    private ForwardPipeline pipeline;
    private long sequence;

    @AfterEach
    void tearDown() {
        if (pipeline != null) {
            pipeline.stop();
        }
        receivers.forEach(ForwardReceiver::close);
    }

    @Test
    void theStandbyTakesOverWhenEveryActiveNodeIsDownAndHandsBackWhenTheyReturn() throws Exception {
        ForwardReceiver a = receiver("node-1");
        ForwardReceiver b = receiver("node-2");
        ForwardReceiver standby = receiver("standby");
        start(upstreamFile(dir, node("node-1", a), node("node-2", b), node("standby", standby, "standby on")),
                s -> s.heartbeatType(HeartbeatType.TCP));

        log(100);
        await("the active nodes to take 100 events", WAIT, () -> a.eventCount() + b.eventCount() >= 100);
        assertEquals(100, a.eventCount() + b.eventCount(), "no event arrived twice");
        assertEquals(0, standby.eventCount());

        a.stop();
        b.stop();
        await("both active nodes to be down", WAIT, () -> state("node-1").equals("down") && state("node-2").equals("down"));
        log(100);
        await("the standby to take over", WAIT, () -> standby.eventCount() >= 100);
        assertEquals(100, standby.eventCount(), "no event arrived twice");

        a.restart();
        b.restart();
        await("the active nodes to come back", WAIT, () -> state("node-1").equals("up") && state("node-2").equals("up"));
        log(100);
        await("the active nodes to take the traffic back", WAIT, () -> a.eventCount() + b.eventCount() >= 200);
        assertEquals(200, a.eventCount() + b.eventCount(), "no event arrived twice");
        assertEquals(100, standby.eventCount());
        assertTrue(status.contains("upstream 'test-upstream' is available again") || status.contains("is back after"), status.toString());
    }

    @Test
    void aStandbyStandsInForOneActiveNodeThatIsDownAndLeavesWhenItIsBack() throws Exception {
        // the measurement: two active nodes and a standby, all of weight 60, acks on, node-1 closed
        ForwardReceiver a = receiver("node-1");
        ForwardReceiver b = receiver("node-2");
        ForwardReceiver standby = receiver("standby");
        start(upstreamFile(dir, node("node-1", a), node("node-2", b), node("standby", standby, "standby on")),
                s -> s.requireAckResponse(true));
        a.stop();
        await("node-1 to be down", WAIT, () -> state("node-1").equals("down"));

        log(2000);
        await("2,000 events", WAIT, () -> sequences(a, b, standby).size() >= 2000);

        assertEquals(0, a.eventCount());
        assertTrue(b.eventCount() > 0 && standby.eventCount() > 0, b.eventCount() + " and " + standby.eventCount());
        assertTrue(status.contains("WARN forwardlog 'forward': using standby node 'standby' (127.0.0.1:"
                + standby.port() + ") while active nodes are down (node-1)"), status.toString());

        a.restart();
        await("the standby to leave", WAIT, () -> status.contains("WARN forwardlog 'forward': standby node 'standby' (127.0.0.1:"
                + standby.port() + ") is on standby again: the active nodes are back"));
        int standbyEvents = standby.eventCount();
        log(1000);
        await("1,000 more events", WAIT, () -> sequences(a, b, standby).size() >= 3000);

        assertEquals(standbyEvents, standby.eventCount(), "the standby got nothing once node-1 was back");
        assertTrue(a.eventCount() > 0, "node-1 takes its share again");
        assertEquals(0, pipeline.stats().totalDropped());
    }

    @Test
    void aKilledNodeIsSkippedAndWithAcksNothingIsLost() throws Exception {
        ForwardReceiver a = receiver("node-1");
        ForwardReceiver b = receiver("node-2");
        ForwardReceiver c = receiver("node-3");
        start(upstreamFile(dir, node("node-1", a), node("node-2", b), node("node-3", c)),
                s -> s.requireAckResponse(true).chunkSize(1024));

        for (int round = 0; round < 20; round++) {
            log(500);
            if (round == 5) {
                b.stop();
            }
        }

        await("all 10,000 events", WAIT, () -> sequences(a, b, c).size() >= 10_000);
        assertEquals("down", state("node-2"));
        assertTrue(status.contains("node 'node-2' (127.0.0.1:" + b.port() + "): "), status.toString());
        assertEquals(0, pipeline.stats().totalDropped());
    }

    @Test
    void aSilentNodeThatAcceptsButNeverReadsIsDetectedByTheFailureDetector() throws Exception {
        ForwardReceiver a = receiver("node-1");
        ForwardReceiver silent = receiver("node-2");
        start(upstreamFile(dir, node("node-1", a), node("node-2", silent)),
                // the acks of what the silent node holds are awaited for ackResponseTimeout before it is sent again:
                // long enough that the failure detector, not the ack timeout, finds the node
                s -> s.requireAckResponse(true).ackResponseTimeout(Duration.ofSeconds(5))
                        .heartbeatType(HeartbeatType.TRANSPORT).heartbeatInterval(Duration.ofMillis(100)).phiThreshold(1));
        log(100);
        await("both nodes to get traffic", WAIT, () -> a.eventCount() > 0 && silent.eventCount() > 0);

        silent.faults().stopReading(true);
        await("the silent node to be detected", WAIT, () -> state("node-2").equals("down"));
        log(200);

        await("every event at the other node", WAIT, () -> sequences(a, silent).size() >= 300);
        String error = status("node-2").getLastError();
        assertTrue(error.startsWith("no heartbeat for ") && error.contains("phiThreshold 1"), error);
    }

    @Test
    void aFailedNodeGetsTrafficAgainOnlyAfterRecoverWaitOfHealth() throws Exception {
        ForwardReceiver a = receiver("node-1");
        ForwardReceiver b = receiver("node-2");
        start(upstreamFile(dir, node("node-1", a), node("node-2", b)),
                s -> s.heartbeatType(HeartbeatType.TCP).heartbeatInterval(Duration.ofMillis(50))
                        .recoverWait(Duration.ofMillis(1500)));
        b.stop();
        log(10);
        await("node-2 to be down", WAIT, () -> state("node-2").equals("down"));

        b.restart();
        long back = System.nanoTime();
        await("node-2 to come back", WAIT, () -> state("node-2").equals("up"));
        long waited = System.nanoTime() - back;

        assertTrue(waited >= Duration.ofMillis(1400).toNanos(), "came back after " + waited / 1_000_000 + "ms");
        assertTrue(status.contains("WARN forwardlog 'forward': node 'node-2' (127.0.0.1:" + b.port() + ") is back after"),
                status.toString());
    }

    @Test
    void everyNodeDownIsSaidOnceWithEachNodesErrorAndTheReturnOnce() throws Exception {
        ForwardReceiver a = receiver("node-1");
        ForwardReceiver b = receiver("node-2");
        start(upstreamFile(dir, node("node-1", a), node("node-2", b)),
                s -> s.heartbeatType(HeartbeatType.TCP).heartbeatInterval(Duration.ofMillis(50)).recoverWait(Duration.ZERO));
        a.stop();
        b.stop();
        log(10);
        await("the upstream to be down", WAIT, () -> status.contains("no node of upstream"));

        a.restart();
        await("the events to arrive", WAIT, () -> a.eventCount() + b.eventCount() >= 10);
        assertEquals(10, a.eventCount() + b.eventCount(), "no event arrived twice");

        assertEquals(1, status.messages.stream().filter(m -> m.contains("no node of upstream")).count(), status.toString());
        assertTrue(status.contains("ERROR forwardlog 'forward': no node of upstream 'test-upstream' is available "
                + "(node-1: connection refused; node-2: connection refused); keeping events buffered and retrying"), status.toString());
        assertEquals(1, status.messages.stream().filter(m -> m.contains("is available again")).count(), status.toString());
        // at the outage's level: whoever was shown the outage is shown its end
        assertTrue(status.contains("ERROR forwardlog 'forward': upstream 'test-upstream' is available again through "
                + "node 'node-1'"), status.toString());
    }

    private void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        try {
            PipelineTestSupport.await(what, timeout, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nnodes: " + pipeline.stats().nodes() + "\nstatus:\n" + status, e);
        }
    }

    private ForwardReceiver receiver(String name) throws Exception {
        ForwardReceiver receiver = ForwardReceiver.builder().name(name).start();
        receivers.add(receiver);
        return receiver;
    }

    private void start(Path upstream, UnaryOperator<ForwardSettings.Builder> settings) throws Exception {
        pipeline = new ForwardPipeline(settings.apply(ForwardSettings.builder().upstream(upstream)
                .flushInterval(Duration.ofMillis(20)).chunkSize(1024).heartbeatInterval(Duration.ofMillis(100))
                .recoverWait(Duration.ofMillis(200)).jmx(false)).build(), status);
        pipeline.start();
    }

    private void log(int events) {
        for (int i = 0; i < events; i++) {
            pipeline.append(new Event("event " + sequence, "main", sequence++));
        }
    }

    private NodeStatus status(String node) {
        return pipeline.stats().nodes().stream().filter(n -> n.getName().equals(node)).findFirst().orElseThrow();
    }

    private String state(String node) {
        return status(node).getState();
    }
}
