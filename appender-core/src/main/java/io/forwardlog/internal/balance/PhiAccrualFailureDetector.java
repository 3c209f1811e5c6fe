package io.forwardlog.internal.balance;

import java.util.ArrayDeque;

/**
 * The phi accrual failure detector as Fluentd's out_forward computes it, so that a
 * {@code phiThreshold} carries over between the two: heartbeat gaps are averaged with more weight on
 * recent ones, normalised so that the expected gap counts as one second, and phi grows linearly with
 * the silence since the last heartbeat ({@code phi = (t / mean) / ln 10}).
 *
 * <p>Times are nanoseconds on an injected clock. Not thread-safe: the owner synchronizes.
 *
 * @see <a href="https://doi.org/10.1109/RELDIS.2004.1353004">Hayashibara et al., The φ accrual failure detector</a>
 */
final class PhiAccrualFailureDetector {

    private static final double PHI_FACTOR = 1.0 / Math.log(10.0);
    private static final int WINDOW = 100;
    private static final double NANOS_PER_SECOND = 1e9;

    private final double intervalSeconds;
    private final ArrayDeque<Double> gapsSeconds = new ArrayDeque<>();
    private long lastNanos;

    PhiAccrualFailureDetector(long heartbeatIntervalNanos, long nowNanos) {
        this.intervalSeconds = heartbeatIntervalNanos / NANOS_PER_SECOND;
        reset(nowNanos);
    }

    /** A heartbeat arrived at {@code nowNanos}. */
    void heartbeat(long nowNanos) {
        double gap = (nowNanos - lastNanos) / NANOS_PER_SECOND;
        gapsSeconds.addLast(Math.max(0, gap));
        if (gapsSeconds.size() > WINDOW) {
            gapsSeconds.removeFirst();
        }
        lastNanos = nowNanos;
    }

    /** Suspicion that the node is down at {@code nowNanos}: 0 right after a heartbeat, growing with silence. */
    double phi(long nowNanos) {
        double weighted = 0;
        double weights = 0;
        int i = 1;
        for (double gap : gapsSeconds) {
            weighted += gap * i;
            weights += i;
            i++;
        }
        double mean = weighted / weights - intervalSeconds + 1;
        double silence = (nowNanos - lastNanos) / NANOS_PER_SECOND - intervalSeconds + 1;
        return Math.max(0, PHI_FACTOR * silence / Math.max(mean, 1e-3));
    }

    /** Nanoseconds since the last heartbeat. */
    long silenceNanos(long nowNanos) {
        return nowNanos - lastNanos;
    }

    /** Forgets the history: the expected gap is the heartbeat interval again, counted from {@code nowNanos}. */
    void reset(long nowNanos) {
        gapsSeconds.clear();
        gapsSeconds.add(intervalSeconds);
        lastNanos = nowNanos;
    }
}
