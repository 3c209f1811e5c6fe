package io.forwardlog.internal.transport;

import java.io.IOException;
import java.time.Duration;

/**
 * Opens byte streams to a node: plain TCP or TLS. Nothing above this interface knows which one is
 * used. The host is resolved at every connect, so a DNS change is followed by the next connection.
 */
public interface Transport {

    /**
     * Connects to {@code host:port}, including any transport handshake (TLS), within {@code timeout}.
     *
     * @throws IOException when the node cannot be reached; the message says why
     */
    TransportConnection connect(String host, int port, Duration timeout) throws IOException;
}
