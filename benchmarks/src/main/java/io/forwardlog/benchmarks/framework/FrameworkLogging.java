package io.forwardlog.benchmarks.framework;

import java.nio.file.Path;

/**
 * A framework started from a configuration file, and the one log call of {@link OrderLog} through
 * its API, as an application makes it. Shared by the child JVMs and the JMH benchmark.
 */
interface FrameworkLogging extends AutoCloseable {

    /**
     * Configures {@code contender}'s framework from {@code config} and checks that its appender started.
     *
     * @throws IllegalStateException naming what the framework reported when the appender did not start
     */
    static FrameworkLogging start(Contender contender, Path config) {
        return contender.framework() == Framework.LOGBACK ? LogbackLogging.start(contender, config)
                : Log4j2Logging.start(contender, config);
    }

    /** Sets the MDC (ThreadContext) entries of calling thread {@code thread} (from 1) on the current thread. */
    void enterThread(int thread);

    /** {@code logger.info("order {} processed in {} ms", id, ms)}. */
    void log(long id);

    /** Stops the framework, which flushes and stops its appender. */
    @Override
    void close();
}
