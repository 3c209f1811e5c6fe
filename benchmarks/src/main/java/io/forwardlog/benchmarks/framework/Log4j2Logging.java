package io.forwardlog.benchmarks.framework;

import java.nio.file.Path;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.util.Unbox;

/**
 * Log4j2 configured from a {@code log4j2.xml} and a logger of it. The id goes through
 * {@link Unbox#box(long)}, as Log4j2's garbage-free logging asks, so that the call allocates no
 * {@code Long}; the milliseconds are below 128, cached {@code Integer}s.
 */
final class Log4j2Logging implements FrameworkLogging {

    private final LoggerContext context;
    private final Logger logger;

    private Log4j2Logging(LoggerContext context, Logger logger) {
        this.context = context;
        this.logger = logger;
    }

    static Log4j2Logging start(Contender contender, Path config) {
        LoggerContext context = Configurator.initialize("forwardlog-benchmark", null, config.toUri().toString());
        if (context == null) {
            throw new IllegalStateException("Log4j2 cannot start from " + config + " (see its status messages above)");
        }
        Appender appender = context.getConfiguration().getAppender(contender.appenderName());
        if (appender == null || !appender.isStarted()) {
            throw new IllegalStateException(contender + " did not start from " + config
                    + " (see Log4j2's status messages above)");
        }
        return new Log4j2Logging(context, context.getLogger(OrderLog.LOGGER));
    }

    @Override
    public void enterThread(int thread) {
        for (String[] entry : OrderLog.context(thread)) {
            ThreadContext.put(entry[0], entry[1]);
        }
    }

    @Override
    public void log(long id) {
        logger.info(OrderLog.PATTERN, Unbox.box(id), OrderLog.millis(id));
    }

    @Override
    public void close() {
        Configurator.shutdown(context);
    }
}
