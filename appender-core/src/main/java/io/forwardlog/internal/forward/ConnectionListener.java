package io.forwardlog.internal.forward;

/**
 * What a connection tells its owner. Called on the connection's I/O thread, the owner's own.
 */
public interface ConnectionListener {

    /** The connection is established (transport and Forward handshakes done): it takes batches now. */
    void established(ForwardConnection connection);

    /** A batch sent without an ack request left completely: it is delivered as far as the protocol can tell. */
    void written(ForwardConnection connection, OutboundBatch batch);

    /** The node acknowledged {@code batch} (a {@link HeartbeatPing} for a heartbeat). */
    void acknowledged(ForwardConnection connection, OutboundBatch batch);

    /**
     * The connection ended, once: broken ({@code failure} says why) or closed in order ({@code null}).
     * What it still held comes back from {@link ForwardConnection#takeBack()}.
     */
    void ended(ForwardConnection connection, DeliveryException failure);

    /** A listener that ignores everything, for connections whose owner asks instead. */
    ConnectionListener IGNORE = new ConnectionListener() {
        @Override
        public void established(ForwardConnection connection) {
        }

        @Override
        public void written(ForwardConnection connection, OutboundBatch batch) {
        }

        @Override
        public void acknowledged(ForwardConnection connection, OutboundBatch batch) {
        }

        @Override
        public void ended(ForwardConnection connection, DeliveryException failure) {
        }
    };
}
