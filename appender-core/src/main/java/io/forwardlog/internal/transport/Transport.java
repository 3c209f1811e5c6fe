package io.forwardlog.internal.transport;

import java.io.IOException;

/**
 * How bytes travel to a node once its socket is connected: as they are, or through TLS. Nothing above
 * this interface knows which.
 */
public interface Transport {

    /**
     * A session for a new connection to {@code host:port} (TLS: the host name to verify and send as
     * SNI, unless {@code tls.vhost} says otherwise).
     *
     * @throws IOException when the session cannot be set up (TLS: the engine refuses its parameters)
     */
    TransportSession newSession(String host, int port) throws IOException;

    /** Whether the session runs a handshake of its own before the first byte (TLS). */
    boolean secure();
}
