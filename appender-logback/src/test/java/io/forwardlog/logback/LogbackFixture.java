package io.forwardlog.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AsyncAppenderBase;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.status.Status;
import io.forwardlog.testkit.ForwardReceiver;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A fresh {@link LoggerContext} configured from one of the {@code logback/*.xml} test resources, with
 * context properties for the paths the file uses ({@code ${UPSTREAM}}, ...). Closing it stops the context.
 */
final class LogbackFixture implements AutoCloseable {

    static final String APPENDER = "FLUENT";

    final LoggerContext context = new LoggerContext();

    private LogbackFixture() {
        // these tests run on the oldest supported Logback (1.3), whose events read SLF4J's static MDC;
        // newer versions are tested through SLF4J's own context in compat-tests
    }

    /** Loads {@code logback/<resource>} with {@code properties} set on the context first. */
    static LogbackFixture configure(String resource, Map<String, String> properties) throws JoranException {
        LogbackFixture fixture = new LogbackFixture();
        properties.forEach(fixture.context::putProperty);
        URL xml = LogbackFixture.class.getResource("/logback/" + resource);
        if (xml == null) {
            throw new IllegalArgumentException("no test resource logback/" + resource);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(fixture.context);
        configurator.doConfigure(xml);
        return fixture;
    }

    /** An upstream file in {@code dir} with one plain node, {@code node-1}, pointing at {@code receiver}. */
    static Path upstreamFile(Path dir, ForwardReceiver receiver) throws IOException {
        return Files.writeString(dir.resolve("upstream.conf"), "[UPSTREAM]\n    name test\n"
                + "[NODE]\n    name node-1\n    host 127.0.0.1\n    port " + receiver.port() + "\n");
    }

    Logger logger(String name) {
        return context.getLogger(name);
    }

    /** The {@code FLUENT} appender, attached to the root logger or behind the {@code ASYNC} appender. */
    ForwardAppender appender() {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> direct = root.getAppender(APPENDER);
        if (direct != null) {
            return (ForwardAppender) direct;
        }
        AsyncAppenderBase<ILoggingEvent> async = (AsyncAppenderBase<ILoggingEvent>) root.getAppender("ASYNC");
        return (ForwardAppender) async.getAppender(APPENDER);
    }

    /** The events the {@code LIST} appender kept. */
    List<ILoggingEvent> listed() {
        @SuppressWarnings("unchecked")
        ListAppender<ILoggingEvent> list = (ListAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender("LIST");
        return list.list;
    }

    int listedCount() {
        return listed().size();
    }

    /** The messages of the statuses of {@code level} ({@link Status#INFO}, ...) that the appender gave. */
    List<String> appenderStatuses(int level) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == level && s.getOrigin() instanceof ForwardAppender)
                .map(Status::getMessage)
                .toList();
    }

    /** The messages of the statuses of {@code level} that Logback itself, not the appender, gave. */
    List<String> otherStatuses(int level) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == level && !(s.getOrigin() instanceof ForwardAppender))
                .map(Status::getMessage)
                .toList();
    }

    /** Every status, one a line, for assertion messages. */
    String allStatuses() {
        StringBuilder text = new StringBuilder();
        for (Status s : context.getStatusManager().getCopyOfStatusList()) {
            text.append(s.getLevel()).append(' ').append(s.getMessage()).append('\n');
            if (s.getThrowable() != null) {
                text.append(RecordFieldsTest.printedByTheJdk(s.getThrowable())).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        context.stop();
    }
}
