package io.forwardlog.benchmarks;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.helpers.NOPAppender;
import ch.qos.logback.more.appenders.FluencyLogbackAppender;
import io.forwardlog.logback.ForwardAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Logback appenders whose log calls {@link CallerLatency} times, each set up as a user would in
 * {@code logback.xml}: their own defaults, except the buffer limit, which all get alike.
 */
enum LoggingClient {

    /** Logback's own {@code AsyncAppender} (queue of 256, its defaults) over a no-op appender: the floor. */
    FLOOR("AsyncAppender + no-op (floor)") {
        @Override
        Appender<ILoggingEvent> start(LoggerContext context, ControlledNode node, long bufferBytes, Path directory) {
            NOPAppender<ILoggingEvent> nothing = new NOPAppender<>();
            nothing.setContext(context);
            nothing.setName("NOP");
            nothing.start();
            AsyncAppender async = new AsyncAppender();
            async.setContext(context);
            async.setName("ASYNC");
            async.addAppender(nothing);
            async.start();
            return async;
        }
    },

    /** {@code io.forwardlog.logback.ForwardAppender} with one node, its defaults ({@code overflow block}, {@code blockTimeout 1 second}). */
    FORWARDLOG("forwardlog") {
        @Override
        Appender<ILoggingEvent> start(LoggerContext context, ControlledNode node, long bufferBytes, Path directory)
                throws IOException {
            Path upstream = directory.resolve("upstream.conf");
            Files.writeString(upstream, "[UPSTREAM]\n    name latency\n\n[NODE]\n    name node-1\n    host " + node.host()
                    + "\n    port " + node.port() + "\n");
            ForwardAppender forward = new ForwardAppender();
            forward.setContext(context);
            forward.setName("FLUENT");
            forward.setUpstream(upstream.toString());
            forward.setTag(SampleEvents.TAG);
            forward.setBufferCapacity(String.valueOf(bufferBytes));
            forward.start();
            return forward;
        }
    },

    /** logback-more-appenders' {@code FluencyLogbackAppender} (Fluency's defaults, event time on). */
    FLUENCY("FluencyLogbackAppender") {
        @Override
        Appender<ILoggingEvent> start(LoggerContext context, ControlledNode node, long bufferBytes, Path directory) {
            FluencyLogbackAppender<ILoggingEvent> fluency = new FluencyLogbackAppender<>();
            fluency.setContext(context);
            fluency.setName("FLUENCY");
            fluency.setRemoteHost(node.host());
            fluency.setPort(node.port());
            fluency.setTag(SampleEvents.TAG);
            fluency.setUseEventTime(true);
            fluency.setMaxBufferSize(bufferBytes);
            fluency.start();
            return fluency;
        }
    };

    private final String label;

    LoggingClient(String label) {
        this.label = label;
    }

    /**
     * Creates and starts the appender in {@code context}, sending to {@code node}; {@code directory} is
     * for files it needs. The caller checks {@link Appender#isStarted()}.
     */
    abstract Appender<ILoggingEvent> start(LoggerContext context, ControlledNode node, long bufferBytes, Path directory)
            throws IOException;

    @Override
    public String toString() {
        return label;
    }
}
