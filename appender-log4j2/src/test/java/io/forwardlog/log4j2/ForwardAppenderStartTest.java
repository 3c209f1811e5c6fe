package io.forwardlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.testkit.ForwardReceiverExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An upstream file that cannot be used: reported with its file and line, and the application runs on. */
class ForwardAppenderStartTest {

    private static final String BROKEN = """
            [UPSTREAM]
                name test
            [NODE]
                name node-1
                host 127.0.0.1
                port abc
            """;

    @RegisterExtension
    final ForwardReceiverExtension receiver = ForwardReceiverExtension.create();

    @TempDir
    Path dir;

    @Test
    void reportsABrokenUpstreamFileWithItsLineAndLeavesTheAppenderOut() {
        Path upstream = Log4jFixture.write(dir.resolve("upstream.conf"), BROKEN);
        try (StatusCapture status = StatusCapture.start();
             Log4jFixture log = Log4jFixture.start("log4j2-start.xml", upstream)) {
            log.logger("app").info("logged without the Forward appender");

            assertEquals(List.of("forwardlog 'fluent': " + upstream + ":6: [NODE] 'node-1': port 'abc' is not a number; "
                    + "the appender is not created"), status.forwardlog(Level.ERROR));
            assertNull(log.appender("fluent"));
            assertEquals(1, log.<CaptureAppender>appender("capture").events().size());
        }
    }

    @Test
    void createsTheAppenderOnTheNextReconfigurationOnceTheFileIsFixed() {
        Path upstream = Log4jFixture.write(dir.resolve("upstream.conf"), BROKEN);
        try (Log4jFixture log = Log4jFixture.start("log4j2-start.xml", upstream)) {
            Log4jFixture.upstreamFile(dir, receiver.get());
            log.reconfigure("log4j2-start.xml");
            log.logger("app").info("delivered after the fix");

            assertNotNull(log.forward("fluent"));
            assertEquals("delivered after the fix",
                    receiver.get().awaitEvents(1, Duration.ofSeconds(10)).get(0).record().get("message"));
        }
    }

    @Test
    void reportsThatThePipelineStartedThroughTheStatusLogger() {
        Path upstream = Log4jFixture.upstreamFile(dir, receiver.get());
        try (StatusCapture status = StatusCapture.start();
             Log4jFixture log = Log4jFixture.start("log4j2-start.xml", upstream)) {

            assertTrue(status.forwardlog(Level.INFO).contains(
                    "forwardlog 'fluent': started: upstream 'test' with 1 node from " + upstream),
                    status.messages().toString());
        }
    }
}
