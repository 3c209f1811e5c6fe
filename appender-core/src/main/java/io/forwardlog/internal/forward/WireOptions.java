package io.forwardlog.internal.forward;

import io.forwardlog.Compression;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How batches travel to one node: the appender's settings with the node's own keys applied.
 *
 * @param compression      PackedForward or CompressedPackedForward
 * @param timeAsInteger    integer seconds instead of EventTime (Fluentd v0.12 compatibility)
 * @param sendOptions      always send the option map with {@code size}
 * @param requireAck       send a {@code chunk} id and wait for its ack
 * @param ackTimeout       how long an ack may take
 * @param maxInFlight      unacknowledged batches one connection may carry
 * @param connectTimeout   connect, TLS and Forward handshakes together
 * @param sendTimeout      one frame's write
 * @param tag              the node's {@code tag} key, replacing every batch's tag
 */
public record WireOptions(Compression compression, boolean timeAsInteger, boolean sendOptions, boolean requireAck,
                          Duration ackTimeout, int maxInFlight, Duration connectTimeout, Duration sendTimeout,
                          Optional<String> tag) {

    public WireOptions {
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(sendTimeout, "sendTimeout");
        Objects.requireNonNull(tag, "tag");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
    }

    /** Plain TCP defaults for tests and tools: no acks, text, EventTime. */
    public static WireOptions defaults() {
        return new WireOptions(Compression.TEXT, false, false, false, Duration.ofSeconds(30), 16,
                Duration.ofSeconds(10), Duration.ofSeconds(10), Optional.empty());
    }

    public WireOptions withRequireAck(boolean value) {
        return new WireOptions(compression, timeAsInteger, sendOptions, value, ackTimeout, maxInFlight,
                connectTimeout, sendTimeout, tag);
    }

    public WireOptions withCompression(Compression value) {
        return new WireOptions(value, timeAsInteger, sendOptions, requireAck, ackTimeout, maxInFlight,
                connectTimeout, sendTimeout, tag);
    }

    public WireOptions withTimeAsInteger(boolean value) {
        return new WireOptions(compression, value, sendOptions, requireAck, ackTimeout, maxInFlight,
                connectTimeout, sendTimeout, tag);
    }

    public WireOptions withSendOptions(boolean value) {
        return new WireOptions(compression, timeAsInteger, value, requireAck, ackTimeout, maxInFlight,
                connectTimeout, sendTimeout, tag);
    }

    public WireOptions withAckTimeout(Duration value) {
        return new WireOptions(compression, timeAsInteger, sendOptions, requireAck, value, maxInFlight,
                connectTimeout, sendTimeout, tag);
    }

    public WireOptions withMaxInFlight(int value) {
        return new WireOptions(compression, timeAsInteger, sendOptions, requireAck, ackTimeout, value,
                connectTimeout, sendTimeout, tag);
    }

    public WireOptions withTimeouts(Duration connect, Duration send) {
        return new WireOptions(compression, timeAsInteger, sendOptions, requireAck, ackTimeout, maxInFlight,
                connect, send, tag);
    }

    public WireOptions withTag(Optional<String> value) {
        return new WireOptions(compression, timeAsInteger, sendOptions, requireAck, ackTimeout, maxInFlight,
                connectTimeout, sendTimeout, value);
    }
}
