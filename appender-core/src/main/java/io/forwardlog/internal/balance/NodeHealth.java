package io.forwardlog.internal.balance;

/**
 * Whether a node gets traffic. A delivery failure takes it down at once; silence takes it down when
 * the failure detector's phi passes the threshold or no heartbeat came within the hard timeout. A
 * down node comes back after heartbeats have been healthy for {@code recoverWait}; without heartbeats
 * it is tried again by traffic after a back-off. Times are nanoseconds on the caller's clock.
 *
 * <p>The failure detector learns only from heartbeats (a ping's ack, a UDP answer), which come every
 * {@code heartbeatInterval}: acks of batches and other traffic are not samples of that interval, so a
 * busy node is judged by the same expected gap as an idle one. Owned by the I/O loop's thread.
 */
final class NodeHealth {

    /** What {@link #tick} or a failure changed. */
    enum Change { NONE, WENT_DOWN, CAME_BACK }

    private final HealthPolicy policy;
    private final PhiAccrualFailureDetector detector;
    private boolean up = true;
    private String lastError;
    private long downSinceNanos;
    /** While down: when the current run of healthy heartbeats began, or -1. */
    private long healthySinceNanos = -1;
    private int consecutiveFailures;
    /** A failed heartbeat of an up node, turned into a state change by the next tick. */
    private String probeFailure;

    NodeHealth(HealthPolicy policy, long nowNanos) {
        this.policy = policy;
        this.detector = new PhiAccrualFailureDetector(policy.heartbeatIntervalNanos(), nowNanos);
    }

    boolean isUp() {
        return up;
    }

    String lastError() {
        return lastError;
    }

    long downSinceNanos() {
        return downSinceNanos;
    }

    /** A heartbeat was answered at {@code nowNanos}. */
    void heartbeat(long nowNanos) {
        detector.heartbeat(nowNanos);
        probeFailure = null;
        if (!up && healthySinceNanos < 0) {
            healthySinceNanos = nowNanos;
        }
    }

    /**
     * A heartbeat could not reach the node (refused, unreachable, handshake refused): a down node's
     * recovery starts over; an up node goes down at the next {@link #tick}, as after a failed delivery.
     */
    void heartbeatFailed(String error) {
        healthySinceNanos = -1;
        if (up) {
            probeFailure = error;
        } else {
            lastError = error;
        }
    }

    /** A delivery or connection failed: the node goes down at once. */
    Change failed(String error, long nowNanos) {
        lastError = error;
        consecutiveFailures++;
        healthySinceNanos = -1;
        probeFailure = null;
        if (!up) {
            return Change.NONE;
        }
        up = false;
        downSinceNanos = nowNanos;
        return Change.WENT_DOWN;
    }

    /** A batch went through: the failure streak ends. */
    void succeeded() {
        consecutiveFailures = 0;
    }

    /** Applies the failure detector and the recovery rule at {@code nowNanos}. */
    Change tick(long nowNanos, Backoff backoff) {
        if (up) {
            if (probeFailure != null) {
                String error = probeFailure;
                probeFailure = null;
                consecutiveFailures++;
                return goDown(error, nowNanos);
            }
            if (!policy.heartbeats()) {
                return Change.NONE;
            }
            if (detector.silenceNanos(nowNanos) > policy.hardTimeoutNanos()) {
                return goDown("no heartbeat for " + seconds(detector.silenceNanos(nowNanos)) + "s (hardTimeout)", nowNanos);
            }
            double phi = detector.phi(nowNanos);
            if (policy.phiEnabled() && phi > policy.phiThreshold()) {
                return goDown(String.format(java.util.Locale.ROOT,
                        "no heartbeat for %.1fs (phi %.1f > phiThreshold %s)", seconds(detector.silenceNanos(nowNanos)),
                        phi, trim(policy.phiThreshold())), nowNanos);
            }
            return Change.NONE;
        }
        boolean recovered = policy.heartbeats()
                ? healthySinceNanos >= 0 && nowNanos - healthySinceNanos >= policy.recoverWaitNanos()
                : nowNanos - downSinceNanos >= backoff.delayNanos(consecutiveFailures);
        if (recovered) {
            up = true;
            probeFailure = null;
            healthySinceNanos = -1;
            detector.reset(nowNanos);
            return Change.CAME_BACK;
        }
        return Change.NONE;
    }

    private Change goDown(String error, long nowNanos) {
        up = false;
        lastError = error;
        downSinceNanos = nowNanos;
        healthySinceNanos = -1;
        return Change.WENT_DOWN;
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e8) / 10.0;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
