package io.forwardlog.logback;

import static io.forwardlog.logback.LogbackFixture.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.ReceivedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class RecursionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void eventsOfForwardlogsOwnLoggersAndTheLibrariesItRunsOnAreNotDelivered() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             LogbackFixture logback = LogbackFixture.configure("plain.xml",
                     Map.of("UPSTREAM", upstreamFile(dir, receiver).toString()))) {
            logback.logger("io.forwardlog.something").info("own");
            logback.logger("org.msgpack.core").info("msgpack");
            logback.logger("org.bouncycastle.tls").info("bouncycastle");
            logback.logger("shop.Orders").info("application");
            int listed = logback.listedCount();
            logback.close();

            // events of one connection arrive in order: had the first three been sent, they would be here
            List<ReceivedEvent> events = receiver.awaitEvents(1, TIMEOUT);

            assertEquals(List.of("application"), events.stream().map(e -> e.record().get("message")).toList());
            assertEquals(4, listed, "the other appender got all four");
        }
    }

    @Test
    void aStatusListenerThatLogsToTheAppenderIsHarmlessWhileANodeGoesAndComesBack() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             LogbackFixture logback = LogbackFixture.configure("status-echo.xml",
                     Map.of("UPSTREAM", upstreamFile(dir, receiver).toString()))) {
            EchoingStatusListener listener = (EchoingStatusListener) logback.context.getStatusManager()
                    .getCopyOfStatusListenerList().stream().filter(l -> l instanceof EchoingStatusListener)
                    .findFirst().orElseThrow();
            Logger logger = logback.logger("shop.Orders");
            logEvents(logger, 0, 10);
            receiver.awaitEvents(10, TIMEOUT);

            receiver.stop();
            logEvents(logger, 10, 20);
            await("the listener to log a status on one of forwardlog's threads",
                    () -> listener.threads().stream().anyMatch(t -> t.startsWith("forwardlog-")));
            receiver.restart();
            logback.close();

            // with acks, stop returns once every batch is acknowledged, so every event is in by now
            List<ReceivedEvent> events = receiver.events();
            assertTrue(events.stream().noneMatch(e -> String.valueOf(e.record().get("thread")).startsWith("forwardlog-")),
                    "no status logged on forwardlog's threads came back: " + events);
            // a batch whose ack was lost when the node went away is sent again: delivery is at-least-once
            assertEquals(IntStream.range(0, 20).mapToObj(i -> "event " + i).collect(Collectors.toSet()),
                    events.stream().filter(e -> "shop.Orders".equals(e.record().get("logger")))
                            .map(e -> e.record().get("message")).collect(Collectors.toSet()),
                    logback.allStatuses());
        }
    }

    private static void logEvents(Logger logger, int from, int to) {
        for (int i = from; i < to; i++) {
            logger.info("event {}", i);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
