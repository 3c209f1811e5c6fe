package io.forwardlog.log4j2;

import io.forwardlog.StatusListener;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Sends forwardlog's own status to Log4j2's {@link StatusLogger}, the channel Log4j2 keeps for its
 * components; it never reaches an appender, so reporting cannot feed back into the pipeline.
 */
final class StatusLoggerListener implements StatusListener {

    static final StatusLoggerListener INSTANCE = new StatusLoggerListener(StatusLogger.getLogger());

    private final Logger status;

    private StatusLoggerListener(Logger status) {
        this.status = status;
    }

    @Override
    public void info(String message) {
        status.info(message);
    }

    @Override
    public void warn(String message) {
        status.warn(message);
    }

    @Override
    public void error(String message, Throwable cause) {
        status.error(message, cause);
    }
}
