package io.forwardlog.internal.pipeline;

import io.forwardlog.internal.status.StatusReporter;
import io.forwardlog.internal.util.Durations;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The safety net for an application whose logging framework is not stopped when the JVM exits (Spring
 * Boot with {@code logging.register-shutdown-hook=false}, Logback without {@code <shutdownHook/>}):
 * a JVM shutdown hook that waits, up to {@code shutdownTimeout}, until the sender has delivered what
 * is buffered, and says so. It never stops the pipeline, so whatever the application and its
 * framework still log while the JVM exits (a context closing, the framework's own hook stopping the
 * appender) is taken as usual; a pipeline that is stopped normally takes the hook away.
 */
final class ExitFlush {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Thread hook;
    private final LongSupplier buffered;
    private final Duration timeout;
    private final LongSupplier nanoTime;
    private final StatusReporter status;

    /** @param threadName must start with forwardlog's thread prefix, so nothing it logs comes back */
    ExitFlush(String threadName, LongSupplier buffered, Duration timeout, LongSupplier nanoTime, StatusReporter status) {
        this.buffered = buffered;
        this.timeout = timeout;
        this.nanoTime = nanoTime;
        this.status = status;
        this.hook = new Thread(this::run, threadName);
    }

    void register() {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // started while the JVM exits: the framework that started it stops it too
        }
    }

    /** Takes the hook away; from the framework's own shutdown hook, when the JVM is exiting already, it stays. */
    void unregister() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook runs (or ran) and ends as soon as nothing is buffered
        }
    }

    void run() {
        long left = buffered.getAsLong();
        if (left == 0) {
            return;
        }
        status.warn("the JVM is exiting but the logging framework has not stopped this appender (with Spring Boot:"
                + " is logging.register-shutdown-hook false?); delivering " + left + " event" + (left == 1 ? "" : "s")
                + ", up to " + Durations.format(timeout));
        long deadline = nanoTime.getAsLong() + timeout.toNanos();
        while (left > 0 && nanoTime.getAsLong() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
            left = buffered.getAsLong();
        }
        if (left == 0) {
            status.warn("every event buffered at exit was delivered");
        } else {
            status.error(left + " event" + (left == 1 ? " was" : "s were") + " not delivered within "
                    + Durations.format(timeout) + " of the JVM's exit and are lost", null);
        }
    }
}
