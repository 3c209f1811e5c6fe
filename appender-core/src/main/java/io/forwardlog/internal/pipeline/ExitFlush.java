package io.forwardlog.internal.pipeline;

import io.forwardlog.internal.OwnThreads;
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
 * is buffered. It never stops the pipeline, so whatever the application and its framework still log
 * while the JVM exits is taken as usual, and it steps aside as soon as the pipeline is stopped (the
 * framework's own hook runs beside it, and the stop says what happens). When the wait lasts past a
 * second with nobody stopping the pipeline, it warns, and says how it ended.
 */
final class ExitFlush {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Thread hook;
    private final LongSupplier buffered;
    private final Duration timeout;
    private final LongSupplier nanoTime;
    private final StatusReporter status;
    private volatile boolean stopping;

    /** @param threadName the hook thread's name after forwardlog's prefix */
    ExitFlush(String threadName, LongSupplier buffered, Duration timeout, LongSupplier nanoTime, StatusReporter status) {
        this.buffered = buffered;
        this.timeout = timeout;
        this.nanoTime = nanoTime;
        this.status = status;
        this.hook = OwnThreads.nonDaemon(this::run, threadName);
    }

    void register() {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // started while the JVM exits: the framework that started it stops it too
        }
    }

    /**
     * The pipeline is being stopped: the hook is taken away, or, when the JVM is exiting already
     * (the framework's own hook stops the appender), it ends at its next look.
     */
    void pipelineStopping() {
        stopping = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook runs, and steps aside
        }
    }

    void run() {
        long left = buffered.getAsLong();
        long start = nanoTime.getAsLong();
        long deadline = start + timeout.toNanos();
        boolean warned = false;
        long now = start;
        while (left > 0 && !stopping && now < deadline) {
            if (!warned && now - start >= QUIET_NANOS) {
                warned = true;
                status.warn("the JVM is exiting but the logging framework has not stopped this appender (with Spring"
                        + " Boot: is logging.register-shutdown-hook false?); delivering " + left + " event"
                        + (left == 1 ? "" : "s") + ", up to " + Durations.format(timeout));
            }
            LockSupport.parkNanos(POLL_NANOS);
            left = buffered.getAsLong();
            now = nanoTime.getAsLong();
        }
        if (stopping) {
            return;
        }
        if (left > 0) {
            status.error(left + " event" + (left == 1 ? " was" : "s were") + " not delivered within "
                    + Durations.format(timeout) + " of the JVM's exit and are lost", null);
        } else if (warned) {
            status.warn("every event buffered at exit was delivered");
        }
    }
}
