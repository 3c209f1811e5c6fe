package io.forwardlog.logback;

import ch.qos.logback.core.spi.ContextAware;
import io.forwardlog.StatusListener;

/**
 * Sends the pipeline's reports to Logback's status manager, as messages of the appender, never to a
 * logger: they show with {@code <configuration debug="true">} and in status listeners.
 */
final class AppenderStatus implements StatusListener {

    private final ContextAware appender;

    AppenderStatus(ContextAware appender) {
        this.appender = appender;
    }

    @Override
    public void info(String message) {
        appender.addInfo(message);
    }

    @Override
    public void warn(String message) {
        appender.addWarn(message);
    }

    @Override
    public void error(String message, Throwable cause) {
        appender.addError(message, cause);
    }
}
