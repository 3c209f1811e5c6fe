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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With acks, a node whose connection is full of unacknowledged batches does not hold up the others. */
class SlowNodeTest {

    @TempDir
    Path dir;

    @Test
    void batchesGoToTheNodeThatCanTakeThemWhileTheOtherWaitsForItsAcks() throws Exception {
        RecordingStatus status = new RecordingStatus();
        try (ForwardReceiver fast = ForwardReceiver.builder().name("fast").start();
             ForwardReceiver slow = ForwardReceiver.builder().name("slow").start()) {
            // the slow node reads everything and acknowledges nothing: its window of two fills and stays full
            slow.faults().dropAcks(true);
            ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder()
                    .upstream(upstreamFile(dir, node("fast", fast), node("slow", slow)))
                    .requireAckResponse(true).maxInFlight(2).ackResponseTimeout(Duration.ofMinutes(5))
                    .chunkSize(1024).flushInterval(Duration.ofMillis(5)).shutdownTimeout(Duration.ofMillis(200))
                    .jmx(false).build(), status);
            pipeline.start();
            for (int i = 0; i < 1000; i++) {
                pipeline.append(new Event("event " + i, "main", i));
            }

            PipelineTestSupport.await("every event", Duration.ofSeconds(30),
                    () -> PipelineTestSupport.sequences(fast, slow).size() >= 1000, () -> pipeline.stats() + "\n" + status);
            pipeline.stop();

            assertTrue(slow.messages().size() <= 2, "the slow node got " + slow.messages().size()
                    + " batches, more than its window of 2");
            assertEquals(1000 - slow.eventCount(), fast.eventCount(), "every other batch went to the fast node");
            assertEquals(Map.of("SHUTDOWN", (long) slow.eventCount()), pipeline.stats().eventsDropped(),
                    "only the batches the slow node never acknowledged are lost, and counted");
        }
    }
}
