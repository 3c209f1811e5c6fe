package io.forwardlog.internal.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/** An open byte stream to a node. */
public interface TransportConnection extends Closeable {

    InputStream input();

    OutputStream output();

    /** Bounds each blocking read; {@link Duration#ZERO} waits for ever. */
    void readTimeout(Duration timeout) throws IOException;

    /**
     * Closes the connection at once, from any thread, without waiting for an orderly TLS close: a
     * thread blocked in a read or a write on it fails promptly. Used by the send-timeout watchdog.
     */
    void abort();

    /** The address actually connected to, e.g. {@code 127.0.0.1:24224}. */
    String remoteAddress();
}
