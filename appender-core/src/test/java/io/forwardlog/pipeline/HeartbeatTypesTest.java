package io.forwardlog.pipeline;

import static io.forwardlog.pipeline.PipelineTestSupport.node;
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
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heartbeat types: udp, none, and transport on an idle node (its silent-node case is in FailoverTest). */
class HeartbeatTypesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();
    private ForwardPipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.stop();
        }
    }

    @Test
    void udpHeartbeatsAsFluentdSendsThemFindAHungNodeAndItsReturn() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.builder().udpHeartbeat(true).start()) {
            start(upstreamFile(dir, node("node-1", receiver)), s -> s.heartbeatType(HeartbeatType.UDP)
                    .heartbeatInterval(Duration.ofMillis(50)).phiThreshold(1).recoverWait(Duration.ofMillis(200)));

            receiver.faults().stopReading(true);
            PipelineTestSupport.await("the hung node to be found", WAIT, () -> state().getState().equals("down"));
            assertTrue(state().getLastError().contains("phiThreshold 1"), state().getLastError());

            receiver.faults().stopReading(false);
            PipelineTestSupport.await("the node to come back on UDP heartbeats", WAIT, () -> state().getState().equals("up"));
            pipeline.append(new Event("after", "main", 1));
            assertEquals(1, receiver.awaitEvents(1, WAIT).size());
        }
    }

    @Test
    void transportHeartbeatsOfAnIdleNodeKeepOneConnectionInsteadOfConnectingEachTime() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            start(upstreamFile(dir, node("node-1", receiver)), s -> s.heartbeatType(HeartbeatType.TRANSPORT)
                    .heartbeatInterval(Duration.ofMillis(20)));

            PipelineTestSupport.await("ten heartbeats", WAIT, () -> receiver.messages().size() >= 10);
            pipeline.append(new Event("after the heartbeats", "main", 1));
            receiver.awaitEvents(1, WAIT);

            assertEquals(1, receiver.connectionsAccepted(), "heartbeats and data share the probe's connection");
            assertTrue(receiver.messages().stream().limit(10).allMatch(m -> m.eventCount() == 0), "the heartbeats record nothing");
        }
    }

    @Test
    void tcpIsAnOldNameForTransportAsInFluentdAndSaysSo() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            start(upstreamFile(dir, node("node-1", receiver)), s -> s.heartbeatType(HeartbeatType.TCP)
                    .heartbeatInterval(Duration.ofMillis(20)));

            PipelineTestSupport.await("heartbeats on the data connection", WAIT, () -> receiver.messages().size() >= 3);

            assertTrue(receiver.messages().stream().allMatch(m -> m.eventCount() == 0), "transport pings, acknowledged");
            assertTrue(status.contains("WARN forwardlog 'forward': heartbeatType 'tcp' is an old name for 'transport', "
                    + "as in Fluentd 1.x, and works as it: write heartbeatType transport"), status.toString());
        }
    }

    @Test
    void withoutHeartbeatsAFailedNodeIsTriedAgainByTrafficAfterABackOff() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            receiver.stop();
            start(upstreamFile(dir, node("node-1", receiver)), s -> s.heartbeatType(HeartbeatType.NONE));
            pipeline.append(new Event("while down", "main", 0));
            PipelineTestSupport.await("the node to be down", WAIT, () -> state().getState().equals("down"));

            receiver.restart();

            assertEquals(1, receiver.awaitEvents(1, WAIT).size(), status.toString());
            assertEquals("up", state().getState());
        }
    }

    private void start(Path upstream, UnaryOperator<ForwardSettings.Builder> settings) throws Exception {
        pipeline = new ForwardPipeline(settings.apply(ForwardSettings.builder().upstream(upstream)
                .flushInterval(Duration.ofMillis(20)).jmx(false)).build(), status);
        pipeline.start();
    }

    private NodeStatus state() {
        return pipeline.stats().nodes().get(0);
    }
}
