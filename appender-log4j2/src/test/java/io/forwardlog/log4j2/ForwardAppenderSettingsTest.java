package io.forwardlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.Compression;
import io.forwardlog.ForwardSettings;
import io.forwardlog.HeartbeatType;
import io.forwardlog.OverflowPolicy;
import io.forwardlog.Setting;
import io.forwardlog.Settings;
import io.forwardlog.TlsVersion;
import io.forwardlog.testkit.ForwardReceiverExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every attribute of {@code <Forward>} reaches the settings; a wrong one is named and nothing is half built. */
class ForwardAppenderSettingsTest {

    private static final BiConsumer<ConfigurationBuilder<BuiltConfiguration>, AppenderComponentBuilder> NO_CHILDREN =
            (config, forward) -> { };

    @RegisterExtension
    final ForwardReceiverExtension receiver = ForwardReceiverExtension.create();

    @TempDir
    Path dir;

    private Path upstream;

    @BeforeEach
    void writeUpstreamFile() {
        upstream = Log4jFixture.upstreamFile(dir, receiver.get());
    }

    @Test
    void passesEveryAttributeOfTheXmlToTheSettings() {
        Path spool = dir.resolve("spool");
        System.setProperty("forwardlog.test.spool", spool.toString());
        try (Log4jFixture log = Log4jFixture.start("log4j2-all-attributes.xml", upstream)) {
            ForwardAppender appender = log.forward("everything");
            ForwardSettings s = appender.manager().settings();

            assertEquals("everything", s.name());
            assertEquals(upstream, s.upstream());
            assertEquals("app.{logger}", s.tag());
            assertTrue(s.requireAckResponse());
            assertEquals(Duration.ofSeconds(45), s.ackResponseTimeout());
            assertEquals(4, s.maxInFlight());
            assertEquals(Compression.GZIP, s.compress());
            assertTrue(s.timeAsInteger());
            assertTrue(s.sendOptions());
            assertEquals("client-7", s.selfHostname());
            assertEquals(Duration.ofSeconds(3), s.connectTimeout());
            assertEquals(Duration.ofSeconds(4), s.sendTimeout());
            assertEquals(TlsVersion.TLS_1_3, s.tlsMinVersion());
            assertEquals(TlsVersion.TLS_1_3, s.tlsMaxVersion());
            assertEquals(Optional.of(List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256")),
                    s.tlsCiphers());
            assertEquals(HeartbeatType.TCP, s.heartbeatType());
            assertEquals(Duration.ofSeconds(2), s.heartbeatInterval());
            assertFalse(s.phiFailureDetector());
            assertEquals(12.5, s.phiThreshold());
            assertEquals(Duration.ofMinutes(2), s.hardTimeout());
            assertEquals(Duration.ofSeconds(5), s.recoverWait());
            assertEquals(Duration.ofSeconds(20), s.retryMaxBackoff());
            assertEquals(8L * 1024 * 1024, s.bufferCapacity());
            assertEquals(256L * 1024, s.chunkSize());
            assertEquals(Duration.ofMillis(250), s.flushInterval());
            assertEquals(OverflowPolicy.DROP_OLDEST, s.overflow());
            assertEquals(Duration.ofSeconds(2), s.blockTimeout());
            assertEquals(Optional.of(spool), s.spoolDir());
            assertEquals(16L * 1024 * 1024, s.spoolCapacity());
            assertEquals(Duration.ofSeconds(7), s.shutdownTimeout());
            assertEquals(Duration.ofMinutes(1), s.statusInterval());
            assertEquals(Duration.ZERO, s.upstreamCheckInterval());
            assertFalse(s.jmx());
            assertTrue(s.schema().includeCallerData());
            assertEquals("severity", s.schema().nameOf("level"));
            assertEquals("msg", s.schema().nameOf("message"));
            assertFalse(s.schema().includes("thread"));
            assertEquals(Map.of("env", "prod"), s.schema().staticFields());
            assertFalse(appender.ignoreExceptions());
            assertTrue(appender.requiresLocation());
        } finally {
            System.clearProperty("forwardlog.test.spool");
        }
    }

    @ParameterizedTest(name = "{0}=\"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            maxInFlight        | 0            | maxInFlight must be between 1 and 1024, was 0
            maxInFlight        | many         | maxInFlight 'many' is not a whole number
            ackResponseTimeout | soon         | ackResponseTimeout 'soon' is not a duration: write e.g. 500 milliseconds, 10 seconds, 2 minutes or PT10S
            flushInterval      | 0 seconds    | flushInterval must be positive, was PT0S
            bufferCapacity     | lots         | bufferCapacity 'lots' is not a size: write e.g. 64MB, 512KB or 1GB
            compress           | zip          | compress: 'zip' is not a compression: use text, gzip or zstd
            overflow           | wait         | overflow: 'wait' is not an overflow policy: use block, dropNewest or dropOldest
            heartbeatType      | icmp         | heartbeatType: 'icmp' is not a heartbeat type: use tcp, udp, transport or none
            requireAckResponse | maybe        | requireAckResponse 'maybe' is not a boolean: use on/off, true/false or yes/no
            tlsMinVersion      | TLSv1.1      | tlsMinVersion 'TLSv1.1' is too old: forwardlog speaks TLS 1.2 and 1.3 only; use TLSv1.2 or TLSv1.3
            tlsCiphers         | HIGH:!aNULL  | tlsCiphers names 'HIGH', a class or an operator of OpenSSL's cipher strings, which forwardlog does not expand; list the suites themselves, e.g. ECDHE-RSA-AES128-GCM-SHA256:TLS_AES_128_GCM_SHA256
            phiThreshold       | high         | phiThreshold 'high' is not a number
            phiThreshold       | -1           | phiThreshold must be a positive number, was -1.0
            fieldNames         | level        | fieldNames 'level' is not a list of field=name: write e.g. level=severity,message=msg
            fieldNames         | lvl=severity | fieldNames: 'lvl' is not a record field; the fields are message, level, logger, thread, stack_trace, markers, caller_class, caller_method, caller_file, caller_line, mdc, key_values
            excludeFields      | thread,color | excludeFields: 'color' is not a record field; the fields are message, level, logger, thread, stack_trace, markers, caller_class, caller_method, caller_file, caller_line, mdc, key_values
            tag                | app.{host}   | tag 'app.{host}' uses {host}; a tag can use {logger} and {level}
            """)
    void namesTheWrongAttributeAndCreatesNoAppender(String attribute, String value, String problem) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("upstream", upstream.toString());
        attributes.put(attribute, value);

        assertEquals(List.of("forwardlog 'fluent': " + problem + "; the appender is not created"),
                errorsOfConfiguration(attributes, NO_CHILDREN));
    }

    @Test
    void reportsEveryWrongAttributeAtOnceInTheOrderOfTheTable() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("upstream", upstream.toString());
        attributes.put("compress", "zip");
        attributes.put("maxInFlight", "abc");
        attributes.put("requireAckResponse", "maybe");

        assertEquals(List.of(
                "forwardlog 'fluent': requireAckResponse 'maybe' is not a boolean: use on/off, true/false or yes/no; "
                        + "the appender is not created",
                "forwardlog 'fluent': maxInFlight 'abc' is not a whole number; the appender is not created",
                "forwardlog 'fluent': compress: 'zip' is not a compression: use text, gzip or zstd; the appender is not created"),
                errorsOfConfiguration(attributes, NO_CHILDREN));
    }

    @Test
    void refusesAnUnknownAttributeNamingItInsteadOfStartingWithoutIt() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("upstream", upstream.toString());
        attributes.put("requireAck", "true");

        try (StatusCapture status = StatusCapture.start()) {
            assertEquals(List.of("forwardlog 'fluent': 'requireAck' is not a setting; the settings are "
                    + Settings.all().stream().map(Setting::name).collect(Collectors.joining(", "))
                    + "; the appender is not created"), errorsOfConfiguration(attributes, NO_CHILDREN));
            assertEquals(List.of(), status.messages().stream().filter(m -> m.contains("invalid")).toList(),
                    "Log4j2 leaves the attributes to forwardlog");
        }
    }

    @Test
    void substitutesLookupsInItsAttributesAsLog4j2DoesInItsOwn() {
        System.setProperty("forwardlog.test.name", "looked-up");
        try (StatusCapture status = StatusCapture.start();
             Log4jFixture log = Log4jFixture.start("log4j2-lookups.xml", upstream)) {
            ForwardSettings s = log.forward("looked-up").settings();

            assertEquals("looked-up", s.name());
            assertEquals(upstream, s.upstream());
            assertEquals("app.from-env", s.tag());
            assertEquals("fallback-host", s.selfHostname());
            assertEquals(Duration.ofMillis(250), s.flushInterval());
            assertEquals("${escaped}", s.schema().nameOf("message"));
            assertEquals(List.of(), status.forwardlog(Level.ERROR));
        } finally {
            System.clearProperty("forwardlog.test.name");
        }
    }

    @Test
    void saysThatTheUpstreamFileIsRequired() {
        assertEquals(List.of("forwardlog 'fluent': upstream is required: the path of a Fluent Bit upstream file; "
                + "the appender is not created"), errorsOfConfiguration(Map.of("tag", "app"), NO_CHILDREN));
    }

    @Test
    void refusesAChunkSizeAboveTheBufferCapacity() {
        Map<String, String> attributes = Map.of("upstream", upstream.toString(), "bufferCapacity", "1MB",
                "chunkSize", "2MB");

        assertEquals(List.of("forwardlog 'fluent': chunkSize (2097152 bytes) must not exceed bufferCapacity "
                + "(1048576 bytes); the appender is not created"), errorsOfConfiguration(attributes, NO_CHILDREN));
    }

    @Test
    void refusesALayoutThatDoesNotMakeText() {
        assertEquals(List.of("forwardlog 'fluent': the layout must make text, as PatternLayout or JsonTemplateLayout "
                + "do; MessageLayout does not; the appender is not created"),
                errorsOfConfiguration(Map.of("upstream", upstream.toString()),
                        (config, forward) -> forward.add(config.newLayout("MessageLayout"))));
    }

    @Test
    void refusesAKeyValuePairWithoutAValue() {
        assertEquals(List.of("forwardlog 'fluent': KeyValuePair key='env' value='null': a static field needs a key "
                + "and a value; the appender is not created"),
                errorsOfConfiguration(Map.of("upstream", upstream.toString()),
                        (config, forward) -> forward.addComponent(config.newComponent("KeyValuePair")
                                .addAttribute("key", "env"))));
    }

    @Test
    void leavesAnInvalidAppenderOutAndTheApplicationLogsOn() {
        try (StatusCapture status = StatusCapture.start();
             Log4jFixture log = Log4jFixture.start("log4j2-invalid.xml", upstream)) {
            log.logger("app").info("still logging");

            assertNull(log.appender("fluent"));
            assertEquals(1, log.<CaptureAppender>appender("capture").events().size());
            assertEquals(List.of("forwardlog 'fluent': maxInFlight must be between 1 and 1024, was 0; "
                    + "the appender is not created"), status.forwardlog(Level.ERROR));
        }
    }

    @Test
    void buildsAWorkingAppenderFromCode() {
        ForwardAppender appender = ForwardAppender.newBuilder().setName("coded")
                .setAttribute("upstream", upstream.toString()).setAttribute("tag", "coded")
                .setAttribute("flushInterval", "20 milliseconds").setAttribute("jmx", "off").build();
        appender.start();
        try {
            appender.append(org.apache.logging.log4j.core.impl.Log4jLogEvent.newBuilder().setLoggerName("app")
                    .setLevel(Level.INFO).setMessage(new org.apache.logging.log4j.message.SimpleMessage("from code"))
                    .build());

            assertEquals("from code", receiver.get().awaitEvents(1, Duration.ofSeconds(10)).get(0).record().get("message"));
        } finally {
            appender.stop();
        }
        assertFalse(appender.manager().pipeline().isStarted());
    }

    /**
     * Starts a configuration with one {@code <Forward name="fluent">} that has {@code attributes} and
     * the elements {@code children} adds; returns forwardlog's errors.
     */
    private static List<String> errorsOfConfiguration(Map<String, String> attributes,
            BiConsumer<ConfigurationBuilder<BuiltConfiguration>, AppenderComponentBuilder> children) {
        ConfigurationBuilder<BuiltConfiguration> config = ConfigurationBuilderFactory.newConfigurationBuilder();
        config.setConfigurationName("settings-test").setStatusLevel(Level.WARN);
        AppenderComponentBuilder forward = config.newAppender("fluent", "Forward");
        attributes.forEach(forward::addAttribute);
        children.accept(config, forward);
        config.add(forward);
        config.add(config.newRootLogger(Level.INFO).add(config.newAppenderRef("fluent")));
        try (StatusCapture status = StatusCapture.start()) {
            LoggerContext context = new LoggerContext("settings-test");
            context.start(config.build());
            try {
                context.getLogger("app").info("logging goes on");
                assertNull(context.getConfiguration().getAppender("fluent"));
            } finally {
                context.stop();
            }
            return status.forwardlog(Level.ERROR);
        }
    }
}
