package io.forwardlog.compat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What a child JVM runs for one Logback version, configured by Logback itself from
 * {@code -Dlogback.configurationFile}: logs one event with everything a record can hold (or, on a
 * version that must be refused, a plain one), stops Logback, and prints forwardlog's statuses as
 * {@code STATUS <level> <message>} lines. Arguments: the directory to write into, and {@code smoke}
 * or {@code refused}.
 */
final class LogbackProgram {

    private static final String[] LEVELS = {"INFO", "WARN", "ERROR"};

    private LogbackProgram() {
    }

    public static void main(String[] args) throws IOException {
        Logger logger = LoggerFactory.getLogger("compat.Orders");
        if ("smoke".equals(args[1])) {
            logEverything(logger, Path.of(args[0]));
        } else {
            // SLF4J 1.7, which Logback 1.2 comes with, has no fluent API
            logger.info("on an unsupported Logback");
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.stop();
        for (Status status : context.getStatusManager().getCopyOfStatusList()) {
            if (status.getMessage().startsWith("forwardlog")) {
                System.out.println("STATUS " + LEVELS[status.getLevel()] + " " + status.getMessage());
            }
        }
    }

    private static void logEverything(Logger logger, Path dir) throws IOException {
        IllegalStateException failure = Failure.withCause();
        MDC.put("request_id", "r-42");
        logger.atError().addMarker(org.slf4j.MarkerFactory.getMarker("AUDIT")).addKeyValue("order", 1042)
                .setCause(failure).log("payment {} failed", "p-7");
        MDC.clear();
        Failure.writePrinted(failure, dir);
    }
}
