package io.forwardlog.benchmarks.framework;

import io.forwardlog.Settings;
import java.util.Set;

/**
 * What a framework benchmark runs in a child JVM: a framework and one appender, configured as its
 * users would in {@code logback.xml} or {@code log4j2.xml}, with its own defaults except the settings
 * in {@link ConfigTarget} (the same buffer limit for all, and optionally the same flush interval).
 * Each knows the XML of its appender, the modes it can run in and the sink it sends to.
 */
enum Contender {

    /** Logback's baseline: an appender that reads what every appender reads, and does nothing else. */
    LOGBACK_BASELINE(Framework.LOGBACK, "baseline (reads message, MDC, thread, logger)", SinkKind.NONE,
            Set.of(FrameworkMode.NO_ACKS)) {
        @Override
        String appenderXml(ConfigTarget target, FrameworkMode mode) {
            return "  <appender name=\"" + appenderName() + "\" class=\"" + ReadingAppender.class.getName() + "\"/>\n";
        }
    },

    /** forwardlog's {@code io.forwardlog.logback.ForwardAppender}. */
    LOGBACK_FORWARDLOG(Framework.LOGBACK, "forwardlog", SinkKind.FORWARD, Set.of(FrameworkMode.values())) {
        @Override
        String appenderXml(ConfigTarget target, FrameworkMode mode) {
            StringBuilder xml = new StringBuilder();
            xml.append("  <appender name=\"").append(appenderName()).append("\" class=\"io.forwardlog.logback.ForwardAppender\">\n");
            element(xml, Settings.UPSTREAM.name(), target.upstreamFile().toString());
            element(xml, Settings.TAG.name(), OrderLog.TAG);
            element(xml, Settings.BUFFER_CAPACITY.name(), target.bufferBytes() / (1024 * 1024) + "MB");
            if (target.flushMillis() > 0) {
                element(xml, Settings.FLUSH_INTERVAL.name(), target.flushMillis() + " milliseconds");
            }
            if (mode == FrameworkMode.ACKS) {
                element(xml, Settings.REQUIRE_ACK_RESPONSE.name(), "true");
            } else if (mode == FrameworkMode.GZIP) {
                element(xml, Settings.COMPRESS.name(), "gzip");
            }
            return xml.append("  </appender>\n").toString();
        }
    },

    /** logback-more-appenders' {@code FluencyLogbackAppender} (Fluency 2.7.3), with event time as forwardlog sends it. */
    LOGBACK_FLUENCY(Framework.LOGBACK, "FluencyLogbackAppender", SinkKind.FORWARD,
            Set.of(FrameworkMode.NO_ACKS, FrameworkMode.ACKS)) {
        @Override
        String appenderXml(ConfigTarget target, FrameworkMode mode) {
            StringBuilder xml = new StringBuilder();
            xml.append("  <appender name=\"").append(appenderName())
                    .append("\" class=\"ch.qos.logback.more.appenders.FluencyLogbackAppender\">\n");
            // logback-more-appenders calls its tag property as forwardlog does
            element(xml, Settings.TAG.name(), OrderLog.TAG);
            element(xml, "remoteHost", target.host());
            element(xml, "port", String.valueOf(target.port()));
            element(xml, "useEventTime", "true");
            element(xml, "maxBufferSize", String.valueOf(target.bufferBytes()));
            if (target.flushMillis() > 0) {
                element(xml, "bufferChunkRetentionTimeMillis", String.valueOf(target.flushMillis()));
                element(xml, "flushAttemptIntervalMillis", String.valueOf(target.flushMillis()));
            }
            if (mode == FrameworkMode.ACKS) {
                element(xml, "ackResponseMode", "true");
            }
            return xml.append("  </appender>\n").toString();
        }
    },

    /** Log4j2's baseline: its built-in {@code Null} appender. */
    LOG4J2_NULL(Framework.LOG4J2, "baseline (the Null appender)", SinkKind.NONE, Set.of(FrameworkMode.NO_ACKS)) {
        @Override
        String appenderXml(ConfigTarget target, FrameworkMode mode) {
            return "    <Null name=\"" + appenderName() + "\"/>\n";
        }
    },

    /** forwardlog's {@code <Forward>}. */
    LOG4J2_FORWARDLOG(Framework.LOG4J2, "forwardlog", SinkKind.FORWARD, Set.of(FrameworkMode.values())) {
        @Override
        String appenderXml(ConfigTarget target, FrameworkMode mode) {
            StringBuilder xml = new StringBuilder();
            xml.append("    <Forward name=\"").append(appenderName()).append('"');
            attribute(xml, Settings.UPSTREAM.name(), target.upstreamFile().toString());
            attribute(xml, Settings.TAG.name(), OrderLog.TAG);
            attribute(xml, Settings.BUFFER_CAPACITY.name(), target.bufferBytes() / (1024 * 1024) + "MB");
            if (target.flushMillis() > 0) {
                attribute(xml, Settings.FLUSH_INTERVAL.name(), target.flushMillis() + " milliseconds");
            }
            if (mode == FrameworkMode.ACKS) {
                attribute(xml, Settings.REQUIRE_ACK_RESPONSE.name(), "true");
            } else if (mode == FrameworkMode.GZIP) {
                attribute(xml, Settings.COMPRESS.name(), "gzip");
            }
            return xml.append("/>\n").toString();
        }
    },

    /**
     * Log4j2's own {@code Socket} appender (TCP, its defaults: {@code immediateFlush} on, on the caller's
     * thread) with {@code JsonTemplateLayout}, one JSON object per line, as Fluent Bit's {@code tcp} input takes.
     */
    LOG4J2_SOCKET_JSON(Framework.LOG4J2, "Socket + JsonTemplateLayout", SinkKind.JSON_LINES,
            Set.of(FrameworkMode.NO_ACKS)) {
        @Override
        String appenderXml(ConfigTarget target, FrameworkMode mode) {
            return "    <Socket name=\"" + appenderName() + "\" host=\"" + target.host() + "\" port=\"" + target.port()
                    + "\" protocol=\"TCP\">\n"
                    + "      <JsonTemplateLayout eventTemplateUri=\"" + target.jsonTemplateFile().toUri() + "\"/>\n"
                    + "    </Socket>\n";
        }
    },

    /**
     * {@code com.wywy:log4j-plugin-fluency} 1.3.2, the Log4j2 appender on Fluency, in its own class path
     * (it is built on Fluency 1.1.0; see the module's pom). {@code maxBufferSize} must be given: the
     * plugin fails without it.
     */
    LOG4J2_FLUENCY_PLUGIN(Framework.LOG4J2, "log4j-plugin-fluency 1.3.2", SinkKind.FORWARD,
            Set.of(FrameworkMode.NO_ACKS, FrameworkMode.ACKS)) {
        @Override
        String appenderXml(ConfigTarget target, FrameworkMode mode) {
            StringBuilder xml = new StringBuilder();
            xml.append("    <Fluency name=\"").append(appenderName()).append("\" tag=\"").append(OrderLog.TAG).append("\">\n");
            xml.append("      <Server host=\"").append(target.host()).append("\" port=\"").append(target.port()).append("\"/>\n");
            xml.append("      <FluencyConfig maxBufferSize=\"").append(target.bufferBytes()).append("\"");
            if (target.flushMillis() > 0) {
                xml.append(" flushIntervalMillis=\"").append(target.flushMillis()).append("\"");
            }
            if (mode == FrameworkMode.ACKS) {
                xml.append(" ackResponseMode=\"true\"");
            }
            return xml.append("/>\n    </Fluency>\n").toString();
        }

        @Override
        boolean ownClassPath() {
            return true;
        }
    };

    /** Where a contender's events go. */
    enum SinkKind {
        /** Nowhere: a baseline. */
        NONE,
        /** A Forward server that counts and checks every event. */
        FORWARD,
        /** A TCP server that reads JSON lines and checks every event. */
        JSON_LINES
    }

    private final Framework framework;
    private final String label;
    private final SinkKind sink;
    private final Set<FrameworkMode> modes;

    Contender(Framework framework, String label, SinkKind sink, Set<FrameworkMode> modes) {
        this.framework = framework;
        this.label = label;
        this.sink = sink;
        this.modes = modes;
    }

    /** The XML of the appender, indented to sit in its framework's configuration file. */
    abstract String appenderXml(ConfigTarget target, FrameworkMode mode);

    /** Whether it runs on a class path of its own, before the benchmarks jar. */
    boolean ownClassPath() {
        return false;
    }

    Framework framework() {
        return framework;
    }

    SinkKind sink() {
        return sink;
    }

    boolean supports(FrameworkMode mode) {
        return modes.contains(mode);
    }

    /** The appender's name in the configuration; the sender thread of forwardlog's is named after it. */
    String appenderName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether this is forwardlog's appender. */
    boolean isForwardlog() {
        return this == LOGBACK_FORWARDLOG || this == LOG4J2_FORWARDLOG;
    }

    /** Whether this is its framework's baseline. */
    boolean isBaseline() {
        return sink == SinkKind.NONE;
    }

    @Override
    public String toString() {
        return label;
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append("    <").append(name).append('>').append(value).append("</").append(name).append(">\n");
    }

    private static void attribute(StringBuilder xml, String name, String value) {
        xml.append(' ').append(name).append("=\"").append(value).append('"');
    }
}
