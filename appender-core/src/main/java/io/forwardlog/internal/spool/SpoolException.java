package io.forwardlog.internal.spool;

/**
 * The spool directory cannot be used: it cannot be created or read, or another appender holds it.
 * The message names the directory and the problem, e.g.
 * {@code spoolDir '/var/spool/app' is not a directory}.
 */
public final class SpoolException extends Exception {

    private static final long serialVersionUID = 1L;

    SpoolException(String message) {
        super(message);
    }

    SpoolException(String message, Throwable cause) {
        super(message, cause);
    }
}
