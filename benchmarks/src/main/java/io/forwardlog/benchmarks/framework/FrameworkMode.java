package io.forwardlog.benchmarks.framework;

/** How the events travel: the delivery settings each contender is run with, where it has them. */
enum FrameworkMode {
    /** PackedForward without acks (JSON lines for the Socket appender). */
    NO_ACKS("no acks"),
    /** Every batch acknowledged: forwardlog {@code requireAckResponse}, Fluency {@code ackResponseMode}. */
    ACKS("acks"),
    /** CompressedPackedForward with gzip, without acks: forwardlog only, no peer can send it. */
    GZIP("gzip");

    private final String label;

    FrameworkMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
