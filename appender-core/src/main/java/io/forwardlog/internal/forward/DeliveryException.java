package io.forwardlog.internal.forward;

import java.io.IOException;

/**
 * Why a batch could not be delivered to one node. The message is for people and never holds a
 * secret; it does not name the node (the caller prefixes it), e.g. {@code connection refused}.
 */
public final class DeliveryException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The kind of failure, so callers can decide without parsing text. */
    public enum Kind {
        /** The host name did not resolve. */
        UNKNOWN_HOST,
        /** Nothing listens on the port, or a firewall rejects us. */
        CONNECT_REFUSED,
        /** No answer to the connect within connectTimeout. */
        CONNECT_TIMEOUT,
        /** Any other connect error. */
        CONNECT_FAILED,
        /** The TLS handshake failed (untrusted certificate, wrong host name, protocol...). */
        TLS,
        /** The Forward handshake (shared key, user) was refused or the server could not prove the key. */
        AUTHENTICATION,
        /** A write did not finish within sendTimeout: the node is not reading. */
        SEND_TIMEOUT,
        /** A write failed. */
        SEND_FAILED,
        /** The node closed the connection. */
        CLOSED_BY_PEER,
        /** An ack did not arrive within ackResponseTimeout. */
        ACK_TIMEOUT,
        /** The node acknowledged a chunk id that we did not send. */
        ACK_MISMATCH,
        /** The node sent something the Forward protocol does not allow here. */
        PROTOCOL,
        /** The connection was closed on our side (shutdown or reload). */
        CLOSED
    }

    private final Kind kind;

    public DeliveryException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public DeliveryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
