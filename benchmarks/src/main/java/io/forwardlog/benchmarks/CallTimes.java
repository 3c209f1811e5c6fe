package io.forwardlog.benchmarks;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * How long each log call of one phase took, in an HdrHistogram (3 significant digits, so that recording
 * costs a few nanoseconds and distorts nothing), with the two longest calls kept exactly: whether the
 * calls of 10 ms or more are one (forwardlog's single wait of {@code blockTimeout} in an outage) or many
 * tells whether an application pays once or again and again.
 */
final class CallTimes {

    /** A call this long is slow: it shows in the application's own latency. */
    static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final Histogram all = new Histogram(HIGHEST_NANOS, 3);
    private long longest;
    private long secondLongest;
    private double cpuCores = -1;

    void record(long nanos) {
        long value = Math.min(Math.max(nanos, 0), HIGHEST_NANOS);
        all.recordValue(value);
        if (value > longest) {
            secondLongest = longest;
            longest = value;
        } else if (value > secondLongest) {
            secondLongest = value;
        }
    }

    /** The phase took {@code wallNanos} and the JVM {@code cpuNanos} of CPU time meanwhile (-1: not known). */
    void ranFor(long wallNanos, long cpuNanos) {
        cpuCores = cpuNanos < 0 || wallNanos <= 0 ? -1 : (double) cpuNanos / wallNanos;
    }

    /** The JVM's CPU time over the phase's time (1.0: one core busy all along), or -1 when not known. */
    double cpuCores() {
        return cpuCores;
    }

    long calls() {
        return all.getTotalCount();
    }

    /** The time at or under which {@code percentile} % of the calls took, in nanoseconds. */
    long percentile(double percentile) {
        return all.getValueAtPercentile(percentile);
    }

    /** The longest call, exactly. */
    long max() {
        return longest;
    }

    /** The second longest call, exactly (0 with fewer than two calls). */
    long secondLongest() {
        return secondLongest;
    }

    /** Calls of 10 ms or more. */
    long slowCalls() {
        return all.getTotalCount() == 0 ? 0 : all.getCountBetweenValues(SLOW_NANOS, HIGHEST_NANOS);
    }

    /** Calls of 10 ms or more besides the longest one. */
    long slowCallsBesidesTheLongest() {
        long slow = slowCalls();
        return longest >= SLOW_NANOS ? Math.max(0, slow - 1) : slow;
    }
}
