package io.forwardlog.pipeline;

import static io.forwardlog.pipeline.PipelineTestSupport.node;
import static io.forwardlog.pipeline.PipelineTestSupport.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.PipelineStats;
import io.forwardlog.pipeline.PipelineTestSupport.Event;
import io.forwardlog.pipeline.PipelineTestSupport.RecordingStatus;
import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.HostileServer;
import io.forwardlog.testkit.HostileServer.Behaviour;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fault suite: one node misbehaves in each of the ways a hostile or broken peer can, the other is
 * healthy, acks are on. Whatever the hostile node does, every event reaches the healthy node, the hostile
 * node is reported once, in words, no thread of ours dies or piles up, and a stop leaves nothing running.
 */
class HostileNodeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int EVENTS = 2_000;
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[A-Z][A-Za-z]+(Exception|Error)\\b");

    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();

    @ParameterizedTest(name = "{0}")
    @EnumSource(Behaviour.class)
    void everyEventReachesTheHealthyNodeAndTheHostileOneIsReportedInWords(Behaviour behaviour) throws Exception {
        String name = "hostile-" + behaviour.name().toLowerCase(java.util.Locale.ROOT);
        try (HostileServer hostile = HostileServer.start(behaviour);
             ForwardReceiver healthy = ForwardReceiver.builder().name("healthy").start()) {
            ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder().name(name)
                    .upstream(upstreamFile(dir, hostileNode(hostile), node("healthy", healthy)))
                    .requireAckResponse(true).ackResponseTimeout(Duration.ofSeconds(2))
                    .connectTimeout(Duration.ofSeconds(1)).heartbeatInterval(Duration.ofMillis(200))
                    .recoverWait(Duration.ofSeconds(1)).flushInterval(Duration.ofMillis(20)).chunkSize(4096)
                    .shutdownTimeout(Duration.ofSeconds(3)).jmx(false).build(), status);
            pipeline.start();
            for (int i = 0; i < EVENTS; i++) {
                pipeline.append(new Event("event " + i, "main", i));
            }

            PipelineTestSupport.await("every event at the healthy node", WAIT,
                    () -> PipelineTestSupport.sequences(healthy).size() >= EVENTS,
                    () -> pipeline.stats() + "\n" + status);
            String expected = "node 'hostile' (127.0.0.1:" + hostile.port() + "): " + expectedProblem(behaviour);
            PipelineTestSupport.await("the hostile node to be reported", WAIT,
                    () -> status.messages.stream().anyMatch(m -> m.contains(expected)), () -> status.toString());
            assertEquals(List.of("forwardlog-" + name + "-sender"),
                    threadsOf(name).stream().filter(t -> t.endsWith("-sender")).toList(),
                    "the sender thread is alive");
            assertTrue(threadsOf(name).size() <= 4, "threads: " + threadsOf(name));
            pipeline.stop();

            PipelineStats stats = pipeline.stats();
            assertEquals(EVENTS, PipelineTestSupport.sequences(healthy).size());
            assertEquals(0, stats.totalDropped(), stats.toString());
            assertEquals("up", stats.nodes().get(1).getState(), "the healthy node was never taken out");
            assertTrue(status.messages.stream().noneMatch(m -> m.contains("node 'healthy'")), status.toString());
            assertEquals(1, status.messages.stream().filter(m -> m.contains(expected)).count(),
                    "the hostile node is reported once: " + status);
            assertTrue(status.messages.stream().noneMatch(m -> CLASS_NAME.matcher(m).find()),
                    "messages say what happened in words, not with class names: " + status);
            assertEquals(List.of(), threadsOf(name), "nothing of the pipeline runs after stop, so nothing reports");
        }
    }

    private static String hostileNode(HostileServer hostile) {
        return switch (hostile.behaviour()) {
            case CUT_BEFORE_HELO, CUT_IN_HELO, CUT_AFTER_PING, CUT_IN_PONG, SLOW_HELO, HUGE_HELO_NONCE ->
                    section(hostile, "shared_key k");
            case SLOW_TLS -> section(hostile, "tls on", "tls.verify off");
            default -> section(hostile);
        };
    }

    private static String section(HostileServer server, String... keys) {
        StringBuilder text = new StringBuilder("\n[NODE]\n    name hostile\n    host 127.0.0.1\n    port "
                + server.port() + "\n");
        for (String key : keys) {
            text.append("    ").append(key).append('\n');
        }
        return text.toString();
    }

    private static String expectedProblem(Behaviour behaviour) {
        String tooLarge = ", which no Forward server sends (at most 65536 bytes are read)";
        return switch (behaviour) {
            case CUT_BEFORE_HELO, CUT_IN_HELO ->
                    "authentication failed: the node closed the connection instead of sending HELO";
            case CUT_AFTER_PING, CUT_IN_PONG -> "authentication failed: the node closed the connection instead of "
                    + "sending PONG (Fluent Bit does this when the shared key is wrong)";
            case SLOW_HELO -> "authentication failed: the node's HELO did not arrive whole within 1s: "
                    + "the node sends too slowly";
            case HUGE_HELO_NONCE -> "handshake failed: waiting for HELO, the node sent a str of 2147483648 bytes"
                    + tooLarge;
            case NEVER_READS, NEVER_ACKS -> "no ack within 2s (";
            case HUGE_ARRAY_REPLY -> "the node sent an array of 268435456 items" + tooLarge;
            case HUGE_STR_REPLY -> "the node sent a str of 419430400 bytes" + tooLarge;
            case GARBAGE_REPLY -> "the node sent malformed msgpack (0xc1)";
            case SLOW_TLS -> "TLS handshake failed: not done within 1s: the node answers too slowly";
        };
    }

    /** The names of the live threads of the pipeline called {@code name}. */
    private static List<String> threadsOf(String name) {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("forwardlog-" + name + "-")).sorted().toList();
    }
}
