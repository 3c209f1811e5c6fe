package io.forwardlog.pipeline;

import static io.forwardlog.pipeline.PipelineTestSupport.await;
import static io.forwardlog.pipeline.PipelineTestSupport.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.ForwardStartException;
import io.forwardlog.pipeline.PipelineTestSupport.Event;
import io.forwardlog.pipeline.PipelineTestSupport.RecordingStatus;
import io.forwardlog.testkit.ForwardReceiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upstream file that is not there when the application starts, as in Kubernetes before a volume arrives. */
class AwaitedUpstreamFileTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int EVENTS = 50;

    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();

    @Test
    void aMissingFileIsAwaitedWithEventsBufferedAndUsedAsSoonAsItAppears() throws Exception {
        Path upstream = dir.resolve("upstream.conf");
        ForwardPipeline pipeline = new ForwardPipeline(settings(upstream, Duration.ofMillis(50)), status);
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            pipeline.start();
            append(pipeline);

            assertEquals(List.of("WARN forwardlog 'forward': waiting for the upstream file " + upstream
                    + " (the file does not exist); events are buffered until it can be read, checked every 50ms"),
                    status.messages, status.toString());
            assertEquals(EVENTS, pipeline.stats().eventsBuffered());

            appear(upstream, receiver);

            assertEquals(LongStream.range(0, EVENTS).boxed().toList(), receiver.awaitEvents(EVENTS, WAIT).stream()
                    .map(e -> PipelineTestSupport.seq(e.record())).toList());
            assertEquals("WARN forwardlog 'forward': the upstream file " + upstream + " can be read now: upstream "
                    + "'test-upstream' with 1 node; sending the buffered events", status.messages.get(1), status.toString());
        } finally {
            pipeline.stop();
        }
    }

    @Test
    void withReloadingOffAMissingFileIsStillLookedForEverySecond() throws Exception {
        Path upstream = dir.resolve("upstream.conf");
        ForwardPipeline pipeline = new ForwardPipeline(settings(upstream, Duration.ZERO), status);
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            pipeline.start();
            append(pipeline);

            appear(upstream, receiver);

            assertEquals(EVENTS, receiver.awaitEvents(EVENTS, WAIT).size());
            assertEquals("WARN forwardlog 'forward': waiting for the upstream file " + upstream + " (the file does not "
                    + "exist); events are buffered until it can be read, checked every 1s", status.messages.get(0));
        } finally {
            pipeline.stop();
        }
    }

    @Test
    void aWrongFileThatAppearsIsReportedAndTheFixedOneIsUsed() throws Exception {
        Path upstream = dir.resolve("upstream.conf");
        ForwardPipeline pipeline = new ForwardPipeline(settings(upstream, Duration.ofMillis(50)), status);
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            pipeline.start();
            append(pipeline);

            Path wrong = Files.writeString(Files.createDirectory(dir.resolve("wrong")).resolve("upstream.conf"),
                    "[UPSTREAM]\n    name test-upstream\n[NODE]\n    name node-1\n    host 127.0.0.1\n    port abc\n");
            Files.move(wrong, upstream, StandardCopyOption.ATOMIC_MOVE);
            await("the report of the wrong file", WAIT, () -> status.messages.size() > 1);
            appear(upstream, receiver);

            assertEquals(EVENTS, receiver.awaitEvents(EVENTS, WAIT).size());
            assertEquals("WARN forwardlog 'forward': the upstream file cannot be used: " + upstream + ":6: [NODE] "
                    + "'node-1': port 'abc' is not a number; events stay buffered until it can", status.messages.get(1));
        } finally {
            pipeline.stop();
        }
    }

    @Test
    void aFileThatIsThereButWrongStaysAStartError() throws Exception {
        Path upstream = Files.writeString(dir.resolve("upstream.conf"), "[UPSTREAM]\n    name test-upstream\n");
        ForwardPipeline pipeline = new ForwardPipeline(settings(upstream, Duration.ofMillis(50)), status);

        ForwardStartException e = assertThrows(ForwardStartException.class, pipeline::start);

        assertEquals(upstream + ":1: [UPSTREAM] 'test-upstream' has no [NODE] section; add at least one", e.getMessage());
    }

    @Test
    void aDirectoryWhereTheFileShouldBeIsAStartError() {
        ForwardPipeline pipeline = new ForwardPipeline(settings(dir, Duration.ofMillis(50)), status);

        ForwardStartException e = assertThrows(ForwardStartException.class, pipeline::start);

        assertEquals(dir + ": the path is a directory, not a file", e.getMessage());
    }

    private static ForwardSettings settings(Path upstream, Duration check) {
        return ForwardSettings.builder().upstream(upstream).upstreamCheckInterval(check)
                .flushInterval(Duration.ofMillis(10)).jmx(false).build();
    }

    /** Writes the file beside and moves it in at once, as a volume's files arrive: never seen half-written. */
    private void appear(Path upstream, ForwardReceiver receiver) throws IOException {
        Path written = upstreamFile(Files.createDirectories(dir.resolve("next")), receiver);
        Files.move(written, upstream, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void append(ForwardPipeline pipeline) {
        for (long i = 0; i < EVENTS; i++) {
            pipeline.append(new Event("event " + i, "app", i));
        }
    }
}
