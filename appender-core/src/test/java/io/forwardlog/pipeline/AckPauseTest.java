package io.forwardlog.pipeline;

import static io.forwardlog.pipeline.PipelineTestSupport.node;
import static io.forwardlog.pipeline.PipelineTestSupport.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.NodeStatus;
import io.forwardlog.pipeline.PipelineTestSupport.Event;
import io.forwardlog.pipeline.PipelineTestSupport.RecordingStatus;
import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.ReceivedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An aggregator that stops acknowledging for 600 ms once a second (a GC pause) while the application
 * logs as fast as it can, with acks on: the node is slow, not dead. It must never be taken out, and no
 * batch may be sent twice, since the fate of none was ever unknown.
 */
class AckPauseTest {

    private static final Duration PAUSE = Duration.ofMillis(600);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int PAUSES = 3;

    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();

    @Test
    void aNodeThatPausesBeforeItsAcksIsNeverTakenOutAndNothingIsSentTwice() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (ForwardReceiver one = ForwardReceiver.builder().name("node-1").start();
             ForwardReceiver two = ForwardReceiver.builder().name("node-2").start()) {
            ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder()
                    .upstream(upstreamFile(dir, node("node-1", one), node("node-2", two)))
                    .requireAckResponse(true).chunkSize(16 * 1024).flushInterval(Duration.ofMillis(20))
                    .bufferCapacity(4L * 1024 * 1024).blockTimeout(Duration.ofMinutes(1)).jmx(false).build(), status);
            pipeline.start();
            AtomicLong sequence = new AtomicLong();
            AtomicBoolean logging = new AtomicBoolean(true);
            Thread application = new Thread(() -> {
                while (logging.get()) {
                    long n = sequence.getAndIncrement();
                    pipeline.append(new Event("order " + n + " processed", "app", n));
                }
            }, "application");
            application.start();
            CountDownLatch pausesDone = new CountDownLatch(PAUSES);
            for (int pause = 0; pause < PAUSES; pause++) {
                scheduler.schedule(() -> {
                    pauseAcks(one);
                    pausesDone.countDown();
                }, 500 + 1000L * pause, TimeUnit.MILLISECONDS);
            }
            assertTrue(pausesDone.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the pauses never ran");
            long afterLastPause = sequence.get();
            PipelineTestSupport.await("node-1 to get traffic again after its pauses", WAIT,
                    () -> one.events().stream().anyMatch(e -> PipelineTestSupport.seq(e.record()) >= afterLastPause),
                    () -> pipeline.stats() + "\n" + status);
            logging.set(false);
            application.join();
            long logged = sequence.get();
            PipelineTestSupport.await("every event", WAIT,
                    () -> one.eventCount() + two.eventCount() >= logged, () -> pipeline.stats() + "\n" + status);
            pipeline.stop();

            Set<Long> seen = new HashSet<>();
            one.events().forEach(e -> seen.add(PipelineTestSupport.seq(e.record())));
            two.events().forEach(e -> seen.add(PipelineTestSupport.seq(e.record())));
            assertEquals(logged, seen.size(), "every event arrived");
            assertEquals(logged, one.eventCount() + two.eventCount(), "no event arrived twice");
            assertEquals(0, pipeline.stats().batchesResent(), "no batch was sent again");
            List<NodeStatus> nodes = pipeline.stats().nodes();
            assertEquals(List.of("up", "up"), nodes.stream().map(NodeStatus::getState).toList());
            assertTrue(status.messages.stream().noneMatch(m -> m.startsWith("WARN") || m.startsWith("ERROR")),
                    status.toString());
        } finally {
            scheduler.shutdownNow();
        }
    }

    /** Holds every ack of the node's connection back for {@link #PAUSE}, from the next frame on, as a GC pause does. */
    private static void pauseAcks(ForwardReceiver node) {
        int before = node.messages().size();
        node.faults().delayAcks(PAUSE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (node.messages().size() == before && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        // acks never overtake one another: those of the frames that follow wait behind the delayed one
        node.faults().delayAcks(Duration.ZERO);
    }
}
