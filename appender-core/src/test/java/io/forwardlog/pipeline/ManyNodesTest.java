package io.forwardlog.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.pipeline.PipelineTestSupport.Event;
import io.forwardlog.pipeline.PipelineTestSupport.RecordingStatus;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upstream of a thousand nodes that all refuse: the appender's threads, open files and status lines do
 * not grow with the number of nodes, and after stop nothing of it is left.
 */
class ManyNodesTest {

    private static final int NODES = 1_000;

    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();

    @Test
    void aThousandRefusingNodesCostAFewThreadsAFewLinesAndNoLeakedSocket() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StringBuilder upstream = new StringBuilder("[UPSTREAM]\n    name many\n");
        for (int i = 1; i <= NODES; i++) {
            upstream.append("\n[NODE]\n    name node-").append(i).append("\n    host 127.0.0.1\n    port ")
                    .append(closedPort).append('\n');
        }
        long filesBefore = openFiles();
        ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder().name("many")
                .upstream(Files.writeString(dir.resolve("upstream.conf"), upstream))
                .heartbeatInterval(Duration.ofMillis(500)).flushInterval(Duration.ofMillis(10))
                .shutdownTimeout(Duration.ofMillis(200)).jmx(false).build(), status);
        pipeline.start();
        pipeline.append(new Event("nobody takes this", "main", 0));

        PipelineTestSupport.await("every node to be down", Duration.ofSeconds(30),
                () -> pipeline.stats().nodes().stream().allMatch(n -> n.getState().equals("down")),
                () -> status.toString());
        List<String> threads = threadsOf("many");
        assertTrue(threads.size() <= 3, "threads: " + threads);
        assertTrue(status.messages.size() <= 15, status.messages.size() + " status lines:\n" + status);
        assertTrue(status.contains("no node of upstream 'many' is available (node-1: connection refused; "),
                status.toString());
        assertTrue(status.contains("; and 990 more); keeping events buffered and retrying"), status.toString());
        long stopping = System.nanoTime();
        pipeline.stop();
        long stopMillis = (System.nanoTime() - stopping) / 1_000_000;

        assertEquals(List.of(), threadsOf("many"), "stopped in " + stopMillis + " ms:\n" + status);
        long filesAfter = openFiles();
        assertTrue(filesAfter <= filesBefore + 5, "open files: " + filesBefore + " before, " + filesAfter + " after");
    }

    private static List<String> threadsOf(String name) {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("forwardlog-" + name + "-")).sorted().toList();
    }

    /** This process's open file descriptors, as Linux lists them. */
    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
