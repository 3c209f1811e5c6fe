package io.forwardlog.pipeline;

import static io.forwardlog.pipeline.PipelineTestSupport.node;
import static io.forwardlog.pipeline.PipelineTestSupport.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.ForwardStartException;
import io.forwardlog.HeartbeatType;
import io.forwardlog.pipeline.PipelineTestSupport.Event;
import io.forwardlog.pipeline.PipelineTestSupport.RecordingStatus;
import io.forwardlog.testkit.ForwardReceiver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verifyConnectionAtStartup}: the start fails, with each node's reason, when no node can be connected to. */
class VerifyConnectionAtStartupTest {

    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();
    private final List<ForwardReceiver> receivers = new ArrayList<>();
    private final List<ForwardPipeline> pipelines = new ArrayList<>();

    @AfterEach
    void tearDown() {
        pipelines.forEach(ForwardPipeline::stop);
        receivers.forEach(ForwardReceiver::close);
    }

    @Test
    void whenNoNodeConnectsAndAuthenticatesTheStartFailsWithEachNodesReason() throws Exception {
        ForwardReceiver stopped = receiver(ForwardReceiver.builder().name("node-1"));
        stopped.stop();
        ForwardReceiver otherKey = receiver(ForwardReceiver.builder().name("node-2").sharedKey("right"));
        ForwardPipeline pipeline = pipeline(upstreamFile(dir, node("node-1", stopped),
                node("node-2", otherKey, "shared_key wrong")));

        ForwardStartException e = assertThrows(ForwardStartException.class, pipeline::start);

        assertEquals("verifyConnectionAtStartup is on and no node of upstream 'test-upstream' could be connected to and"
                + " authenticated (node-1: connection refused; node-2: authentication failed: shared_key mismatch)",
                e.getMessage());
        assertFalse(pipeline.isStarted());
        assertEquals(0, otherKey.eventCount());
    }

    @Test
    void oneNodeThatConnectsIsEnoughAndNothingIsSentToItByTheCheck() throws Exception {
        ForwardReceiver stopped = receiver(ForwardReceiver.builder().name("node-1"));
        stopped.stop();
        ForwardReceiver up = receiver(ForwardReceiver.builder().name("node-2").sharedKey("k"));
        // without heartbeats and events nothing but the check connects, whatever the scheduling
        ForwardPipeline pipeline = pipeline(upstreamFile(dir, node("node-1", stopped), node("node-2", up, "shared_key k")),
                s -> s.heartbeatType(HeartbeatType.NONE));

        pipeline.start();

        assertTrue(pipeline.isStarted());
        assertTrue(status.contains("INFO forwardlog 'forward': verifyConnectionAtStartup: connected to node 'node-2'"
                + " (127.0.0.1:" + up.port() + ") (before it, node-1: connection refused)"), status.toString());
        assertEquals(1, up.connectionsAccepted());
        assertEquals(List.of(), up.messages(), "the check sends nothing");
        pipeline.append(new Event("after the check", "main", 1));
        up.awaitEvents(1, Duration.ofSeconds(20));
    }

    @Test
    void aNodeOfWeightZeroDoesNotCountSinceItNeverGetsABatch() throws Exception {
        ForwardReceiver stopped = receiver(ForwardReceiver.builder().name("node-1"));
        stopped.stop();
        ForwardReceiver zero = receiver(ForwardReceiver.builder().name("zero"));
        ForwardPipeline pipeline = pipeline(upstreamFile(dir, node("node-1", stopped), node("zero", zero, "weight 0")));

        ForwardStartException e = assertThrows(ForwardStartException.class, pipeline::start);

        assertEquals("verifyConnectionAtStartup is on and no node of upstream 'test-upstream' could be connected to and"
                + " authenticated (node-1: connection refused)", e.getMessage());
        assertEquals(0, zero.connectionsAccepted());
    }

    @Test
    void aNodeThatNeverAnswersTakesNoLongerThanConnectTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket()) {
            // the kernel completes the connect; nothing ever answers the handshake
            silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Path upstream = upstreamFile(dir, "\n[NODE]\n    name silent\n    host 127.0.0.1\n    port "
                    + silent.getLocalPort() + "\n    shared_key k\n");
            ForwardPipeline pipeline = pipeline(upstream, s -> s.connectTimeout(Duration.ofMillis(300)));

            ForwardStartException e = assertThrows(ForwardStartException.class, pipeline::start);

            assertEquals("verifyConnectionAtStartup is on and no node of upstream 'test-upstream' could be connected to"
                    + " and authenticated (silent: authentication failed: no HELO from the node within 300ms (is a shared"
                    + " key configured on the node?))", e.getMessage());
        }
    }

    @Test
    void anUpstreamFileThatIsNotThereIsAStartErrorRatherThanAwaited() throws Exception {
        Path missing = dir.resolve("missing.conf");
        ForwardPipeline pipeline = pipeline(missing);

        ForwardStartException e = assertThrows(ForwardStartException.class, pipeline::start);

        assertEquals("verifyConnectionAtStartup is on and the upstream file " + missing
                + " cannot be read (the file does not exist), so no node can be connected to", e.getMessage());
    }

    @Test
    void offByDefaultAStartWithEveryNodeDownSucceeds() throws Exception {
        ForwardReceiver stopped = receiver(ForwardReceiver.builder().name("node-1"));
        stopped.stop();
        ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder()
                .upstream(upstreamFile(dir, node("node-1", stopped))).jmx(false).build(), status);
        pipelines.add(pipeline);

        pipeline.start();

        assertTrue(pipeline.isStarted());
    }

    private ForwardReceiver receiver(ForwardReceiver.Builder builder) throws Exception {
        ForwardReceiver receiver = builder.start();
        receivers.add(receiver);
        return receiver;
    }

    private ForwardPipeline pipeline(Path upstream) {
        return pipeline(upstream, UnaryOperator.identity());
    }

    private ForwardPipeline pipeline(Path upstream, UnaryOperator<ForwardSettings.Builder> settings) {
        ForwardPipeline pipeline = new ForwardPipeline(settings.apply(ForwardSettings.builder().upstream(upstream)
                .verifyConnectionAtStartup(true).flushInterval(Duration.ofMillis(10)).jmx(false)).build(), status);
        pipelines.add(pipeline);
        return pipeline;
    }
}
