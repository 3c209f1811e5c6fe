package io.forwardlog.internal.balance;

/**
 * The phi accrual failure detector as Fluentd's out_forward computes it, so that a
 * {@code phiThreshold} carries over between the two: heartbeat gaps are averaged with more weight on
 * recent ones (weights 1, 2, ... n over the last 1,000 gaps, Fluentd's {@code SAMPLE_SIZE}), normalised
 * so that the expected gap counts as one second, and phi grows linearly with the silence since the last
 * heartbeat ({@code phi = (t / mean) / ln 10}). Only heartbeats are samples: see {@link NodeHealth}.
 *
 * <p>The weighted mean is kept up to date as gaps come and go, so asking for phi costs the same whatever
 * the history. Times are nanoseconds on an injected clock. Not thread-safe: owned by the node's health.
 *
 * @see <a href="https://doi.org/10.1109/RELDIS.2004.1353004">Hayashibara et al., The φ accrual failure detector</a>
 */
final class PhiAccrualFailureDetector {

    private static final double PHI_FACTOR = 1.0 / Math.log(10.0);
    /** As many gaps as Fluentd keeps. */
    static final int WINDOW = 1000;
    private static final double NANOS_PER_SECOND = 1e9;

    private final double intervalSeconds;
    private final double[] gaps = new double[WINDOW];
    private int first;
    private int size;
    /** Sum of the gaps, and sum of each gap times its weight (1 for the oldest). */
    private double sum;
    private double weightedSum;
    private long lastNanos;

    PhiAccrualFailureDetector(long heartbeatIntervalNanos, long nowNanos) {
        this.intervalSeconds = heartbeatIntervalNanos / NANOS_PER_SECOND;
        reset(nowNanos);
    }

    /** A heartbeat arrived at {@code nowNanos}. */
    void heartbeat(long nowNanos) {
        add(Math.max(0, (nowNanos - lastNanos) / NANOS_PER_SECOND));
        lastNanos = nowNanos;
    }

    private void add(double gap) {
        if (size == WINDOW) {
            // every weight goes down by one as the oldest gap (weight 1) leaves
            double oldest = gaps[first];
            first = (first + 1) % WINDOW;
            size--;
            weightedSum -= sum;
            sum -= oldest;
        }
        gaps[(first + size) % WINDOW] = gap;
        size++;
        sum += gap;
        weightedSum += gap * size;
    }

    /** Suspicion that the node is down at {@code nowNanos}: 0 right after a heartbeat, growing with silence. */
    double phi(long nowNanos) {
        double weights = size * (size + 1) / 2.0;
        double mean = weightedSum / weights - intervalSeconds + 1;
        double silence = (nowNanos - lastNanos) / NANOS_PER_SECOND - intervalSeconds + 1;
        return Math.max(0, PHI_FACTOR * silence / Math.max(mean, 1e-3));
    }

    /** Nanoseconds since the last heartbeat. */
    long silenceNanos(long nowNanos) {
        return nowNanos - lastNanos;
    }

    /** Forgets the history: the expected gap is the heartbeat interval again, counted from {@code nowNanos}. */
    void reset(long nowNanos) {
        first = 0;
        size = 0;
        sum = 0;
        weightedSum = 0;
        add(intervalSeconds);
        lastNanos = nowNanos;
    }
}
