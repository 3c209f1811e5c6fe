package io.forwardlog.internal.balance;

import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with full jitter, capped: the n-th consecutive failure waits a random time
 * between half and all of {@code min(max, initial * 2^(n-1))}, so a dead upstream never costs a hot
 * loop and many clients do not retry in step.
 */
public final class Backoff {

    private final long initialNanos;
    private final long maxNanos;
    private final DoubleSupplier random;

    /** @param random numbers in [0, 1); injected so tests are exact */
    public Backoff(long initialNanos, long maxNanos, DoubleSupplier random) {
        if (initialNanos <= 0 || maxNanos < initialNanos) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max");
        }
        this.initialNanos = initialNanos;
        this.maxNanos = maxNanos;
        this.random = random;
    }

    /** The wait after {@code failures} consecutive failures (1 for the first). */
    public long delayNanos(int failures) {
        if (failures <= 0) {
            return 0;
        }
        int shift = Math.min(failures - 1, 62);
        long ceiling = initialNanos > (maxNanos >> shift) ? maxNanos : Math.min(maxNanos, initialNanos << shift);
        double fraction = 0.5 + 0.5 * random.getAsDouble();
        return Math.max(1, (long) (ceiling * fraction));
    }
}
