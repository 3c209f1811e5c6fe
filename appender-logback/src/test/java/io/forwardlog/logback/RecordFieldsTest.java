package io.forwardlog.logback;

import static io.forwardlog.logback.LogbackFixture.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.ReceivedEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.LoggingEventBuilder;

class RecordFieldsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void writesEveryFieldOfTheRecordFromOneLogCall() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             LogbackFixture logback = LogbackFixture.configure("record-fields.xml",
                     Map.of("UPSTREAM", upstreamFile(dir, receiver).toString()))) {
            BasicMarkerFactory markers = new BasicMarkerFactory();
            Marker audit = markers.getDetachedMarker("AUDIT");
            audit.add(markers.getDetachedMarker("PCI"));
            IllegalStateException failure = failure();
            LoggingEventBuilder call = logback.logger("shop.Orders").atError().addMarker(audit)
                    .addKeyValue("orderId", 42).addKeyValue("amount", 9.5).setCause(failure);
            MDC.put("requestId", "r-17");
            int line = lineHere() + 1;
            call.log("order {} failed", "o-1");
            MDC.clear();

            ReceivedEvent event = receiver.awaitEvents(1, TIMEOUT).get(0);

            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("message", "order o-1 failed");
            expected.put("level", "ERROR");
            expected.put("logger", "shop.Orders");
            expected.put("thread", Thread.currentThread().getName());
            expected.put("stack_trace", printedByTheJdk(failure));
            expected.put("markers", List.of("AUDIT", "PCI"));
            expected.put("caller_class", RecordFieldsTest.class.getName());
            expected.put("caller_method", "writesEveryFieldOfTheRecordFromOneLogCall");
            expected.put("caller_file", "RecordFieldsTest.java");
            expected.put("caller_line", (long) line);
            expected.put("orderId", 42L);
            expected.put("amount", 9.5);
            expected.put("requestId", "r-17");
            expected.put("env", "prod");
            expected.put("region", "eu-west-1");
            assertEquals(expected, event.record());
            assertEquals("app.error", event.tag());
        }
    }

    @Test
    void theStackTraceIsTheTextTheJdkPrintsWithCauseAndSuppressed() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             LogbackFixture logback = LogbackFixture.configure("plain.xml",
                     Map.of("UPSTREAM", upstreamFile(dir, receiver).toString()))) {
            IllegalStateException failure = failure();
            logback.logger("shop.Orders").warn("retrying", failure);

            String stackTrace = (String) receiver.awaitEvents(1, TIMEOUT).get(0).record().get("stack_trace");

            assertEquals(printedByTheJdk(failure), stackTrace);
            assertTrue(stackTrace.contains("\n\tSuppressed: java.lang.IllegalArgumentException: rollback failed\n"), stackTrace);
            assertTrue(stackTrace.contains("\nCaused by: java.io.IOException: connection reset\n"), stackTrace);
        }
    }

    @Test
    void theTimeIsTheEventsInstantToTheNanosecond() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             LogbackFixture logback = LogbackFixture.configure("plain.xml",
                     Map.of("UPSTREAM", upstreamFile(dir, receiver).toString()))) {
            logback.logger("shop.Orders").info("tick");

            ReceivedEvent event = receiver.awaitEvents(1, TIMEOUT).get(0);

            assertTrue(event.eventTime(), "sent as EventTime");
            assertEquals(logback.listed().get(0).getInstant(), event.instant());
        }
    }

    @Test
    void theTagPatternNamesTheLevelOfEachEvent() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             LogbackFixture logback = LogbackFixture.configure("record-fields.xml",
                     Map.of("UPSTREAM", upstreamFile(dir, receiver).toString()))) {
            Logger logger = logback.logger("shop.Orders");
            logger.debug("looking");
            logger.warn("low stock");

            List<ReceivedEvent> events = receiver.awaitEvents(2, TIMEOUT);

            assertEquals(List.of("app.debug", "app.warn"), events.stream().map(ReceivedEvent::tag).toList());
        }
    }

    @Test
    void renamesAndLeavesOutFieldsAsConfigured() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             LogbackFixture logback = LogbackFixture.configure("renamed-fields.xml",
                     Map.of("UPSTREAM", upstreamFile(dir, receiver).toString()))) {
            Marker audit = new BasicMarkerFactory().getDetachedMarker("AUDIT");
            logback.logger("shop.Orders").info(audit, "placed");

            ReceivedEvent event = receiver.awaitEvents(1, TIMEOUT).get(0);

            assertEquals(Map.of("msg", "placed", "severity", "INFO", "logger", "shop.Orders"), event.record());
        }
    }

    /** A failure with a cause and a suppressed exception, made in one place so their traces share frames. */
    private static IllegalStateException failure() {
        IllegalStateException failure = new IllegalStateException("payment declined", new IOException("connection reset"));
        failure.addSuppressed(new IllegalArgumentException("rollback failed"));
        return failure;
    }

    static String printedByTheJdk(Throwable throwable) {
        StringWriter text = new StringWriter();
        throwable.printStackTrace(new PrintWriter(text, true));
        return text.toString().replace(System.lineSeparator(), "\n").stripTrailing();
    }

    /** The line this is called from. */
    private static int lineHere() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()).orElseThrow().getLineNumber();
    }
}
