package io.forwardlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.forwardlog.testkit.ForwardReceiverExtension;
import io.forwardlog.testkit.ReceivedEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.message.StringMapMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Each field of the record, from a real log4j2.xml to a real Forward receiver. */
class ForwardAppenderRecordTest {

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
    void writesTheMessageLevelLoggerThreadAndStaticFieldsInSchemaOrder() {
        try (Log4jFixture log = Log4jFixture.start("log4j2-record.xml", upstream)) {
            log.logger("orders").info("order {} placed", 42);

            ReceivedEvent event = receiver.get().awaitEvents(1, TIMEOUT).get(0);

            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("message", "order 42 placed");
            expected.put("level", "INFO");
            expected.put("logger", "orders");
            expected.put("thread", Thread.currentThread().getName());
            expected.put("env", "prod");
            expected.put("team", "orders");
            assertEquals(List.copyOf(expected.entrySet()), List.copyOf(event.record().entrySet()));
        }
    }

    @Test
    void writesTheStackTraceAsTheJdkPrintsItWithCauseAndSuppressed() {
        IllegalStateException thrown = new IllegalStateException("payment failed", new IOException("connection reset"));
        thrown.addSuppressed(new IllegalArgumentException("rollback failed"));
        try (Log4jFixture log = Log4jFixture.start("log4j2-record.xml", upstream)) {
            log.logger("payments").error("cannot charge", thrown);

            ReceivedEvent event = receiver.get().awaitEvents(1, TIMEOUT).get(0);

            assertEquals(printStackTrace(thrown), event.record().get("stack_trace"));
            assertEquals("cannot charge", event.record().get("message"));
        }
    }

    @Test
    void writesThreadContextEntriesAsTopLevelFields() {
        try (Log4jFixture log = Log4jFixture.start("log4j2-record.xml", upstream)) {
            ThreadContext.put("requestId", "r-17");
            ThreadContext.put("user", "ada");
            try {
                log.logger("web").info("request served");
            } finally {
                ThreadContext.clearMap();
            }

            Map<String, Object> record = receiver.get().awaitEvents(1, TIMEOUT).get(0).record();

            assertEquals("r-17", record.get("requestId"));
            assertEquals("ada", record.get("user"));
        }
    }

    @Test
    void writesEachFieldOfAMapMessageAndKeepsItsFormattedMessageAsTheMessage() {
        try (Log4jFixture log = Log4jFixture.start("log4j2-record.xml", upstream)) {
            StringMapMessage message = new StringMapMessage().with("orderId", "o-42").with("items", 3);
            log.logger("orders").info(message);

            Map<String, Object> record = receiver.get().awaitEvents(1, TIMEOUT).get(0).record();

            assertEquals("o-42", record.get("orderId"));
            assertEquals(3L, record.get("items"));
            assertEquals(message.getFormattedMessage(), record.get("message"));
        }
    }

    @Test
    void writesAMarkerFollowedByItsParents() {
        Marker security = MarkerManager.getMarker("RECORD_TEST_SECURITY");
        Marker audit = MarkerManager.getMarker("RECORD_TEST_AUDIT").setParents(security);
        try (Log4jFixture log = Log4jFixture.start("log4j2-record.xml", upstream)) {
            log.logger("audit").info(audit, "login");

            Map<String, Object> record = receiver.get().awaitEvents(1, TIMEOUT).get(0).record();

            assertEquals(List.of("RECORD_TEST_AUDIT", "RECORD_TEST_SECURITY"), record.get("markers"));
        }
    }

    @Test
    void keepsAllNineDigitsOfTheEventsNanosecond() {
        try (Log4jFixture log = Log4jFixture.start("log4j2-record.xml", upstream)) {
            log.logger("clock").info("tick");

            ReceivedEvent event = receiver.get().awaitEvents(1, TIMEOUT).get(0);
            LogEvent logged = log.<CaptureAppender>appender("capture").events().get(0);

            Instant expected = Instant.ofEpochSecond(logged.getInstant().getEpochSecond(),
                    logged.getInstant().getNanoOfSecond());
            assertNotEquals(0, expected.getNano() % 1000, "the test clock gives nanoseconds");
            assertEquals(expected, event.instant());
            assertEquals(true, event.eventTime());
        }
    }

    @Test
    void putsTheLevelIntoTheTag() {
        try (Log4jFixture log = Log4jFixture.start("log4j2-record.xml", upstream)) {
            Logger logger = log.logger("tags");
            logger.info("fine");
            logger.error("broken");

            List<ReceivedEvent> events = receiver.get().awaitEvents(2, TIMEOUT);

            assertEquals(List.of("app.info", "app.error"), events.stream().map(ReceivedEvent::tag).toList());
        }
    }

    @Test
    void leavesCallerDataOutUnlessIncludeCallerDataIsOn() {
        try (Log4jFixture log = Log4jFixture.start("log4j2-record.xml", upstream)) {
            log.logger("caller").info("where from?");

            Map<String, Object> record = receiver.get().awaitEvents(1, TIMEOUT).get(0).record();

            assertFalse(record.keySet().stream().anyMatch(key -> key.startsWith("caller_")), record.toString());
            assertFalse(log.forward("fluent").requiresLocation());
        }
    }

    @Test
    void neverDeliversTheEventsOfForwardlogsOwnLoggers() {
        try (Log4jFixture log = Log4jFixture.start("log4j2-record.xml", upstream)) {
            log.logger("io.forwardlog.pipeline").info("own event");
            log.logger("org.msgpack.core").info("library event");
            log.logger("app").info("application event");

            List<ReceivedEvent> events = receiver.get().awaitEvents(1, TIMEOUT);

            assertEquals(List.of("application event"), events.stream().map(e -> e.record().get("message")).toList());
            assertEquals(1, log.forward("fluent").manager().pipeline().stats().eventsAppended());
        }
    }

    /** What {@link Throwable#printStackTrace()} writes, with {@code \n} lines and no final line break. */
    private static String printStackTrace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text, true));
        String lines = text.toString().replace(System.lineSeparator(), "\n");
        return lines.substring(0, lines.length() - 1);
    }
}
