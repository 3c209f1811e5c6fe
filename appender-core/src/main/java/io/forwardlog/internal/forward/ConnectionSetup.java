package io.forwardlog.internal.forward;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import org.msgpack.core.MessageUnpacker;

/** What runs on a fresh connection before the first frame: nothing, or the Forward handshake. */
public interface ConnectionSetup {

    /**
     * Establishes the session. Reads are bounded by the connection's read timeout.
     *
     * @return whether the node keeps the connection open for more than one batch (the HELO's
     *         {@code keepalive}; true when absent)
     * @throws DeliveryException (kind AUTHENTICATION or PROTOCOL) when the node refuses us
     */
    boolean establish(MessageUnpacker in, OutputStream out, Duration timeout) throws IOException;

    /** No handshake: the node has no shared key. */
    ConnectionSetup NONE = (in, out, timeout) -> true;
}
