package io.forwardlog.benchmarks;

import io.forwardlog.Compression;
import java.time.Duration;

/** The delivery settings the end-to-end comparison runs each client with, and the sink's ack delay. */
public enum DeliveryMode {
    /** Fire and forget: PackedForward without {@code chunk}. */
    NO_ACKS("no acks", false, Compression.TEXT, false),
    /** Every batch carries a {@code chunk}; the sink acks at once. */
    ACKS("acks", true, Compression.TEXT, false),
    /** As {@link #ACKS}, but each ack leaves the sink a fixed delay (default 1 ms) after its frame was read. */
    ACKS_DELAYED("acks, %d ms ack delay", true, Compression.TEXT, true),
    /** CompressedPackedForward with gzip, without acks; Fluency cannot send it. */
    GZIP("gzip, no acks", false, Compression.GZIP, false),
    /** CompressedPackedForward with zstd, without acks; Fluency cannot send it. */
    ZSTD("zstd, no acks", false, Compression.ZSTD, false);

    private final String label;
    private final boolean acks;
    private final Compression compression;
    private final boolean lateAcks;

    DeliveryMode(String label, boolean acks, Compression compression, boolean lateAcks) {
        this.label = label;
        this.acks = acks;
        this.compression = compression;
        this.lateAcks = lateAcks;
    }

    /** The client settings for this mode, with a buffer of {@code bufferBytes} that makes callers wait when full. */
    public ClientConfig config(long bufferBytes) {
        return new ClientConfig(acks, compression, bufferBytes, true);
    }

    /** How long the sink waits before each ack in this mode, given the comparison's ack delay. */
    public Duration sinkAckDelay(Duration ackDelay) {
        return lateAcks ? ackDelay : Duration.ZERO;
    }

    /** Whether batches go compressed, which only forwardlog can do. */
    public boolean compressed() {
        return compression != Compression.TEXT;
    }

    /** The mode's name in tables, e.g. {@code acks, 1 ms ack delay}. */
    public String label(Duration ackDelay) {
        return lateAcks ? String.format(label, ackDelay.toMillis()) : label;
    }
}
