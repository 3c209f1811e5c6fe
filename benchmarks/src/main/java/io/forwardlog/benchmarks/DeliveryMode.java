package io.forwardlog.benchmarks;

import java.time.Duration;

/** The delivery settings the end-to-end comparison runs each client with, and the sink's ack delay. */
public enum DeliveryMode {
    /** Fire and forget: PackedForward without {@code chunk}. */
    NO_ACKS("no acks", false, false, Duration.ZERO),
    /** Every batch carries a {@code chunk}; the sink acks at once. */
    ACKS("acks", true, false, Duration.ZERO),
    /** As {@link #ACKS}, but each ack leaves the sink 1 ms after its frame was read. */
    ACKS_DELAYED("acks, 1 ms ack delay", true, false, Duration.ofMillis(1)),
    /** CompressedPackedForward without acks; Fluency cannot send it. */
    GZIP("gzip, no acks", false, true, Duration.ZERO);

    private final String label;
    private final boolean acks;
    private final boolean gzip;
    private final Duration ackDelay;

    DeliveryMode(String label, boolean acks, boolean gzip, Duration ackDelay) {
        this.label = label;
        this.acks = acks;
        this.gzip = gzip;
        this.ackDelay = ackDelay;
    }

    /** The client settings for this mode, with a buffer of {@code bufferBytes} that makes callers wait when full. */
    public ClientConfig config(long bufferBytes) {
        return new ClientConfig(acks, gzip, bufferBytes, true);
    }

    public Duration ackDelay() {
        return ackDelay;
    }

    public boolean gzip() {
        return gzip;
    }

    @Override
    public String toString() {
        return label;
    }
}
