package io.forwardlog.compat;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * What a child JVM runs for one Log4j2 version, configured by Log4j2 itself from
 * {@code -Dlog4j.configurationFile}: logs one event with everything a record can hold, shuts Log4j2
 * down, and prints forwardlog's statuses as {@code STATUS <level> <message>} lines as they come. Its
 * argument: the directory to write into. The same program runs on a version that must be refused.
 */
final class Log4jProgram {

    private Log4jProgram() {
    }

    public static void main(String[] args) throws IOException {
        // registered before the first logger, so that the configuration's statuses are seen too
        StatusLogger.getLogger().registerListener(new Printer());
        Logger logger = LogManager.getLogger("compat.Orders");
        IllegalStateException failure = Failure.withCause();
        ThreadContext.put("request_id", "r-42");
        logger.error(MarkerManager.getMarker("AUDIT"),
                new StringMapMessage().with("message", "payment p-7 failed").with("order", "1042"), failure);
        ThreadContext.clearMap();
        Failure.writePrinted(failure, Path.of(args[0]));
        LogManager.shutdown();
    }

    private static final class Printer implements StatusListener {

        @Override
        public void log(StatusData data) {
            String message = data.getMessage().getFormattedMessage();
            if (message.startsWith("forwardlog")) {
                System.out.println("STATUS " + data.getLevel() + " " + message);
            }
        }

        @Override
        public Level getStatusLevel() {
            return Level.INFO;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
