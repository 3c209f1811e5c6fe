package io.forwardlog.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.PipelineStats;
import io.forwardlog.pipeline.PipelineTestSupport.Event;
import io.forwardlog.pipeline.PipelineTestSupport.RecordingStatus;
import io.forwardlog.testkit.HostileServer;
import io.forwardlog.testkit.HostileServer.Behaviour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop keeps its promise whatever the only node does: every event is delivered, spooled or counted as
 * dropped with reason SHUTDOWN, the last message says which, and nothing of the pipeline runs (or
 * reports) after {@code stop()} returns.
 */
class StopAccountingTest {

    private static final int EVENTS = 1_000;

    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();

    @Test
    void aNodeThatNeverReadsLeavesEveryEventCountedAsDroppedAtShutdown() throws Exception {
        try (HostileServer node = HostileServer.start(Behaviour.NEVER_READS)) {
            PipelineStats stats = logAndStop(node, s -> s.requireAckResponse(true));

            assertEquals(Map.of("SHUTDOWN", (long) EVENTS), stats.eventsDropped(), stats.toString());
            assertEquals(0, stats.eventsDelivered());
            assertEquals("INFO forwardlog 'stopping': stopped: 0 events delivered, 1000 dropped {SHUTDOWN=1000}",
                    last(status.messages), status.toString());
        }
    }

    @Test
    void aNodeThatNeverCompletesItsHandshakeLeavesEveryEventSpooledWithASpoolDir() throws Exception {
        try (HostileServer node = HostileServer.start(Behaviour.SLOW_TLS)) {
            Path spool = dir.resolve("spool");
            PipelineStats stats = logAndStop(node, s -> s.spoolDir(spool));

            assertEquals(EVENTS, stats.eventsSpooled(), stats.toString());
            assertEquals(Map.of(), stats.eventsDropped());
            assertTrue(last(status.messages).endsWith("stopped: 0 events delivered, 1000 spooled"), status.toString());
            try (var files = Files.list(spool)) {
                assertTrue(files.anyMatch(f -> f.toString().endsWith(".fwspool")), "the batches are on disk");
            }
        }
    }

    @Test
    void aNodeThatNeverCompletesItsHandshakeLeavesEveryEventCountedWithoutASpoolDir() throws Exception {
        try (HostileServer node = HostileServer.start(Behaviour.SLOW_TLS)) {
            PipelineStats stats = logAndStop(node, s -> s);

            assertEquals(Map.of("SHUTDOWN", (long) EVENTS), stats.eventsDropped(), stats.toString());
        }
    }

    private PipelineStats logAndStop(HostileServer node, UnaryOperator<ForwardSettings.Builder> settings) throws Exception {
        String keys = node.behaviour() == Behaviour.SLOW_TLS ? "    tls on\n    tls.verify off\n" : "";
        Path upstream = Files.writeString(dir.resolve("upstream.conf"), "[UPSTREAM]\n    name test\n\n[NODE]\n"
                + "    name node-1\n    host 127.0.0.1\n    port " + node.port() + "\n" + keys);
        ForwardPipeline pipeline = new ForwardPipeline(settings.apply(ForwardSettings.builder().name("stopping")
                .upstream(upstream).connectTimeout(Duration.ofMinutes(1)).ackResponseTimeout(Duration.ofMinutes(1))
                .sendTimeout(Duration.ofMinutes(1)).flushInterval(Duration.ofMillis(10))
                .shutdownTimeout(Duration.ofMillis(500)).jmx(false)).build(), status);
        pipeline.start();
        for (int i = 0; i < EVENTS; i++) {
            pipeline.append(new Event("event " + i, "main", i));
        }

        pipeline.stop();

        List<String> running = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("forwardlog-stopping-")).toList();
        assertEquals(List.of(), running, "nothing of the pipeline runs after stop, so nothing reports");
        PipelineStats stats = pipeline.stats();
        assertEquals(EVENTS, stats.eventsDelivered() + stats.eventsSpooled() + stats.totalDropped(),
                "every event is delivered, spooled or counted: " + stats);
        assertEquals(0, stats.eventsBuffered());
        return stats;
    }

    private static String last(List<String> messages) {
        return messages.get(messages.size() - 1);
    }
}
