package io.forwardlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.testkit.ForwardReceiverExtension;
import io.forwardlog.testkit.ReceivedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.core.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Renamed and left-out fields, caller data, a Layout and a Filter, configured in log4j2.xml. */
class ForwardAppenderOptionsTest {

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
    void writesRenamedFieldsUnderTheirNewNamesAndLeavesExcludedFieldsOut() {
        try (Log4jFixture log = Log4jFixture.start("log4j2-options.xml", upstream)) {
            log.logger("renamed").info(MarkerManager.getMarker("OPTIONS_TEST"), "renamed fields");

            Map<String, Object> record = receiver.get().awaitEvents(1, TIMEOUT).get(0).record();

            assertEquals(Map.of("msg", "renamed fields", "severity", "INFO", "logger", "renamed"), record);
        }
    }

    @Test
    void writesTheCallersClassMethodFileAndLineWithIncludeCallerData() {
        try (Log4jFixture log = Log4jFixture.start("log4j2-options.xml", upstream)) {
            Logger logger = log.logger("caller");
            int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
            logger.info("where from?");

            Map<String, Object> record = receiver.get().awaitEvents(1, TIMEOUT).get(0).record();

            assertEquals(getClass().getName(), record.get("caller_class"));
            assertEquals("writesTheCallersClassMethodFileAndLineWithIncludeCallerData", record.get("caller_method"));
            assertEquals("ForwardAppenderOptionsTest.java", record.get("caller_file"));
            assertEquals((long) line, record.get("caller_line"));
            assertTrue(log.forward("caller").requiresLocation());
        }
    }

    @Test
    void writesTheLayoutsOutputWithoutItsLineBreakAsTheMessage() {
        try (Log4jFixture log = Log4jFixture.start("log4j2-options.xml", upstream)) {
            log.logger("layout").warn("disk {} full", "/var");

            Map<String, Object> record = receiver.get().awaitEvents(1, TIMEOUT).get(0).record();

            assertEquals("WARN layout - disk /var full", record.get("message"));
        }
    }

    @Test
    void sendsTheFormattedMessageWhenTheLayoutFailsAndThrowsNothingIntoTheApplication() {
        try (StatusCapture status = StatusCapture.start();
             Log4jFixture log = Log4jFixture.start("log4j2-failing-layout.xml", upstream)) {
            log.logger("app").info("saved by the {}", "fallback");

            Map<String, Object> record = receiver.get().awaitEvents(1, TIMEOUT).get(0).record();

            assertEquals("saved by the fallback", record.get("message"));
            assertEquals(List.of("forwardlog 'fluent': the layout failed (java.lang.IllegalStateException: broken layout); "
                    + "the event is sent with its formatted message"), status.forwardlog(Level.ERROR));
        }
    }

    @Test
    void sendsOnlyTheEventsTheFilterAccepts() {
        try (Log4jFixture log = Log4jFixture.start("log4j2-options.xml", upstream)) {
            Logger logger = log.logger("layout");
            logger.info("below the threshold");
            logger.error("above the threshold");

            // one connection keeps the order: had the first event been sent, it would be here first
            List<ReceivedEvent> events = receiver.get().awaitEvents(1, TIMEOUT);

            assertEquals(List.of("ERROR layout - above the threshold"),
                    events.stream().map(e -> e.record().get("message")).toList());
        }
    }
}
