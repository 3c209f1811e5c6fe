package io.forwardlog.internal.balance;

/**
 * The failure-detection settings every node shares.
 *
 * @param heartbeats            whether heartbeats are sent at all ({@code heartbeatType} not {@code none})
 * @param heartbeatIntervalNanos time between heartbeats
 * @param phiEnabled            {@code phiFailureDetector}
 * @param phiThreshold          {@code phiThreshold}
 * @param hardTimeoutNanos      {@code hardTimeout}
 * @param recoverWaitNanos      {@code recoverWait}
 */
public record HealthPolicy(boolean heartbeats, long heartbeatIntervalNanos, boolean phiEnabled, double phiThreshold,
                    long hardTimeoutNanos, long recoverWaitNanos) {
}
