package io.forwardlog.benchmarks;

import io.forwardlog.Compression;
import java.time.Duration;

/**
 * How both clients are set up for one comparison. Whatever a client's own defaults, both get the same
 * batch size ({@value #CHUNK_BYTES} bytes), the same flush timing ({@link #FLUSH_INTERVAL}) and the
 * same buffer limit, so that the numbers compare the clients rather than their defaults.
 *
 * @param acks         ask for an ack of every batch
 * @param compression  text, or CompressedPackedForward with gzip or zstd (forwardlog only: Fluency 2.7.3 cannot)
 * @param bufferBytes  the most a client may buffer
 * @param waitWhenFull a full buffer makes the caller wait (and nothing is lost); otherwise the event
 *                     is dropped and counted
 */
public record ClientConfig(boolean acks, Compression compression, long bufferBytes, boolean waitWhenFull) {

    /** Bytes of events in one batch. */
    public static final int CHUNK_BYTES = 1024 * 1024;
    /**
     * The longest a partly filled batch waits before it is sent. Short, because forwardlog has no
     * flush call: the last batch of a run waits this long, and that wait is not throughput. Under load
     * a 1 MiB batch fills in a few milliseconds, so the interval does not change how batches are cut.
     * 50 ms is the least Fluency accepts for {@code bufferChunkRetentionTimeMillis}.
     */
    public static final Duration FLUSH_INTERVAL = Duration.ofMillis(50);

    public ClientConfig {
        if (bufferBytes < CHUNK_BYTES) {
            throw new IllegalArgumentException("bufferBytes must be at least one batch (" + CHUNK_BYTES + "), was "
                    + bufferBytes);
        }
    }
}
