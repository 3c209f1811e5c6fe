package io.forwardlog.pipeline;

import static io.forwardlog.pipeline.PipelineTestSupport.node;
import static io.forwardlog.pipeline.PipelineTestSupport.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.OverflowPolicy;
import io.forwardlog.PipelineStats;
import io.forwardlog.pipeline.PipelineTestSupport.Event;
import io.forwardlog.pipeline.PipelineTestSupport.RecordingStatus;
import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.ReceivedEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The caller side and the I/O side together, against an in-process receiver. */
class DeliveryPipelineTest {

    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();

    @Test
    void eightThreadsAppendingAMillionEventsReachTheReceiverCompleteAndInPerThreadOrder() throws Exception {
        int threads = 8;
        int perThread = 125_000;
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            ForwardPipeline pipeline = pipeline(receiver, s -> s.bufferCapacity(256L * 1024 * 1024));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            for (int t = 0; t < threads; t++) {
                String name = "app-" + t;
                pool.execute(() -> {
                    awaitQuietly(go);
                    for (int i = 0; i < perThread; i++) {
                        pipeline.append(new Event("m", name, i));
                    }
                });
            }
            go.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(2, TimeUnit.MINUTES));
            List<ReceivedEvent> events = receiver.awaitEvents(threads * perThread, Duration.ofMinutes(2));
            pipeline.stop();

            assertEquals(threads * perThread, events.size());
            Map<String, Long> next = new HashMap<>();
            for (ReceivedEvent event : events) {
                String thread = (String) event.record().get("thread");
                long seq = PipelineTestSupport.seq(event.record());
                long expected = next.getOrDefault(thread, 0L);
                if (seq != expected) {
                    throw new AssertionError(thread + ": expected event " + expected + ", got " + seq);
                }
                next.put(thread, seq + 1);
            }
            assertEquals(0, pipeline.stats().totalDropped());
        }
    }

    @Test
    void dropNewestDropsAndCountsExactlyWhileNoNodeTakesData() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            receiver.stop();
            ForwardPipeline pipeline = pipeline(receiver, s -> s.bufferCapacity(64 * 1024).chunkSize(4096)
                    .overflow(OverflowPolicy.DROP_NEWEST));
            for (int i = 0; i < 5000; i++) {
                pipeline.append(new Event("padding padding padding padding", "main", i));
            }
            PipelineStats full = pipeline.stats();

            assertEquals(5000, full.eventsAppended());
            assertTrue(full.eventsDropped().get("BUFFER_FULL") > 0, full.toString());
            assertEquals(5000, full.eventsBuffered() + full.eventsDropped().get("BUFFER_FULL"), full.toString());

            receiver.restart();
            receiver.awaitEvents((int) full.eventsBuffered(), Duration.ofSeconds(20));
            pipeline.stop();
            assertEquals(full.eventsBuffered(), receiver.eventCount(), "exactly the buffered events arrive");
            assertEquals(full.eventsBuffered(), pipeline.stats().eventsDelivered());
            long dropped = full.eventsDropped().get("BUFFER_FULL");
            assertTrue(status.contains("WARN forwardlog 'forward': " + dropped + " events dropped since the last report, "
                    + dropped + " in all (" + dropped + " the buffer was full)"), status.toString());
        }
    }

    @Test
    void dropOldestKeepsTheNewestEventsAndCountsTheEvicted() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            receiver.stop();
            ForwardPipeline pipeline = pipeline(receiver, s -> s.bufferCapacity(64 * 1024).chunkSize(4096)
                    .overflow(OverflowPolicy.DROP_OLDEST));
            for (int i = 0; i < 5000; i++) {
                pipeline.append(new Event("padding padding padding padding", "main", i));
            }
            PipelineStats full = pipeline.stats();
            long evicted = full.eventsDropped().get("EVICTED");
            assertEquals(5000, full.eventsBuffered() + evicted, full.toString());

            receiver.restart();
            List<ReceivedEvent> events = receiver.awaitEvents((int) full.eventsBuffered(), Duration.ofSeconds(20));
            pipeline.stop();
            assertEquals(4999, PipelineTestSupport.seq(events.get(events.size() - 1).record()), "the newest event survives");
            assertEquals(full.eventsBuffered(), receiver.eventCount());
        }
    }

    @Test
    void aReceiverThatStopsReadingCostsTheCallerOneBlockTimeoutThenCallsDropAtOnceUntilRoomIsBack() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            receiver.faults().stopReading(true);
            Duration blockTimeout = Duration.ofMillis(250);
            ForwardPipeline pipeline = pipeline(receiver, s -> s.bufferCapacity(64 * 1024).chunkSize(8192)
                    .overflow(OverflowPolicy.BLOCK).blockTimeout(blockTimeout).sendTimeout(Duration.ofMinutes(5)));
            String big = "x".repeat(2000);
            // first fill the socket buffers (their size depends on the machine) and then our own buffer
            long sequence = 0;
            long firstDropTook = 0;
            while (bufferFull(pipeline) == 0) {
                assertTrue(sequence < 500_000, "the buffer never filled: " + pipeline.stats());
                long start = System.nanoTime();
                pipeline.append(new Event(big, "main", sequence++));
                firstDropTook = System.nanoTime() - start;
            }
            int later = 40;
            long start = System.nanoTime();
            for (int i = 0; i < later; i++) {
                pipeline.append(new Event(big, "main", sequence++));
            }
            long laterTook = System.nanoTime() - start;

            assertTrue(firstDropTook >= blockTimeout.toNanos(),
                    "the first call that found no room waited blockTimeout: " + firstDropTook / 1_000_000 + "ms");
            assertEquals(1 + later, bufferFull(pipeline), pipeline.stats().toString());
            // had each of them waited, together they would have taken 40 blockTimeouts at least
            assertTrue(laterTook < later * blockTimeout.toNanos(),
                    "the " + later + " later calls took " + laterTook / 1_000_000 + "ms");

            receiver.faults().stopReading(false);
            long taken = sequence - bufferFull(pipeline);
            receiver.awaitEvents((int) taken, Duration.ofMinutes(1));
            pipeline.append(new Event(big, "main", sequence++));
            pipeline.stop();

            PipelineStats stats = pipeline.stats();
            assertEquals(1 + later, bufferFull(pipeline), "with room back the next call is taken: " + stats);
            assertEquals(taken + 1, stats.eventsDelivered(), stats.toString());
            assertEquals(sequence, stats.eventsDelivered() + stats.totalDropped(), stats.toString());
            assertEquals(taken + 1, receiver.awaitEvents((int) taken + 1, Duration.ofSeconds(10)).size());
        }
    }

    @Test
    void whileNoNodeIsAvailableTheSenderThreadWaitsInsteadOfSpinning() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            receiver.stop();
            ForwardPipeline pipeline = pipeline(receiver, s -> s.shutdownTimeout(Duration.ofMillis(100)));
            pipeline.append(new Event("due in 50 ms, and no node to take it", "main", 0));
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long sender = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("forwardlog-forward-sender")).findFirst().orElseThrow().getId();
            long cpuBefore = threads.getThreadCpuTime(sender);
            long limit = TimeUnit.MILLISECONDS.toNanos(200);
            long wallStart = System.nanoTime();
            long wallEnd = wallStart + TimeUnit.SECONDS.toNanos(2);

            // the batch is due after 50 ms; a sender that waited for that moment again and again would take a core
            long used = 0;
            while (System.nanoTime() < wallEnd && used < limit) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                used = threads.getThreadCpuTime(sender) - cpuBefore;
            }
            pipeline.stop();

            assertTrue(used < limit, "the sender used " + used / 1_000_000 + "ms of CPU within "
                    + (System.nanoTime() - wallStart) / 1_000_000 + "ms with no node");
            assertEquals(1, pipeline.stats().eventsDropped().get("SHUTDOWN"), pipeline.stats().toString());
        }
    }

    private static long bufferFull(ForwardPipeline pipeline) {
        return pipeline.stats().eventsDropped().getOrDefault("BUFFER_FULL", 0L);
    }

    @Test
    void stopDeliversWhatWasBuffered() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            ForwardPipeline pipeline = pipeline(receiver, s -> s.flushInterval(Duration.ofHours(1)));
            for (int i = 0; i < 1234; i++) {
                pipeline.append(new Event("m", "main", i));
            }

            pipeline.stop();

            assertEquals(1234, receiver.awaitEvents(1234, Duration.ofSeconds(10)).size(), status.toString());
            assertEquals(1234, pipeline.stats().eventsDelivered());
            assertTrue(status.messages.contains("INFO forwardlog 'forward': delivering 1234 events, up to 10s"),
                    status.toString());
            assertTrue(status.contains("INFO forwardlog 'forward': stopped: 1234 events delivered"), status.toString());
        }
    }

    @Test
    void aStopThatLastsPastASecondSaysSoWhileItLastsThenWhatHappened() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            receiver.stop();
            // nothing is sent and no heartbeat goes out before the stop: the node still looks available
            ForwardPipeline pipeline = pipeline(receiver, s -> s.flushInterval(Duration.ofHours(1))
                    .heartbeatInterval(Duration.ofHours(1)).shutdownTimeout(Duration.ofSeconds(2)));
            for (int i = 0; i < 10; i++) {
                pipeline.append(new Event("m", "main", i));
            }
            int before = status.messages.size();

            pipeline.stop();

            // the node's failure, found during the stop, is said too, at a moment of the sender's choosing
            assertEquals(List.of(
                    "INFO forwardlog 'forward': delivering 10 events, up to 2s",
                    "WARN forwardlog 'forward': still delivering 10 events after 1s, up to 2s in all",
                    "ERROR forwardlog 'forward': stopped with 10 undelivered events dropped",
                    "WARN forwardlog 'forward': 10 events dropped since the last report, 10 in all (10 undelivered "
                            + "when shutdownTimeout ran out)",
                    "WARN forwardlog 'forward': stopped: 0 events delivered, 10 dropped {SHUTDOWN=10}"),
                    status.messages.subList(before, status.messages.size()).stream()
                            .filter(m -> !m.contains("forward': node 'node-1'") && !m.contains("no node of upstream"))
                            .toList(), status.toString());
        }
    }

    @Test
    void stopWithEveryNodeDownSaysAtOnceWhatItDeliversAndForHowLongThenWhatHappened() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            receiver.stop();
            ForwardPipeline pipeline = pipeline(receiver, s -> s.shutdownTimeout(Duration.ofMillis(300)));
            for (int i = 0; i < 10; i++) {
                pipeline.append(new Event("m", "main", i));
            }
            PipelineTestSupport.await("the upstream to be down", Duration.ofSeconds(10),
                    () -> status.contains("no node of upstream"));
            int before = status.messages.size();

            pipeline.stop();

            assertEquals(List.of(
                    "WARN forwardlog 'forward': delivering 10 events, up to 300ms; no node is available now, what is not "
                            + "delivered by then is dropped",
                    "ERROR forwardlog 'forward': stopped with 10 undelivered events dropped",
                    "WARN forwardlog 'forward': 10 events dropped since the last report, 10 in all (10 undelivered "
                            + "when shutdownTimeout ran out)",
                    "WARN forwardlog 'forward': stopped: 0 events delivered, 10 dropped {SHUTDOWN=10}"),
                    status.messages.subList(before, status.messages.size()));
        }
    }

    @Test
    void stopWithNoNodeCountsAndReportsWhatIsLostAfterShutdownTimeout() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            receiver.stop();
            ForwardPipeline pipeline = pipeline(receiver, s -> s.shutdownTimeout(Duration.ofMillis(300)));
            for (int i = 0; i < 10; i++) {
                pipeline.append(new Event("m", "main", i));
            }

            pipeline.stop();

            assertEquals(10, pipeline.stats().eventsDropped().get("SHUTDOWN"), status.toString());
            assertTrue(status.contains("ERROR forwardlog 'forward': stopped with 10 undelivered events dropped"), status.toString());
        }
    }

    @Test
    void aSingleIdleEventLeavesWithinFlushInterval() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            ForwardPipeline pipeline = pipeline(receiver, s -> s.flushInterval(Duration.ofMillis(200)));

            pipeline.append(new Event("alone", "main", 0));

            assertEquals(1, receiver.awaitEvents(1, Duration.ofSeconds(10)).size());
            pipeline.stop();
        }
    }

    @Test
    void aBrokenUpstreamFileStopsTheStartWithItsLine() throws Exception {
        Path upstream = dir.resolve("upstream.conf");
        java.nio.file.Files.writeString(upstream, "[UPSTREAM]\n    name x\n[NODE]\n    name n\n    host h\n    port 99999\n");
        ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder().upstream(upstream).jmx(false).build(), status);

        io.forwardlog.ForwardStartException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.forwardlog.ForwardStartException.class, pipeline::start);

        assertEquals(upstream + ":6: [NODE] 'n': port 99999 is out of range; use 1 to 65535", e.getMessage());
        pipeline.append(new Event("ignored", "main", 0));
        assertEquals(0, pipeline.stats().eventsAppended());
    }

    private ForwardPipeline pipeline(ForwardReceiver receiver, UnaryOperator<ForwardSettings.Builder> settings) throws Exception {
        Path upstream = upstreamFile(dir, node("node-1", receiver));
        ForwardPipeline pipeline = new ForwardPipeline(settings.apply(ForwardSettings.builder().upstream(upstream)
                .flushInterval(Duration.ofMillis(50)).heartbeatInterval(Duration.ofMillis(100))
                .recoverWait(Duration.ofMillis(100)).jmx(false)).build(), status);
        pipeline.start();
        return pipeline;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
