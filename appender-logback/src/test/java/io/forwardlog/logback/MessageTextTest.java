package io.forwardlog.logback;

import static io.forwardlog.logback.LogbackFixture.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.core.status.Status;
import io.forwardlog.testkit.ForwardReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageTextTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void anEncodersOutputWithoutItsLineSeparatorIsTheMessage() throws Exception {
        assertEquals("WARN Orders - low stock: 3", messageOf("encoder.xml", "low stock: {}"));
    }

    @Test
    void anEncodersBytesAreReadInTheEncodersCharset() throws Exception {
        // ISO-8859-1 writes ü and ß as single bytes that are not UTF-8
        assertEquals("Grüße, 3 left", messageOf("encoder-latin1.xml", "Grüße, {} left"));
    }

    @Test
    void aLayoutsOutputWithoutItsTrailingLineSeparatorsIsTheMessage() throws Exception {
        assertEquals("[" + Thread.currentThread().getName() + "] low stock: 3", messageOf("layout.xml", "low stock: {}"));
    }

    @Test
    void withBothAnEncoderAndALayoutTheEncoderWinsAndAWarningSaysSo() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             LogbackFixture logback = LogbackFixture.configure("encoder-and-layout.xml",
                     Map.of("UPSTREAM", upstreamFile(dir, receiver).toString()))) {
            logback.logger("shop.Orders").info("placed");

            assertEquals("encoder: placed", receiver.awaitEvents(1, TIMEOUT).get(0).record().get("message"));
            assertEquals(List.of("forwardlog 'FLUENT': both an encoder and a layout are set; the encoder writes the message"),
                    logback.appenderStatuses(Status.WARN));
        }
    }

    /** The record's message when {@code configuration} logs {@code text} with the argument 3 at WARN. */
    private String messageOf(String configuration, String text) throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             LogbackFixture logback = LogbackFixture.configure(configuration,
                     Map.of("UPSTREAM", upstreamFile(dir, receiver).toString()))) {
            logback.logger("shop.Orders").warn(text, 3);
            return (String) receiver.awaitEvents(1, TIMEOUT).get(0).record().get("message");
        }
    }
}
