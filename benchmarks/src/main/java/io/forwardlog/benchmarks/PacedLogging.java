package io.forwardlog.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;

/**
 * Logs on the calling thread at a fixed rate, as a service handling requests does, and times each
 * call. The thread parks between calls; a call that comes late (the thread was descheduled, or the
 * previous call waited) is made at once, but the schedule never runs more than 100 ms behind, so that
 * a long wait is not followed by a burst that would measure catching up instead of logging.
 */
final class PacedLogging {

    private static final long MAX_LAG_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Logger logger;
    private final String[] messages;
    private final long intervalNanos;
    private long calls;

    /** @param rate calls per second */
    PacedLogging(Logger logger, String[] messages, int rate) {
        if (messages.length == 0 || rate <= 0) {
            throw new IllegalArgumentException("needs messages and a positive rate, got " + messages.length
                    + " messages at " + rate + "/s");
        }
        this.logger = logger;
        this.messages = messages.clone();
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
    }

    /** Logs at the rate for {@code duration}, and returns how long each call took. */
    CallTimes run(Duration duration) {
        CallTimes times = new CallTimes();
        long cpuBefore = ProcessCpu.nanos();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long next = start;
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                long cpuAfter = ProcessCpu.nanos();
                times.ranFor(now - start, cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore);
                return times;
            }
            if (now < next) {
                LockSupport.parkNanos(next - now);
                continue;
            }
            String message = messages[(int) (calls++ % messages.length)];
            long before = System.nanoTime();
            logger.info(message);
            long after = System.nanoTime();
            times.record(after - before);
            next = Math.max(next + intervalNanos, after - MAX_LAG_NANOS);
        }
    }

    /** Calls made so far, in every run. */
    long calls() {
        return calls;
    }
}
