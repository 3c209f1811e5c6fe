package io.forwardlog.internal.transport;

import java.io.IOException;

/** A TLS handshake that failed, with a message that says why in words a person can act on. */
public final class TlsFailure extends IOException {

    private static final long serialVersionUID = 1L;

    TlsFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
