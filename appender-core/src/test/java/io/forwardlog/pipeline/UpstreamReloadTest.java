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
import io.forwardlog.testkit.ReceivedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upstream file changes on disk while the application logs. */
class UpstreamReloadTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();

    @Test
    void aReloadUnderLoadAddsRemovesAndChangesNodesWithNothingLostOrDuplicated() throws Exception {
        try (ForwardReceiver one = ForwardReceiver.builder().name("node-1").start();
             ForwardReceiver two = ForwardReceiver.builder().name("node-2").start();
             ForwardReceiver three = ForwardReceiver.builder().name("node-3").start()) {
            Path upstream = upstreamFile(dir, node("node-1", one), node("node-2", two));
            ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder().upstream(upstream)
                    .flushInterval(Duration.ofMillis(10)).chunkSize(2048).requireAckResponse(true)
                    .upstreamCheckInterval(Duration.ofMillis(50)).jmx(false).build(), status);
            pipeline.start();
            AtomicLong sequence = new AtomicLong();
            AtomicBoolean logging = new AtomicBoolean(true);
            Thread application = new Thread(() -> {
                while (logging.get()) {
                    long n = sequence.getAndIncrement();
                    pipeline.append(new Event("event " + n, "app", n));
                    if (n % 200 == 0) {
                        Thread.yield();
                    }
                }
            }, "application");
            application.start();
            PipelineTestSupport.await("traffic on both first nodes", WAIT, () -> one.eventCount() > 1000 && two.eventCount() > 1000);

            Path next = dir.resolve("next.conf");
            Files.writeString(next, "[UPSTREAM]\n    name test-upstream\n" + node("node-2", two, "weight 30") + node("node-3", three));
            Files.move(next, upstream, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            PipelineTestSupport.await("the reload", WAIT, () -> status.contains("upstream reloaded"));
            long firstAfterReload = sequence.get();
            PipelineTestSupport.await("traffic on the new node", WAIT, () -> three.eventCount() > 1000);
            logging.set(false);
            application.join();
            pipeline.stop();

            long logged = sequence.get();
            Set<Long> seen = new HashSet<>();
            int received = 0;
            for (ForwardReceiver receiver : List.of(one, two, three)) {
                for (ReceivedEvent event : receiver.events()) {
                    seen.add(PipelineTestSupport.seq(event.record()));
                    received++;
                }
            }
            assertEquals(logged, seen.size(), "every event arrived");
            assertEquals(logged, received, "no event arrived twice");
            assertTrue(one.events().stream().allMatch(e -> PipelineTestSupport.seq(e.record()) < firstAfterReload),
                    "the removed node got nothing logged after the reload");
            assertTrue(status.contains("upstream reloaded: 2 nodes (1 added, 1 changed, 1 removed)"), status.toString());
        }
    }

    @Test
    void aFileThatNoLongerParsesIsReportedWithItsLineAndTheNodesInForceStay() throws Exception {
        try (ForwardReceiver one = ForwardReceiver.start()) {
            Path upstream = upstreamFile(dir, node("node-1", one));
            ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder().upstream(upstream)
                    .flushInterval(Duration.ofMillis(10)).upstreamCheckInterval(Duration.ofMillis(50)).jmx(false).build(), status);
            pipeline.start();

            // replaced in one step, as an editor or a config map does: the check never reads half a file
            Path broken = dir.resolve("broken.conf");
            Files.writeString(broken, "[UPSTREAM]\n    name test-upstream\n\n[NODE]\n    name node-1\n    host 127.0.0.1\n    port abc\n");
            Files.move(broken, upstream, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            PipelineTestSupport.await("the problem to be reported", WAIT, () -> status.contains("cannot be used"));
            pipeline.append(new Event("still delivered", "main", 1));
            one.awaitEvents(1, WAIT);
            pipeline.stop();

            assertTrue(status.contains("WARN forwardlog 'forward': the upstream file changed but cannot be used: " + upstream
                    + ":7: [NODE] 'node-1': port 'abc' is not a number; keeping the 1 node in force"), status.toString());
            assertEquals(1, status.messages.stream().filter(m -> m.contains("cannot be used")).count(), "reported once");
        }
    }
}
