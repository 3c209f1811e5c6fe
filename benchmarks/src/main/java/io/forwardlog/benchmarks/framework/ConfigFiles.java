package io.forwardlog.benchmarks.framework;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a contender's configuration into a directory, as a user would have it: {@code logback.xml} or
 * {@code log4j2.xml} with the one appender on the root logger at INFO, and beside it what the appender
 * reads (forwardlog's {@code upstream.conf} with the one node, the Socket appender's JSON template).
 */
final class ConfigFiles {

    /**
     * The JSON template for Log4j2's {@code JsonTemplateLayout}: one object per event, the fields
     * forwardlog's record has, MDC entries at the top level, as Fluent Bit's {@code tcp} input
     * ({@code format json}) takes them, one per line.
     */
    static final String JSON_TEMPLATE = """
            {
              "time": {"$resolver": "timestamp", "epoch": {"unit": "secs"}},
              "level": {"$resolver": "level", "field": "name"},
              "logger": {"$resolver": "logger", "field": "name"},
              "thread": {"$resolver": "thread", "field": "name"},
              "message": {"$resolver": "message", "stringified": true},
              "mdc": {"$resolver": "mdc", "flatten": true, "stringified": true}
            }
            """;

    private ConfigFiles() {
    }

    /**
     * Writes the files for {@code contender} in {@code mode}, sending to {@code host:port} (ignored by
     * a baseline), and returns the framework's configuration file.
     */
    static Path write(Path directory, Contender contender, FrameworkMode mode, String host, int port, long bufferBytes,
                      long flushMillis) throws IOException {
        Path upstream = directory.resolve("upstream.conf");
        Path template = directory.resolve("fluent-bit-tcp.json");
        ConfigTarget target = new ConfigTarget(host, port, upstream, template, bufferBytes, flushMillis);
        Files.writeString(upstream, upstream(host, port));
        Files.writeString(template, JSON_TEMPLATE);
        Path config = directory.resolve(contender.framework() == Framework.LOGBACK ? "logback.xml" : "log4j2.xml");
        Files.writeString(config, configuration(contender, mode, target));
        return config;
    }

    /** The upstream file with the one node. */
    static String upstream(String host, int port) {
        return "[UPSTREAM]\n    name benchmark\n\n[NODE]\n    name sink\n    host " + host + "\n    port " + port + "\n";
    }

    /** The text of {@code logback.xml} or {@code log4j2.xml}. */
    static String configuration(Contender contender, FrameworkMode mode, ConfigTarget target) {
        if (!contender.supports(mode)) {
            throw new IllegalArgumentException(contender + " cannot run in mode " + mode);
        }
        String appender = contender.appenderXml(target, mode);
        if (contender.framework() == Framework.LOGBACK) {
            return "<configuration>\n" + appender
                    + "  <root level=\"INFO\">\n    <appender-ref ref=\"" + contender.appenderName() + "\"/>\n  </root>\n"
                    + "</configuration>\n";
        }
        return "<Configuration status=\"warn\">\n  <Appenders>\n" + appender + "  </Appenders>\n"
                + "  <Loggers>\n    <Root level=\"info\">\n      <AppenderRef ref=\"" + contender.appenderName()
                + "\"/>\n    </Root>\n  </Loggers>\n</Configuration>\n";
    }
}
