package io.forwardlog.pipeline;

import static io.forwardlog.pipeline.PipelineTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.testkit.ForwardReceiver;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineSmokeTest {

    @TempDir
    Path dir;

    @Test
    void deliversEventsToTwoNodesInTurn() throws Exception {
        try (ForwardReceiver a = ForwardReceiver.start(); ForwardReceiver b = ForwardReceiver.start()) {
            PipelineTestSupport.RecordingStatus status = new PipelineTestSupport.RecordingStatus();
            ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder()
                    .upstream(PipelineTestSupport.upstreamFile(dir, a, b))
                    .flushInterval(Duration.ofMillis(50)).jmx(false).build(), status);
            pipeline.start();
            for (int i = 0; i < 1000; i++) {
                pipeline.append(new PipelineTestSupport.Event("event " + i, "main", i));
                if (i % 100 == 99) {
                    int expected = i + 1;
                    await("events to arrive", Duration.ofSeconds(10), () -> a.eventCount() + b.eventCount() >= expected);
                    assertEquals(expected, a.eventCount() + b.eventCount(), "no event arrived twice");
                }
            }
            pipeline.stop();

            assertEquals(1000, a.eventCount() + b.eventCount(), status.toString());
            assertEquals(1000, pipeline.stats().eventsDelivered());
        }
    }

    @Test
    void startsAndDeliversWithARetryMaxBackoffShorterThanTheFirstRetryWait() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            PipelineTestSupport.RecordingStatus status = new PipelineTestSupport.RecordingStatus();
            ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder()
                    .upstream(PipelineTestSupport.upstreamFile(dir, receiver)).retryMaxBackoff(Duration.ofMillis(50))
                    .flushInterval(Duration.ofMillis(50)).jmx(false).build(), status);
            pipeline.start();
            pipeline.append(new PipelineTestSupport.Event("event", "main", 1));

            assertEquals(1, receiver.awaitEvents(1, Duration.ofSeconds(10)).size(), status.toString());
            pipeline.stop();
        }
    }
}
