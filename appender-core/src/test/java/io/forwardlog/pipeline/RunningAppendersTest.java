package io.forwardlog.pipeline;

import static io.forwardlog.pipeline.PipelineTestSupport.await;
import static io.forwardlog.pipeline.PipelineTestSupport.node;
import static io.forwardlog.pipeline.PipelineTestSupport.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.RunningAppender;
import io.forwardlog.RunningAppenders;
import io.forwardlog.RunningNode;
import io.forwardlog.pipeline.PipelineTestSupport.RecordingStatus;
import io.forwardlog.testkit.ForwardReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RunningAppenders} lists each pipeline from its start to its stop and tells watchers what changes. */
class RunningAppendersTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();

    @Test
    void aPipelineIsListedFromItsStartToItsStopWithoutJmxAndWatchersHearBothInOrder() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (ForwardReceiver receiver = ForwardReceiver.start();
             RunningAppenders.Watch watch = RunningAppenders.watch(recording("early", heard))) {
            ForwardPipeline pipeline = pipeline("listed", upstreamFile(dir, receiver), Duration.ofSeconds(5));
            assertFalse(names().contains("listed"), "not before its start");

            pipeline.start();
            assertTrue(names().contains("listed"));
            RunningAppender listed = find("listed");
            assertEquals("test-upstream", listed.upstreamName());
            assertEquals(List.of("node-1"), listed.nodes().stream().map(RunningNode::name).toList());
            assertEquals("up", listed.nodes().get(0).status().getState());

            List<String> late = new CopyOnWriteArrayList<>();
            try (RunningAppenders.Watch second = RunningAppenders.watch(recording("late", late))) {
                assertTrue(late.contains("late started listed"), "a watcher added later hears of those running: " + late);
                pipeline.stop();
            }
            assertFalse(names().contains("listed"), "not after its stop");
            assertEquals(List.of("early started listed", "early stopped listed"),
                    heard.stream().filter(h -> h.endsWith(" listed")).toList());
            assertTrue(late.contains("late stopped listed"), late.toString());
        }
    }

    @Test
    void aClosedWatchHearsNothingMore() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            RunningAppenders.watch(recording("closed", heard)).close();
            ForwardPipeline pipeline = pipeline("unheard", upstreamFile(dir, receiver), Duration.ofSeconds(5));
            pipeline.start();
            pipeline.stop();
            assertEquals(List.of(), heard.stream().filter(h -> h.endsWith(" unheard")).toList());
        }
    }

    @Test
    void watchersAreToldWhenAReloadChangesTheNodes() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (ForwardReceiver a = ForwardReceiver.start(); ForwardReceiver b = ForwardReceiver.start();
             RunningAppenders.Watch watch = RunningAppenders.watch(recording("w", heard))) {
            Path file = upstreamFile(dir, node("node-1", a));
            ForwardPipeline pipeline = pipeline("reloaded", file, Duration.ofMillis(100));
            pipeline.start();
            try {
                Files.writeString(file, Files.readString(file) + node("node-2", b));
                await("the watcher to hear of the new node", WAIT, () -> heard.contains("w nodesChanged reloaded"));
                assertEquals(List.of("node-1", "node-2"),
                        find("reloaded").nodes().stream().map(RunningNode::name).toList());
            } finally {
                pipeline.stop();
            }
        }
    }

    @Test
    void aWatcherThatThrowsIsReportedAndTheAppenderRunsOn() throws Exception {
        RunningAppenders.Watcher failing = new RunningAppenders.Watcher() {
            @Override
            public void started(RunningAppender appender) {
                throw new IllegalStateException("no registry");
            }

            @Override
            public void nodesChanged(RunningAppender appender) {
            }

            @Override
            public void stopped(RunningAppender appender) {
            }

            @Override
            public String toString() {
                return "failing";
            }
        };
        try (ForwardReceiver receiver = ForwardReceiver.start();
             RunningAppenders.Watch watch = RunningAppenders.watch(failing)) {
            ForwardPipeline pipeline = pipeline("watched", upstreamFile(dir, receiver), Duration.ofSeconds(5));
            pipeline.start();
            try {
                assertTrue(pipeline.isStarted());
                assertTrue(status.messages.contains("WARN forwardlog 'watched': a watcher of running appenders ("
                        + failing.getClass().getName() + ") failed when told 'started': "
                        + "java.lang.IllegalStateException: no registry"), status.toString());
            } finally {
                pipeline.stop();
            }
        }
    }

    private ForwardPipeline pipeline(String name, Path upstream, Duration check) {
        return new ForwardPipeline(ForwardSettings.builder().name(name).upstream(upstream).jmx(false)
                .upstreamCheckInterval(check).build(), status);
    }

    private static List<String> names() {
        return RunningAppenders.list().stream().map(RunningAppender::name).toList();
    }

    private static RunningAppender find(String name) {
        return RunningAppenders.list().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private static RunningAppenders.Watcher recording(String prefix, List<String> heard) {
        return new RunningAppenders.Watcher() {
            @Override
            public void started(RunningAppender appender) {
                heard.add(prefix + " started " + appender.name());
            }

            @Override
            public void nodesChanged(RunningAppender appender) {
                heard.add(prefix + " nodesChanged " + appender.name());
            }

            @Override
            public void stopped(RunningAppender appender) {
                heard.add(prefix + " stopped " + appender.name());
            }
        };
    }
}
