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

/** With acks, a node whose connection is full of unacknowledged batches does not hold up the others. */
class SlowNodeTest {

    @TempDir
    Path dir;

    @Test
    void batchesGoToTheNodeThatCanTakeThemWhileTheOtherWaitsForItsAcks() throws Exception {
        RecordingStatus status = new RecordingStatus();
        try (ForwardReceiver fast = ForwardReceiver.builder().name("fast").start();
             ForwardReceiver slow = ForwardReceiver.builder().name("slow").ackDelay(Duration.ofMillis(500)).start()) {
            ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder()
                    .upstream(upstreamFile(dir, node("fast", fast), node("slow", slow)))
                    .requireAckResponse(true).maxInFlight(2).chunkSize(1024).flushInterval(Duration.ofMillis(5))
                    .jmx(false).build(), status);
            pipeline.start();
            for (int i = 0; i < 1000; i++) {
                pipeline.append(new Event("event " + i, "main", i));
            }

            PipelineTestSupport.await("every event", Duration.ofSeconds(30),
                    () -> PipelineTestSupport.sequences(fast, slow).size() == 1000);
            pipeline.stop();

            int fastBatches = fast.messages().size();
            int slowBatches = slow.messages().size();
            assertTrue(slowBatches * 4 < fastBatches, "fast took " + fastBatches + " batches, slow " + slowBatches);
            assertEquals(0, pipeline.stats().totalDropped());
        }
    }
}
