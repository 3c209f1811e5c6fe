package io.forwardlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.forwardlog.testkit.ForwardReceiverExtension;
import io.forwardlog.testkit.ReceivedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AsyncAppender;
import org.apache.logging.log4j.core.async.AsyncLoggerConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Behind an async logger and the Async appender, everything logged arrives once the context stops. */
class ForwardAppenderAsyncTest {

    private static final int EVENTS = 500;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @RegisterExtension
    final ForwardReceiverExtension receiver = ForwardReceiverExtension.create();

    @TempDir
    Path dir;

    private Path upstream;

    @BeforeEach
    void writeUpstreamFile() {
        upstream = Log4jFixture.upstreamFile(dir, receiver.get());
    }

    @Test
    void deliversEveryEventOfAnAsyncLoggerWhenTheContextStops() {
        try (Log4jFixture log = Log4jFixture.start("log4j2-async.xml", upstream)) {
            assertInstanceOf(AsyncLoggerConfig.class, log.context().getConfiguration().getLoggerConfig("viaAsyncLogger"));
            logEvents(log.logger("viaAsyncLogger"));
            assertEquals(0, receiver.get().eventCount(), "nothing is sent before the context stops");
        }

        assertEveryEventArrivedFromThisThread();
    }

    @Test
    void deliversEveryEventOfTheAsyncAppenderWhenLogManagerShutsTheContextDown() {
        Log4jFixture log = Log4jFixture.start("log4j2-async.xml", upstream);
        try {
            assertInstanceOf(AsyncAppender.class, log.appender("async"));
            logEvents(log.logger("viaAsyncAppender"));
            LogManager.shutdown(log.context());
        } finally {
            log.close();
        }

        assertEveryEventArrivedFromThisThread();
    }

    private static void logEvents(Logger logger) {
        ThreadContext.put("batch", "async");
        try {
            for (int i = 0; i < EVENTS; i++) {
                logger.info("event {}", i);
            }
        } finally {
            ThreadContext.clearMap();
        }
    }

    private void assertEveryEventArrivedFromThisThread() {
        List<ReceivedEvent> events = receiver.get().awaitEvents(EVENTS, TIMEOUT);
        assertEquals(IntStream.range(0, EVENTS).mapToObj(i -> "event " + i).toList(),
                events.stream().map(e -> e.record().get("message")).toList());
        String thread = Thread.currentThread().getName();
        assertEquals(List.of(thread), events.stream().map(e -> e.record().get("thread")).distinct().toList());
        assertEquals(List.of("async"), events.stream().map(e -> e.record().get("batch")).distinct().toList());
    }
}
