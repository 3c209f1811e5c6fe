package io.forwardlog.log4j2;

import io.forwardlog.testkit.ForwardReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * A Log4j2 {@link LoggerContext} of its own, configured from a {@code log4j2-*.xml} test resource by
 * Log4j2's configuration factory. The resources name the upstream file as
 * {@code ${sys:forwardlog.test.upstream}}, which this fixture sets while it runs.
 */
final class Log4jFixture implements AutoCloseable {

    static final String UPSTREAM_PROPERTY = "forwardlog.test.upstream";

    private final LoggerContext context;

    private Log4jFixture(LoggerContext context) {
        this.context = context;
    }

    /** Starts a context configured by {@code resource}, with {@code upstream} as the upstream file. */
    static Log4jFixture start(String resource, Path upstream) {
        System.setProperty(UPSTREAM_PROPERTY, upstream.toString());
        LoggerContext context = new LoggerContext(resource, null, location(resource));
        context.start();
        return new Log4jFixture(context);
    }

    /** Writes {@code upstream.conf} into {@code dir} with one plain node per receiver. */
    static Path upstreamFile(Path dir, ForwardReceiver... receivers) {
        StringBuilder text = new StringBuilder("[UPSTREAM]\n    name test\n");
        for (int i = 0; i < receivers.length; i++) {
            text.append("\n[NODE]\n    name node-").append(i + 1).append("\n    host 127.0.0.1\n    port ")
                    .append(receivers[i].port()).append('\n');
        }
        return write(dir.resolve("upstream.conf"), text.toString());
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Logger logger(String name) {
        return context.getLogger(name);
    }

    LoggerContext context() {
        return context;
    }

    /** The configured appender named {@code name}, or {@code null} when the configuration has none. */
    <A extends Appender> A appender(String name) {
        return context.getConfiguration().getAppender(name);
    }

    ForwardAppender forward(String name) {
        return appender(name);
    }

    /** Loads the configuration from {@code resource} in place of the current one. */
    void reconfigure(String resource) {
        context.setConfigLocation(location(resource));
    }

    /** Stops the context: every appender stops and delivers what it holds. */
    @Override
    public void close() {
        try {
            context.stop();
        } finally {
            System.clearProperty(UPSTREAM_PROPERTY);
        }
    }

    private static URI location(String resource) {
        URL url = Log4jFixture.class.getResource("/" + resource);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + resource);
        }
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
