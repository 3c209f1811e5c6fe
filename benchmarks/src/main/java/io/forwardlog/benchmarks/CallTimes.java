package io.forwardlog.benchmarks;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * How long each log call of one phase took, in an HdrHistogram (3 significant digits, so that recording
 * costs a few nanoseconds and distorts nothing): all the calls, and apart the calls after the first slow
 * one (10 ms or more), which tell whether an application pays once or on every call.
 */
final class CallTimes {

    /** A call this long is slow: it shows in the application's own latency. */
    static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final Histogram all = new Histogram(HIGHEST_NANOS, 3);
    private final Histogram afterFirstSlow = new Histogram(HIGHEST_NANOS, 3);
    private long firstSlowNanos = -1;
    private double cpuCores = -1;

    void record(long nanos) {
        long value = Math.min(Math.max(nanos, 0), HIGHEST_NANOS);
        all.recordValue(value);
        if (firstSlowNanos >= 0) {
            afterFirstSlow.recordValue(value);
        } else if (value >= SLOW_NANOS) {
            firstSlowNanos = value;
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

    long max() {
        return all.getMaxValue();
    }

    /** Calls of 10 ms or more. */
    long slowCalls() {
        return slow(all);
    }

    /** Calls of 10 ms or more after the first one. */
    long slowCallsAfterFirst() {
        return slow(afterFirstSlow);
    }

    /** The longest call after the first slow one; 0 when there was none or no call after it. */
    long maxAfterFirstSlow() {
        return afterFirstSlow.getTotalCount() == 0 ? 0 : afterFirstSlow.getMaxValue();
    }

    /** How long the first slow call took, or -1 when none was slow. */
    long firstSlowNanos() {
        return firstSlowNanos;
    }

    private static long slow(Histogram histogram) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getCountBetweenValues(SLOW_NANOS, HIGHEST_NANOS);
    }
}
