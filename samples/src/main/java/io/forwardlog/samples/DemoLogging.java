package io.forwardlog.samples;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URISyntaxException;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The demo application: logs the same workload through Logback (SLF4J) and through Log4j2, each
 * configured by its sample file, with MDC / ThreadContext and now and then an exception.
 */
final class DemoLogging implements AutoCloseable {

    private final LoggerContext logback;
    private final org.apache.logging.log4j.core.LoggerContext log4j;
    private final org.slf4j.Logger slf4jLogger;
    private final Logger log4jLogger;

    private DemoLogging(LoggerContext logback, org.apache.logging.log4j.core.LoggerContext log4j) {
        this.logback = logback;
        this.log4j = log4j;
        this.slf4jLogger = logback.getLogger("demo.orders");
        this.log4jLogger = log4j.getLogger("demo.orders");
    }

    static DemoLogging start() throws JoranException, URISyntaxException {
        // the context SLF4J is bound to, so that MDC.put reaches the events
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        logback.reset();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(logback);
        joran.doConfigure(DemoLogging.class.getResource("/demo-logback.xml"));
        org.apache.logging.log4j.core.LoggerContext log4j = Configurator.initialize("forwardlog-demo",
                DemoLogging.class.getClassLoader(), DemoLogging.class.getResource("/demo-log4j2.xml").toURI());
        return new DemoLogging(logback, log4j);
    }

    /** Logs {@code events} through each framework, tagged with the phase and a sequence number. */
    void log(int phase, int firstSequence, int events) {
        for (int i = 0; i < events; i++) {
            int seq = firstSequence + i;
            MDC.put("phase", String.valueOf(phase));
            MDC.put("seq", String.valueOf(seq));
            MDC.put("order_id", "ord-" + (10_000 + seq));
            ThreadContext.put("phase", String.valueOf(phase));
            ThreadContext.put("seq", String.valueOf(seq));
            ThreadContext.put("order_id", "ord-" + (10_000 + seq));
            if (seq % 500 == 499) {
                IllegalStateException failure = new IllegalStateException("payment declined for ord-" + (10_000 + seq),
                        new java.io.IOException("card issuer timed out"));
                slf4jLogger.error("order {} failed", seq, failure);
                log4jLogger.error("order {} failed", seq, failure);
            } else {
                slf4jLogger.info("order {} shipped", seq);
                log4jLogger.info("order {} shipped", seq);
            }
        }
        MDC.clear();
        ThreadContext.clearMap();
    }

    /** Stops both frameworks, which flushes both appenders. */
    @Override
    public void close() {
        logback.stop();
        log4j.stop();
    }
}
