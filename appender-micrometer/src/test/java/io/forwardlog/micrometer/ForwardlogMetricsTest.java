package io.forwardlog.micrometer;

import static io.forwardlog.micrometer.TestSupport.metersOf;
import static io.forwardlog.micrometer.TestSupport.node;
import static io.forwardlog.micrometer.TestSupport.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.OverflowPolicy;
import io.forwardlog.RunningAppender;
import io.forwardlog.RunningAppenders;
import io.forwardlog.micrometer.TestSupport.Event;
import io.forwardlog.micrometer.TestSupport.RecordingStatus;
import io.forwardlog.testkit.ForwardReceiver;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@link SimpleMeterRegistry} bound to running pipelines: each meter moves as events flow, nodes die,
 * the buffer overflows and the spool fills; an appender's meters go when it stops.
 */
class ForwardlogMetricsTest {

    private static final String NAME = "metrics-test";

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ForwardlogMetrics metrics = new ForwardlogMetrics(Tags.of("application", "orders"));
    private final RecordingStatus status = new RecordingStatus();
    private final List<ForwardReceiver> receivers = new ArrayList<>();
    private ForwardPipeline pipeline;

    @AfterEach
    void tearDown() {
        if (pipeline != null) {
            pipeline.stop();
        }
        metrics.close();
        receivers.forEach(ForwardReceiver::close);
    }

    @Test
    void eachMeterMovesWhileEventsFlowNodesDieAndTheBufferOverflows() throws Exception {
        ForwardReceiver one = receiver(ForwardReceiver.builder());
        ForwardReceiver two = receiver(ForwardReceiver.builder());
        metrics.bindTo(registry); // before the start: a pipeline started later gets its meters too
        start(upstreamFile(dir, node("node-1", one), node("node-2", two)),
                s -> s.requireAckResponse(true).bufferCapacity(64 * 1024).overflow(OverflowPolicy.DROP_NEWEST)
                        .shutdownTimeout(Duration.ofMillis(200)));

        log(200);
        await("200 events delivered", () -> counter("forwardlog.events.delivered") == 200);
        assertEquals(200, counter("forwardlog.events.appended"));
        assertEquals(200, nodeCounter("forwardlog.events.sent", "node-1") + nodeCounter("forwardlog.events.sent", "node-2"));
        for (String node : List.of("node-1", "node-2")) {
            assertTrue(nodeCounter("forwardlog.batches.sent", node) > 0, node);
            assertTrue(nodeCounter("forwardlog.data.sent", node) > 200, node);
            assertTrue(nodeCounter("forwardlog.connections.opened", node) >= 1, node);
            assertEquals(1, state(node, "up"), node);
            assertEquals(0, state(node, "down"), node);
            FunctionTimer acks = find("forwardlog.ack.round.trip").tag("node", node).functionTimer();
            assertEquals(nodeCounter("forwardlog.batches.acknowledged", node), acks.count(), 0.0, node);
            assertTrue(acks.count() > 0 && acks.totalTime(TimeUnit.NANOSECONDS) > 0, node);
        }
        assertEquals(2, gauge("forwardlog.nodes.healthy"));
        assertEquals(64 * 1024, gauge("forwardlog.buffer.capacity"));
        assertEquals("test-upstream", find("forwardlog.nodes.healthy").gauge().getId().getTag("upstream"));
        assertEquals("orders", find("forwardlog.nodes.healthy").gauge().getId().getTag("application"));

        two.stop();
        await("node-2 to be down", () -> state("node-2", "down") == 1);
        assertEquals(0, state("node-2", "up"));
        assertEquals(1, gauge("forwardlog.nodes.healthy"));
        assertTrue(nodeCounter("forwardlog.node.failures", "node-2") >= 1);

        one.stop();
        await("no node to be healthy", () -> gauge("forwardlog.nodes.healthy") == 0);
        log(2000);
        assertTrue(find("forwardlog.events.dropped").tag("reason", "BUFFER_FULL").functionCounter().count() > 0,
                TestSupport.dump(registry));
        assertEquals(0, find("forwardlog.events.dropped").tag("reason", "EVICTED").functionCounter().count());
        assertTrue(gauge("forwardlog.events.buffered") > 0);
        assertTrue(gauge("forwardlog.buffer.used") > 0 && gauge("forwardlog.buffer.used") <= 64 * 1024);

        pipeline.stop();
        assertEquals(List.of(), metersOf(registry, NAME), "a stopped appender's meters are removed");
    }

    @Test
    void theSpoolAndFailedTlsAndForwardHandshakesHaveTheirMeters() throws Exception {
        ForwardReceiver plain = receiver(ForwardReceiver.builder());
        ForwardReceiver keyed = receiver(ForwardReceiver.builder().sharedKey("the-right-key"));
        start(upstreamFile(dir, node("node-1", plain, "tls on"), node("node-2", keyed, "shared_key a-wrong-key")),
                s -> s.spoolDir(dir.resolve("spool")).shutdownTimeout(Duration.ofMillis(200)));
        metrics.bindTo(registry); // after the start: a running pipeline gets its meters at once

        log(100);
        await("a TLS failure on node-1 and a handshake failure on node-2",
                () -> nodeCounter("forwardlog.tls.failures", "node-1") > 0
                        && nodeCounter("forwardlog.handshake.failures", "node-2") > 0);
        await("the events to be spooled", () -> counter("forwardlog.events.spooled") == 100);
        assertTrue(gauge("forwardlog.spool.files") >= 1);
        assertTrue(gauge("forwardlog.spool.used") > 100 * 50);
        assertEquals(0, nodeCounter("forwardlog.tls.failures", "node-2"));
        assertEquals(0, nodeCounter("forwardlog.handshake.failures", "node-1"));
        assertEquals(0, nodeCounter("forwardlog.connections.opened", "node-1"));
    }

    @Test
    void aReloadAddsTheMetersOfNewNodesAndRemovesThoseOfRemovedOnes() throws Exception {
        ForwardReceiver one = receiver(ForwardReceiver.builder());
        ForwardReceiver two = receiver(ForwardReceiver.builder());
        Path file = upstreamFile(dir, node("node-1", one));
        start(file, s -> s.upstreamCheckInterval(Duration.ofMillis(100)));
        metrics.bindTo(registry);
        log(10);
        await("node-1 to take the events", () -> nodeCounter("forwardlog.events.sent", "node-1") == 10);

        upstreamFile(dir, node("node-2", two));
        await("node-2's meters, and node-1's gone", () -> registry.find("forwardlog.node.state").tag("node", "node-2")
                .gauges().size() == 4 && registry.find("forwardlog.node.state").tag("node", "node-1").gauges().isEmpty());
        log(10);
        await("node-2 to take the events", () -> nodeCounter("forwardlog.events.sent", "node-2") == 10);
        assertEquals(1, gauge("forwardlog.nodes.healthy"));
    }

    @Test
    void aNodeChangedByAReloadKeepsItsMetersAndItsCountersGoOnFromWhatTheOldConnectionCounted() throws Exception {
        ForwardReceiver before = receiver(ForwardReceiver.builder());
        ForwardReceiver after = receiver(ForwardReceiver.builder());
        start(upstreamFile(dir, node("node-1", before)), s -> s.upstreamCheckInterval(Duration.ofMillis(100)));
        metrics.bindTo(registry);
        log(10);
        await("the first node-1 to take the events", () -> nodeCounter("forwardlog.events.sent", "node-1") == 10);

        // told after the binder, which was watching first: once this hears of the new node-1 alone, so has the binder
        List<List<String>> heard = new CopyOnWriteArrayList<>();
        try (RunningAppenders.Watch watch = RunningAppenders.watch(new RunningAppenders.Watcher() {
            @Override
            public void started(RunningAppender appender) {
            }

            @Override
            public void nodesChanged(RunningAppender appender) {
                heard.add(appender.nodes().stream().map(n -> n.status().getAddress()).toList());
            }

            @Override
            public void stopped(RunningAppender appender) {
            }
        })) {
            upstreamFile(dir, node("node-1", after));
            List<String> newOneAlone = List.of("127.0.0.1:" + after.port());
            await("node-1 to be the new one alone", () -> heard.contains(newOneAlone));
        }
        assertEquals(10, nodeCounter("forwardlog.events.sent", "node-1"), "what the old connection sent is kept");
        log(10);
        await("the new node-1 to take the events", () -> after.eventCount() == 10);
        await("node-1's counter to go on", () -> nodeCounter("forwardlog.events.sent", "node-1") == 20);
        assertEquals(1, state("node-1", "up"));
    }

    @Test
    void closingTheBinderRemovesItsMetersAndLaterAppendersGetNone() throws Exception {
        ForwardReceiver one = receiver(ForwardReceiver.builder());
        start(upstreamFile(dir, node("node-1", one)), s -> s);
        metrics.bindTo(registry);
        assertTrue(metersOf(registry, NAME).size() > 20, TestSupport.dump(registry));

        metrics.close();
        assertEquals(List.of(), metersOf(registry, NAME));
        pipeline.stop();
        start(upstreamFile(dir, node("node-1", one)), s -> s);
        assertEquals(List.of(), metersOf(registry, NAME));
    }

    private ForwardReceiver receiver(ForwardReceiver.Builder builder) throws Exception {
        ForwardReceiver receiver = builder.start();
        receivers.add(receiver);
        return receiver;
    }

    private void start(Path upstream, UnaryOperator<ForwardSettings.Builder> settings) throws Exception {
        pipeline = new ForwardPipeline(settings.apply(ForwardSettings.builder().name(NAME).upstream(upstream)
                .flushInterval(Duration.ofMillis(20)).chunkSize(1024).heartbeatInterval(Duration.ofMillis(100))
                .recoverWait(Duration.ofMillis(200)).jmx(false)).build(), status);
        pipeline.start();
    }

    private void log(int events) {
        for (int i = 0; i < events; i++) {
            pipeline.append(new Event("event " + i + " with a message long enough to fill the buffer soon"));
        }
    }

    private RequiredSearch find(String name) {
        return registry.get(name).tag("appender", NAME);
    }

    private double counter(String name) {
        return find(name).functionCounter().count();
    }

    private double nodeCounter(String name, String node) {
        FunctionCounter counter = find(name).tag("node", node).functionCounter();
        return counter.count();
    }

    private double gauge(String name) {
        Gauge gauge = find(name).gauge();
        return gauge.value();
    }

    private double state(String node, String state) {
        return find("forwardlog.node.state").tag("node", node).tag("state", state).gauge().value();
    }

    private void await(String what, BooleanSupplier condition) {
        TestSupport.await(what, condition, () -> TestSupport.dump(registry) + "\nstatus:\n" + status);
    }
}
