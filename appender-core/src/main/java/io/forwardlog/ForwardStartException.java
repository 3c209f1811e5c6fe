package io.forwardlog;

/**
 * The appender cannot start: a broken upstream file (with its path and line), an unreadable
 * certificate, a spool directory in use. The message says what and where, never a secret.
 */
public final class ForwardStartException extends Exception {

    private static final long serialVersionUID = 1L;

    public ForwardStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
