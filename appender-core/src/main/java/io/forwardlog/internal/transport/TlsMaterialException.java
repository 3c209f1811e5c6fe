package io.forwardlog.internal.transport;

/**
 * A certificate, key or CA file that cannot be used. The message names the setting and the file,
 * and never the key password.
 */
public final class TlsMaterialException extends Exception {

    private static final long serialVersionUID = 1L;

    public TlsMaterialException(String message) {
        super(message);
    }

    public TlsMaterialException(String message, Throwable cause) {
        super(message, cause);
    }
}
