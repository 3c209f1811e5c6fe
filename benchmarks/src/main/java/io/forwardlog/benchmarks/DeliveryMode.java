package io.forwardlog.benchmarks;

import java.time.Duration;

/** The delivery settings the end-to-end comparison runs each client with, and the sink's ack delay. */
public enum DeliveryMode {
    /** Fire and forget: PackedForward without {@code chunk}. */
    NO_ACKS("no acks", false, false, false),
    /** Every batch carries a {@code chunk}; the sink acks at once. */
    ACKS("acks", true, false, false),
    /** As {@link #ACKS}, but each ack leaves the sink a fixed delay (default 1 ms) after its frame was read. */
    ACKS_DELAYED("acks, %d ms ack delay", true, false, true),
    /** CompressedPackedForward without acks; Fluency cannot send it. */
    GZIP("gzip, no acks", false, true, false);

    private final String label;
    private final boolean acks;
    private final boolean gzip;
    private final boolean lateAcks;

    DeliveryMode(String label, boolean acks, boolean gzip, boolean lateAcks) {
        this.label = label;
        this.acks = acks;
        this.gzip = gzip;
        this.lateAcks = lateAcks;
    }

    /** The client settings for this mode, with a buffer of {@code bufferBytes} that makes callers wait when full. */
    public ClientConfig config(long bufferBytes) {
        return new ClientConfig(acks, gzip, bufferBytes, true);
    }

    /** How long the sink waits before each ack in this mode, given the comparison's ack delay. */
    public Duration sinkAckDelay(Duration ackDelay) {
        return lateAcks ? ackDelay : Duration.ZERO;
    }

    public boolean gzip() {
        return gzip;
    }

    /** The mode's name in tables, e.g. {@code acks, 1 ms ack delay}. */
    public String label(Duration ackDelay) {
        return lateAcks ? String.format(label, ackDelay.toMillis()) : label;
    }
}
