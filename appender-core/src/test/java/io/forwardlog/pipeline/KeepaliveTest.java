package io.forwardlog.pipeline;

import static io.forwardlog.pipeline.PipelineTestSupport.node;
import static io.forwardlog.pipeline.PipelineTestSupport.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.pipeline.PipelineTestSupport.Event;
import io.forwardlog.pipeline.PipelineTestSupport.RecordingStatus;
import io.forwardlog.testkit.ForwardReceiver;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node whose HELO says keepalive false gets one batch per connection, and the node stays healthy. */
class KeepaliveTest {

    @TempDir
    Path dir;

    @Test
    void aNodeThatDeniesKeepAliveGetsANewConnectionForEachBatch() throws Exception {
        RecordingStatus status = new RecordingStatus();
        try (ForwardReceiver receiver = ForwardReceiver.builder().sharedKey("k").keepalive(false).start()) {
            ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder()
                    .upstream(upstreamFile(dir, node("node-1", receiver, "shared_key k")))
                    .requireAckResponse(true).flushInterval(Duration.ofMillis(10)).chunkSize(1024).jmx(false).build(), status);
            pipeline.start();
            for (int i = 0; i < 300; i++) {
                pipeline.append(new Event("event " + i, "main", i));
            }

            receiver.awaitEvents(300, Duration.ofSeconds(20));
            pipeline.stop();

            assertEquals(300, PipelineTestSupport.sequences(receiver).size());
            assertEquals(receiver.messages().stream().filter(m -> m.eventCount() > 0).count(), receiver.connectionsAccepted() - probes(receiver),
                    "one connection per batch");
            assertTrue(status.messages.stream().noneMatch(m -> m.startsWith("WARN") || m.startsWith("ERROR")), status.toString());
        }
    }

    @Test
    void heartbeatsOfANodeThatDeniesKeepAliveKeepItUp() throws Exception {
        RecordingStatus status = new RecordingStatus();
        try (ForwardReceiver receiver = ForwardReceiver.builder().sharedKey("k").keepalive(false).start()) {
            ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder()
                    .upstream(upstreamFile(dir, node("node-1", receiver, "shared_key k")))
                    .heartbeatInterval(Duration.ofMillis(10)).jmx(false).build(), status);
            pipeline.start();

            PipelineTestSupport.await("a hundred heartbeats", Duration.ofSeconds(20), () -> receiver.messages().size() >= 100);
            pipeline.stop();

            assertTrue(status.messages.stream().noneMatch(m -> m.startsWith("WARN") || m.startsWith("ERROR")), status.toString());
        }
    }

    private static long probes(ForwardReceiver receiver) {
        return receiver.messages().stream().filter(m -> m.eventCount() == 0).count();
    }
}
