package io.forwardlog.pipeline;

import static io.forwardlog.pipeline.PipelineTestSupport.await;
import static io.forwardlog.pipeline.PipelineTestSupport.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.HeartbeatType;
import io.forwardlog.PipelineStats;
import io.forwardlog.pipeline.PipelineTestSupport.Event;
import io.forwardlog.pipeline.PipelineTestSupport.RecordingStatus;
import io.forwardlog.testkit.ForwardReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop ends once the events are delivered: a heartbeat the node has not answered is not waited for,
 * and no heartbeat opens a connection while the appender stops.
 */
class StopWithHeartbeatsTest {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void aStopDoesNotWaitForTheAnswerToAHeartbeat() throws Exception {
        RecordingStatus status = new RecordingStatus();
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            // the receiver reads everything and answers nothing, pings included
            receiver.faults().dropAcks(true);
            ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder().name("heartbeats")
                    .upstream(upstreamFile(dir, receiver)).heartbeatType(HeartbeatType.TRANSPORT)
                    .heartbeatInterval(Duration.ofMillis(20)).flushInterval(Duration.ofMillis(10))
                    .ackResponseTimeout(Duration.ofMinutes(10)).shutdownTimeout(SHUTDOWN_TIMEOUT).jmx(false).build(),
                    status);
            pipeline.start();
            for (int i = 0; i < 100; i++) {
                pipeline.append(new Event("m", "main", i));
            }
            await("the events and a heartbeat at the receiver", Duration.ofMinutes(1),
                    () -> receiver.eventCount() == 100 && receiver.messages().stream().anyMatch(m -> m.eventCount() == 0));

            long start = System.nanoTime();
            pipeline.stop();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            PipelineStats stats = pipeline.stats();
            assertEquals(100, stats.eventsDelivered(), stats.toString());
            assertEquals(Map.of(), stats.eventsDropped());
            // an unanswered heartbeat kept the stop waiting until shutdownTimeout; a stop now takes what
            // ending one connection takes, far below this bound however busy the machine
            assertTrue(took.compareTo(SHUTDOWN_TIMEOUT.dividedBy(2)) < 0, "the stop took " + took);
        }
    }

    @Test
    void aNodeThatComesBackWhileTheAppenderStopsGetsTheEventsStillBuffered() throws Exception {
        RecordingStatus status = new RecordingStatus();
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder().name("coming-back")
                    .upstream(upstreamFile(dir, receiver)).heartbeatType(HeartbeatType.TRANSPORT)
                    .requireAckResponse(true).flushInterval(Duration.ofMillis(10))
                    .shutdownTimeout(SHUTDOWN_TIMEOUT).jmx(false).build(), status);
            pipeline.start();
            pipeline.append(new Event("before", "main", 0));
            receiver.awaitEvents(1, Duration.ofMinutes(1));
            receiver.stop();
            await("the node to be out", Duration.ofMinutes(1),
                    () -> status.messages.stream().anyMatch(m -> m.contains("no node of upstream")));
            for (int i = 1; i <= 10; i++) {
                pipeline.append(new Event("during", "main", i));
            }

            receiver.restart();
            pipeline.stop();

            PipelineStats stats = pipeline.stats();
            assertEquals(Map.of(), stats.eventsDropped(), status.toString());
            assertEquals(11, receiver.events().stream().map(e -> PipelineTestSupport.seq(e.record())).distinct().count(),
                    status.toString());
        }
    }
}
