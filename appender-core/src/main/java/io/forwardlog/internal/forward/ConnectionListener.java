package io.forwardlog.internal.forward;

/**
 * What a connection tells its owner. Called on the connection's ack-reader thread (or on the
 * sending thread for a failed write); implementations hand the news over and return quickly.
 */
public interface ConnectionListener {

    /** The node acknowledged {@code batch}: it is delivered. */
    void acknowledged(ForwardConnection connection, OutboundBatch batch);

    /**
     * The connection can no longer be used. Called once. The batches it still held are returned by
     * {@link ForwardConnection#close()}.
     */
    void broken(ForwardConnection connection, DeliveryException cause);

    /** A listener that ignores everything, for connections whose owner polls instead. */
    ConnectionListener IGNORE = new ConnectionListener() {
        @Override
        public void acknowledged(ForwardConnection connection, OutboundBatch batch) {
        }

        @Override
        public void broken(ForwardConnection connection, DeliveryException cause) {
        }
    };
}
