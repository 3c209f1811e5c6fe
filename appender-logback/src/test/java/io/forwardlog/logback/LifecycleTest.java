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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int EVENTS = 300;

    @TempDir
    Path dir;

    @Test
    void stoppingTheContextDeliversEveryBufferedEvent() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             LogbackFixture logback = LogbackFixture.configure("long-flush.xml",
                     Map.of("UPSTREAM", upstreamFile(dir, receiver).toString()))) {
            logEvents(logback.logger("shop.Orders"));

            logback.close();

            assertEquals(sequence(), messages(receiver.awaitEvents(EVENTS, TIMEOUT)));
        }
    }

    @Test
    void behindAnAsyncAppenderStoppingTheContextDeliversEveryEventWithItsCallerData() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             LogbackFixture logback = LogbackFixture.configure("async.xml",
                     Map.of("UPSTREAM", upstreamFile(dir, receiver).toString()))) {
            logEvents(logback.logger("shop.Orders"));

            logback.close();

            List<ReceivedEvent> events = receiver.awaitEvents(EVENTS, TIMEOUT);
            assertEquals(sequence(), messages(events));
            Map<String, Object> last = events.get(EVENTS - 1).record();
            assertEquals(Thread.currentThread().getName(), last.get("thread"));
            assertEquals(LifecycleTest.class.getName(), last.get("caller_class"));
            assertEquals("logEvents", last.get("caller_method"));
        }
    }

    @Test
    void stopDeliversWhatIsBufferedEvenWhenTheStoppingThreadIsInterrupted() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             LogbackFixture logback = LogbackFixture.configure("long-flush.xml",
                     Map.of("UPSTREAM", upstreamFile(dir, receiver).toString()))) {
            logEvents(logback.logger("shop.Orders"));

            Thread.currentThread().interrupt();
            logback.close();

            assertTrue(Thread.interrupted(), "the interrupt flag is restored after stop");
            assertEquals(sequence(), messages(receiver.awaitEvents(EVENTS, TIMEOUT)));
        }
    }

    @Test
    void anAppenderStoppedAndStartedAgainDeliversThroughANewPipeline() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             LogbackFixture logback = LogbackFixture.configure("plain.xml",
                     Map.of("UPSTREAM", upstreamFile(dir, receiver).toString()))) {
            ForwardAppender appender = logback.appender();
            logback.logger("shop.Orders").info("before");
            appender.stop();
            appender.start();
            logback.logger("shop.Orders").info("after");

            assertEquals(List.of("before", "after"), messages(receiver.awaitEvents(2, TIMEOUT)));
        }
    }

    private static void logEvents(Logger logger) {
        for (int i = 0; i < EVENTS; i++) {
            logger.info("event {}", i);
        }
    }

    private static List<String> sequence() {
        return IntStream.range(0, EVENTS).mapToObj(i -> "event " + i).toList();
    }

    private static List<String> messages(List<ReceivedEvent> events) {
        return events.stream().map(e -> (String) e.record().get("message")).toList();
    }
}
