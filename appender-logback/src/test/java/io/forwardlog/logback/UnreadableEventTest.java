package io.forwardlog.logback;

import static io.forwardlog.logback.LogbackFixture.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.status.Status;
import io.forwardlog.testkit.ForwardReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An event this Logback version cannot give as forwardlog reads it never makes the log call throw. */
class UnreadableEventTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String MISSING_METHOD =
            "'java.lang.String ch.qos.logback.classic.spi.IThrowableProxy.getOverridingMessage()'";

    @TempDir
    Path dir;

    @Test
    void aLinkageErrorFromLogbacksEventIsCountedAsUnencodableReportedOnceAndNeverThrown() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             LogbackFixture logback = LogbackFixture.configure("plain.xml",
                     Map.of("UPSTREAM", upstreamFile(dir, receiver).toString()))) {
            Logger logger = logback.logger("shop.Orders");

            assertDoesNotThrow(() -> logger.callAppenders(eventFromAnotherLogback(logger, "payment failed")));
            assertDoesNotThrow(() -> logger.callAppenders(eventFromAnotherLogback(logger, "refund failed")));
            logger.info("the next event");

            assertEquals("the next event", receiver.awaitEvents(1, TIMEOUT).get(0).record().get("message"));
            assertEquals(Map.of("UNENCODABLE", 2L), logback.appender().stats().eventsDropped());
            assertEquals(List.of("forwardlog 'FLUENT': an event could not be encoded and was dropped: "
                            + "java.lang.NoSuchMethodError: " + MISSING_METHOD + "; the logging framework's classes "
                            + "lack what forwardlog calls: is its version one forwardlog supports (see the README's "
                            + "supported versions)?"),
                    logback.appenderStatuses(Status.WARN), logback.allStatuses());
        }
    }

    /** An error event whose throwable proxy throws as a proxy compiled against another Logback would. */
    private static LoggingEvent eventFromAnotherLogback(Logger logger, String message) {
        return new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, message, null, null) {
            @Override
            public IThrowableProxy getThrowableProxy() {
                return new ProxyOfAnotherVersion();
            }
        };
    }

    private static final class ProxyOfAnotherVersion implements IThrowableProxy {

        @Override
        public String getMessage() {
            throw new NoSuchMethodError(MISSING_METHOD);
        }

        @Override
        public String getClassName() {
            throw new NoSuchMethodError(MISSING_METHOD);
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return new StackTraceElementProxy[0];
        }

        @Override
        public int getCommonFrames() {
            return 0;
        }

        @Override
        public IThrowableProxy getCause() {
            return null;
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            return new IThrowableProxy[0];
        }

        @Override
        public boolean isCyclic() {
            return false;
        }
    }
}
