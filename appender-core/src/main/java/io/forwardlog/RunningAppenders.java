package io.forwardlog;

import io.forwardlog.internal.pipeline.AppenderRegistry;
import java.util.List;

/**
 * The forwardlog appenders running in this JVM (as loaded by this class loader), Logback's and Log4j2's
 * alike, for monitoring: each is listed from the end of its start to the end of its stop, whatever its
 * {@code jmx} setting. A reconfiguration that replaces an appender lists both for a moment.
 */
public final class RunningAppenders {

    /** Told when appenders start, stop, or change nodes. Calls for one watcher never overlap. */
    public interface Watcher {

        /** {@code appender} has started (or was running when the watcher was added). */
        void started(RunningAppender appender);

        /**
         * The nodes of {@code appender} or its upstream's name changed (a reload, an awaited file that can be
         * read now, a retiring node that closed); told within about a second, on a thread of forwardlog's.
         */
        void nodesChanged(RunningAppender appender);

        /** {@code appender} has stopped: what it delivered, spooled and dropped is final. */
        void stopped(RunningAppender appender);
    }

    /** A watch; closing it is idempotent and throws nothing. */
    public interface Watch extends AutoCloseable {

        /** The watcher is told nothing more. */
        @Override
        void close();
    }

    private RunningAppenders() {
    }

    /** The appenders running now, in the order they started. */
    public static List<RunningAppender> list() {
        return AppenderRegistry.list();
    }

    /**
     * Adds a watcher and tells it at once of every appender running now. A watcher must not block: it is
     * called on the thread that starts or stops an appender (the logging framework's configuration). What
     * it throws is reported through the appender's status channel and ignored.
     *
     * @return the watch, to close when the watcher is done
     */
    public static Watch watch(Watcher watcher) {
        return AppenderRegistry.watch(watcher);
    }
}
