package io.forwardlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.forwardlog.testkit.ForwardReceiverExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.AbstractLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An event this Log4j2 version cannot give as forwardlog reads it never makes the log call throw. */
class UnreadableEventTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String MISSING_METHOD =
            "'org.apache.logging.log4j.util.ReadOnlyStringMap org.apache.logging.log4j.core.LogEvent.getContextData()'";

    @RegisterExtension
    final ForwardReceiverExtension receiver = ForwardReceiverExtension.create();

    @TempDir
    Path dir;

    @Test
    void aLinkageErrorFromLog4jsEventIsCountedAsUnencodableReportedOnceAndNeverThrown() {
        Path upstream = Log4jFixture.upstreamFile(dir, receiver.get());
        try (StatusCapture status = StatusCapture.start();
             Log4jFixture log = Log4jFixture.start("log4j2-record.xml", upstream)) {
            ForwardAppender appender = log.forward("fluent");

            assertDoesNotThrow(() -> appender.append(new EventOfAnotherVersion("payment failed")));
            assertDoesNotThrow(() -> appender.append(new EventOfAnotherVersion("refund failed")));
            log.logger("app").error("the next event");

            assertEquals("the next event", receiver.get().awaitEvents(1, TIMEOUT).get(0).record().get("message"));
            assertEquals(Map.of("UNENCODABLE", 2L), appender.manager().pipeline().stats().eventsDropped());
            assertEquals(List.of("forwardlog 'fluent': an event could not be encoded and was dropped: "
                    + "java.lang.NoSuchMethodError: " + MISSING_METHOD + "; the logging framework's classes lack "
                    + "what forwardlog calls: is its version one forwardlog supports (see the README's supported "
                    + "versions)?"), status.forwardlog(Level.WARN));
        }
    }

    /** An event whose context data throws as an event compiled against another Log4j2 would. */
    private static final class EventOfAnotherVersion extends AbstractLogEvent {

        private static final long serialVersionUID = 1L;

        private final String message;

        EventOfAnotherVersion(String message) {
            this.message = message;
        }

        @Override
        public String getLoggerName() {
            return "app";
        }

        @Override
        public Level getLevel() {
            return Level.ERROR;
        }

        @Override
        public Message getMessage() {
            return new SimpleMessage(message);
        }

        @Override
        public ReadOnlyStringMap getContextData() {
            throw new NoSuchMethodError(MISSING_METHOD);
        }
    }
}
