package io.forwardlog.pipeline;

import static io.forwardlog.pipeline.PipelineTestSupport.node;
import static io.forwardlog.pipeline.PipelineTestSupport.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.NodeStatus;
import io.forwardlog.PipelineStats;
import io.forwardlog.pipeline.PipelineTestSupport.Event;
import io.forwardlog.pipeline.PipelineTestSupport.RecordingStatus;
import io.forwardlog.testkit.ForwardReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the stats count for monitoring besides deliveries: connections, TLS and handshake failures and ack
 * round trips per node, the buffer's memory against its capacity, the spool's files and bytes.
 */
class MonitoringCountsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();
    private final List<ForwardReceiver> receivers = new ArrayList<>();
    private ForwardPipeline pipeline;
    private long sequence;

    @AfterEach
    void tearDown() {
        if (pipeline != null) {
            pipeline.stop();
        }
        receivers.forEach(ForwardReceiver::close);
    }

    @Test
    void eachNodeCountsItsConnectionsAndItsTlsAndHandshakeFailures() throws Exception {
        ForwardReceiver plain = receiver(ForwardReceiver.builder());
        ForwardReceiver notTls = receiver(ForwardReceiver.builder());
        ForwardReceiver keyed = receiver(ForwardReceiver.builder().sharedKey("the-right-key"));
        start(upstreamFile(dir, node("node-1", plain), node("node-2", notTls, "tls on"),
                node("node-3", keyed, "shared_key a-wrong-key")), s -> s);

        log(10);
        await("a TLS failure on node-2 and a handshake failure on node-3",
                () -> nodeStatus("node-2").getTlsFailures() > 0 && nodeStatus("node-3").getHandshakeFailures() > 0);
        await("node-1 to take the events", () -> plain.eventCount() >= 10);

        NodeStatus ok = nodeStatus("node-1");
        assertTrue(ok.getConnections() >= 1, ok.toString());
        assertEquals(0, ok.getTlsFailures() + ok.getHandshakeFailures(), ok.toString());
        assertEquals(0, nodeStatus("node-2").getConnections(), "a connection counts once established");
        assertEquals(0, nodeStatus("node-2").getHandshakeFailures());
        assertEquals(0, nodeStatus("node-3").getConnections());
        assertEquals(0, nodeStatus("node-3").getTlsFailures());
    }

    @Test
    void theAckRoundTripsOfAcknowledgedBatchesAddUp() throws Exception {
        ForwardReceiver slow = receiver(ForwardReceiver.builder().ackDelay(Duration.ofMillis(50)));
        start(upstreamFile(dir, slow), s -> s.requireAckResponse(true));

        log(30);
        await("some acknowledged batches", () -> nodeStatus("node-1").getBatchesAcknowledged() >= 3);

        NodeStatus n = nodeStatus("node-1");
        // read after the count: each ack adds its round trip before it is counted
        assertTrue(n.getAckRoundTripNanos() >= Duration.ofMillis(50).toNanos() * 3,
                "each ack took at least the receiver's delay: " + n.getAckRoundTripNanos() + "ns for " + n.getBatchesAcknowledged());
    }

    @Test
    void theBufferReportsTheMemoryItHoldsAndItsCapacity() throws Exception {
        ForwardReceiver down = receiver(ForwardReceiver.builder());
        down.stop();
        start(upstreamFile(dir, down), s -> s.bufferCapacity(256 * 1024).shutdownTimeout(Duration.ofMillis(100)));

        log(100);

        PipelineStats stats = pipeline.stats();
        assertEquals(256 * 1024, stats.bufferCapacity());
        assertEquals(100, stats.eventsBuffered());
        assertTrue(stats.bufferUsed() >= stats.bytesBuffered() && stats.bufferUsed() <= stats.bufferCapacity(),
                stats.toString());
        assertEquals(0, stats.spoolFiles());
        assertEquals(0, stats.spoolBytes());
    }

    @Test
    void theSpoolReportsItsFilesAndBytes() throws Exception {
        ForwardReceiver down = receiver(ForwardReceiver.builder());
        down.stop();
        start(upstreamFile(dir, down), s -> s.spoolDir(dir.resolve("spool")).shutdownTimeout(Duration.ofMillis(100)));

        log(100);
        await("the events to be spooled", () -> pipeline.stats().eventsSpooled() == 100);

        PipelineStats stats = pipeline.stats();
        assertTrue(stats.spoolFiles() >= 1, stats.toString());
        assertTrue(stats.spoolBytes() > stats.spoolFiles() * 100L, "100 events of more than 100 bytes each: " + stats);
    }

    private ForwardReceiver receiver(ForwardReceiver.Builder builder) throws Exception {
        ForwardReceiver receiver = builder.start();
        receivers.add(receiver);
        return receiver;
    }

    private void start(Path upstream, UnaryOperator<ForwardSettings.Builder> settings) throws Exception {
        pipeline = new ForwardPipeline(settings.apply(ForwardSettings.builder().upstream(upstream)
                .flushInterval(Duration.ofMillis(20)).chunkSize(1024).heartbeatInterval(Duration.ofMillis(100))
                .recoverWait(Duration.ofMillis(200)).jmx(false)).build(), status);
        pipeline.start();
    }

    private void log(int events) {
        for (int i = 0; i < events; i++) {
            pipeline.append(new Event("event " + sequence + " with some text to make it longer than a hundred bytes",
                    "main", sequence++));
        }
    }

    private NodeStatus nodeStatus(String name) {
        return pipeline.stats().nodes().stream().filter(n -> n.getName().equals(name)).findFirst().orElseThrow();
    }

    private void await(String what, BooleanSupplier condition) {
        try {
            PipelineTestSupport.await(what, WAIT, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nnodes: " + pipeline.stats().nodes() + "\nstatus:\n" + status, e);
        }
    }
}
