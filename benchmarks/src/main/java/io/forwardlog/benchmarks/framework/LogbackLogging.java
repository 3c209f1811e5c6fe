package io.forwardlog.benchmarks.framework;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Logback's default context, configured from a {@code logback.xml} as Logback does at start, and an
 * SLF4J logger of it.
 */
final class LogbackLogging implements FrameworkLogging {

    private final LoggerContext context;
    private final Logger logger;

    private LogbackLogging(LoggerContext context, Logger logger) {
        this.context = context;
        this.logger = logger;
    }

    static LogbackLogging start(Contender contender, Path config) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config.toFile());
        } catch (JoranException e) {
            throw new IllegalStateException("Logback cannot read " + config + ": " + e.getMessage(), e);
        }
        Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(contender.appenderName());
        if (appender == null || !appender.isStarted()) {
            String errors = context.getStatusManager().getCopyOfStatusList().stream()
                    .filter(status -> status.getLevel() >= Status.WARN).map(Status::getMessage)
                    .collect(Collectors.joining("; "));
            throw new IllegalStateException(contender + " did not start from " + config + ": " + errors);
        }
        return new LogbackLogging(context, LoggerFactory.getLogger(OrderLog.LOGGER));
    }

    @Override
    public void enterThread(int thread) {
        for (String[] entry : OrderLog.context(thread)) {
            MDC.put(entry[0], entry[1]);
        }
    }

    @Override
    public void log(long id) {
        logger.info(OrderLog.PATTERN, id, OrderLog.millis(id));
    }

    @Override
    public void close() {
        context.stop();
    }
}
