package io.forwardlog.internal.forward;

import org.msgpack.value.Value;

/** What runs on a fresh connection before the first frame: nothing, or the Forward handshake. */
public interface ConnectionSetup {

    /** The exchange for one new connection, or {@code null} when there is none. */
    Exchange begin();

    /** No handshake: the node has no shared key. */
    ConnectionSetup NONE = () -> null;

    /** One connection's handshake, driven by the messages the node sends; the server speaks first. */
    interface Exchange {

        /**
         * Takes the node's next message.
         *
         * @return what to send back, or the end of the exchange
         * @throws DeliveryException (kind AUTHENTICATION or PROTOCOL) when the node refuses us or cannot be trusted
         */
        Step receive(Value message) throws DeliveryException;

        /** The message awaited now, for errors: {@code HELO} or {@code PONG}. */
        String awaiting();
    }

    /**
     * @param reply     bytes to send to the node, or {@code null}
     * @param done      whether the session is established
     * @param keepAlive whether the node keeps the connection for more than one batch (the HELO's {@code keepalive})
     */
    record Step(byte[] reply, boolean done, boolean keepAlive) {
    }
}
