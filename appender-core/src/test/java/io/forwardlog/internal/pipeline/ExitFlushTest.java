package io.forwardlog.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.forwardlog.StatusListener;
import io.forwardlog.internal.status.StatusReporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class ExitFlushTest {

    private final List<String> messages = new ArrayList<>();
    /** Each reading of the clock moves it on by a second. */
    private final AtomicLong now = new AtomicLong();
    private final LongSupplier clock = () -> now.getAndAdd(TimeUnit.SECONDS.toNanos(1));

    @Test
    void saysNothingWhenNothingIsBuffered() {
        exitFlush(() -> 0).run();

        assertEquals(List.of(), messages);
    }

    @Test
    void saysNothingWhenTheSenderDeliversWithinASecond() {
        // the clock moves a second per reading: the first look after the start sees everything delivered
        long[] buffered = {5000, 0};
        int[] reading = {0};

        exitFlush(() -> buffered[Math.min(reading[0]++, buffered.length - 1)]).run();

        assertEquals(List.of(), messages);
    }

    @Test
    void warnsWhenTheWaitLastsPastASecondAndSaysHowItEnded() {
        long[] buffered = {5000, 5000, 1200, 0};
        int[] reading = {0};

        exitFlush(() -> buffered[Math.min(reading[0]++, buffered.length - 1)]).run();

        assertEquals(List.of("WARN forwardlog 'FLUENT': the JVM is exiting but the logging framework has not stopped "
                        + "this appender (with Spring Boot: is logging.register-shutdown-hook false?); delivering 5000 "
                        + "events, up to 10s",
                "WARN forwardlog 'FLUENT': every event buffered at exit was delivered"), messages);
    }

    @Test
    void givesUpAfterShutdownTimeoutAndSaysHowManyAreLost() {
        exitFlush(() -> 3).run();

        assertEquals("ERROR forwardlog 'FLUENT': 3 events were not delivered within 10s of the JVM's exit and are lost",
                messages.get(1));
        assertEquals(2, messages.size());
    }

    @Test
    void stepsAsideSilentlyWhenThePipelineIsStopped() {
        ExitFlush flush = exitFlush(() -> 3);
        flush.register();

        flush.pipelineStopping();
        flush.run();

        assertEquals(List.of(), messages);
    }

    private ExitFlush exitFlush(LongSupplier buffered) {
        StatusListener listener = new StatusListener() {
            @Override
            public void info(String message) {
                messages.add("INFO " + message);
            }

            @Override
            public void warn(String message) {
                messages.add("WARN " + message);
            }

            @Override
            public void error(String message, Throwable cause) {
                messages.add("ERROR " + message);
            }
        };
        StatusReporter status = new StatusReporter(listener, "forwardlog 'FLUENT': ", 0, clock);
        return new ExitFlush("forwardlog-FLUENT-exit", buffered, Duration.ofSeconds(10), clock, status);
    }
}
