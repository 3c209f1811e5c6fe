package io.forwardlog.benchmarks;

/** What the node does while {@link CallerLatency} times the log calls, in the order they come. */
enum LatencyPhase {
    STEADY("steady state"),
    OUTAGE("outage (the node is down, the buffer fills)"),
    RECOVERY("recovery (the node is back)"),
    STALL("stall (the node reads nothing)");

    private final String label;

    LatencyPhase(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
