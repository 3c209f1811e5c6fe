package io.forwardlog.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import io.forwardlog.Compression;
import io.forwardlog.ForwardSettings;
import io.forwardlog.HeartbeatType;
import io.forwardlog.OverflowPolicy;
import io.forwardlog.Setting;
import io.forwardlog.Settings;
import io.forwardlog.TlsVersion;
import io.forwardlog.testkit.ForwardReceiver;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every setting of {@link Settings} is accepted by both frameworks in the same spellings, giving the
 * same value, and refused by both with the same message: {@code logback.xml} through Joran and
 * {@code log4j2.xml} through Log4j2's plugin builder, each as an application would configure them.
 */
class SettingsParityTest {

    private static final String LOGBACK = "parity-logback";
    private static final String LOG4J2 = "parity-log4j2";

    @TempDir
    Path dir;

    @Test
    void everySpellingOfEverySettingGivesTheSameValueInBothFrameworks() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            Path upstream = upstreamFile(receiver);
            Map<Setting<?>, Map<String, Object>> accepted = accepted(upstream);
            assertEquals(Settings.all(), List.copyOf(accepted.keySet()), "every setting has spellings to try");
            int rounds = accepted.values().stream().mapToInt(Map::size).max().orElseThrow();

            for (int round = 0; round < rounds; round++) {
                Map<Setting<?>, String> texts = new LinkedHashMap<>();
                Map<Setting<?>, Object> expected = new LinkedHashMap<>();
                for (Map.Entry<Setting<?>, Map<String, Object>> setting : accepted.entrySet()) {
                    List<Map.Entry<String, Object>> spellings = List.copyOf(setting.getValue().entrySet());
                    Map.Entry<String, Object> spelling = spellings.get(round % spellings.size());
                    texts.put(setting.getKey(), spelling.getKey().replace("@ROUND@", String.valueOf(round)));
                    expected.put(setting.getKey(), spelling.getValue() instanceof Function<?, ?> f
                            ? ((Function<Integer, ?>) f).apply(round) : spelling.getValue());
                }
                ForwardSettings logback = logback(texts).settings();
                ForwardSettings log4j2 = log4j2(texts).settings();
                for (Setting<?> setting : Settings.all()) {
                    String what = setting + " '" + texts.get(setting) + "'";
                    assertEquals(expected.get(setting), logback.get(setting), "Logback, " + what);
                    assertEquals(expected.get(setting), log4j2.get(setting), "Log4j2, " + what);
                }
            }
        }
    }

    @Test
    void everySettingIsRefusedWithTheSameMessagesInBothFrameworksAllAtOnce() throws Exception {
        Map<Setting<?>, String> texts = new LinkedHashMap<>();
        List<String> expected = new ArrayList<>();
        refused().forEach((setting, refusal) -> {
            if (refusal.text() != null) {
                texts.put(setting, refusal.text());
            }
            if (refusal.message() != null) {
                expected.add(refusal.message());
            }
        });
        assertEquals(Set.copyOf(Settings.all()), Set.copyOf(refused().keySet()), "every setting has a value to refuse");

        Attempt logback = logback(texts);
        Attempt log4j2 = log4j2(texts);

        assertEquals(expected, logback.problems(), logback.otherMessages().toString());
        assertEquals(expected, log4j2.problems(), log4j2.otherMessages().toString());
        assertEquals(List.of(), logback.otherMessages(), "Joran converted or refused nothing itself");
        assertEquals(List.of("Null object returned for Forward in Appenders.",
                "Unable to locate appender \"" + LOG4J2 + "\" for logger config \"root\""), log4j2.otherMessages(),
                "Log4j2 only says that the appender is missing");
    }

    @Test
    void anEmptyValueLeavesTheSettingAtItsDefaultInBothFrameworks() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            Map<Setting<?>, String> texts = new LinkedHashMap<>();
            texts.put(Settings.UPSTREAM, upstreamFile(receiver).toString());
            texts.put(Settings.SPOOL_DIR, "");
            texts.put(Settings.MAX_IN_FLIGHT, " ");

            for (ForwardSettings s : List.of(logback(texts).settings(), log4j2(texts).settings())) {
                assertEquals(Optional.empty(), s.spoolDir());
                assertEquals(16, s.maxInFlight());
            }
        }
    }

    @Test
    void aSpoolDirThatIsAFileIsRefusedWithTheSameMessageInBothFrameworks() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
            Map<Setting<?>, String> texts = new LinkedHashMap<>();
            texts.put(Settings.UPSTREAM, upstreamFile(receiver).toString());
            texts.put(Settings.SPOOL_DIR, file.toString());

            List<String> logback = logback(texts).problems();
            List<String> log4j2 = log4j2(texts).problems();

            assertEquals(1, logback.size(), logback.toString());
            assertTrue(logback.get(0).startsWith("spoolDir '" + file + "'"), logback.get(0));
            assertEquals(logback, log4j2);
        }
    }

    private Path upstreamFile(ForwardReceiver receiver) throws java.io.IOException {
        return Files.writeString(dir.resolve("upstream.conf"), "[UPSTREAM]\n    name parity\n\n"
                + "[NODE]\n    name n\n    host 127.0.0.1\n    port " + receiver.port() + "\n");
    }

    /** For every setting, in the order of the table: texts a user may write, each with the value it gives. */
    private Map<Setting<?>, Map<String, Object>> accepted(Path upstream) {
        Map<String, Object> durations = spellings("45 seconds", Duration.ofSeconds(45), "PT2S", Duration.ofSeconds(2),
                "1.5 minutes", Duration.ofSeconds(90), "750 milliseconds", Duration.ofMillis(750), "3", Duration.ofSeconds(3),
                " 2 Hours ", Duration.ofHours(2));
        Map<String, Object> durationsOrZero = new LinkedHashMap<>(durations);
        durationsOrZero.put("0", Duration.ZERO);
        Map<String, Object> short_ = spellings("2 seconds", Duration.ofSeconds(2), "0", Duration.ZERO, "PT0.5S",
                Duration.ofMillis(500), "300ms", Duration.ofMillis(300));
        Map<String, Object> bools = spellings("true", true, "OFF", false, "yes", true, "false", false, "On", true, "NO", false);
        Map<Setting<?>, Map<String, Object>> a = new LinkedHashMap<>();
        a.put(Settings.UPSTREAM, spellings(upstream.toString(), upstream));
        a.put(Settings.TAG, spellings("app.{logger}", "app.{logger}", " orders.{level} ", "orders.{level}", "fixed", "fixed"));
        a.put(Settings.REQUIRE_ACK_RESPONSE, bools);
        a.put(Settings.ACK_RESPONSE_TIMEOUT, durations);
        a.put(Settings.MAX_IN_FLIGHT, spellings("1", 1, "16", 16, " 1024 ", 1024, "4", 4));
        a.put(Settings.COMPRESS, spellings("gzip", Compression.GZIP, "TEXT", Compression.TEXT, "Gzip", Compression.GZIP));
        a.put(Settings.TIME_AS_INTEGER, bools);
        a.put(Settings.SEND_OPTIONS, bools);
        a.put(Settings.SELF_HOSTNAME, spellings("web-7", "web-7", " host.example ", "host.example"));
        a.put(Settings.CONNECT_TIMEOUT, durations);
        a.put(Settings.SEND_TIMEOUT, durations);
        // as many spellings of each, so that every round pairs a lowest version with a highest one it is not above
        a.put(Settings.TLS_MIN_VERSION, spellings("TLSv1.2", TlsVersion.TLS_1_2, " tlsv1.3 ", TlsVersion.TLS_1_3));
        a.put(Settings.TLS_MAX_VERSION, spellings("tlsv1.2", TlsVersion.TLS_1_2, "TLSV1.3", TlsVersion.TLS_1_3));
        a.put(Settings.TLS_CIPHERS, spellings("ECDHE-RSA-AES128-GCM-SHA256:TLS_AES_128_GCM_SHA256",
                List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256"),
                " tls_ecdhe_rsa_with_aes_256_gcm_sha384, ECDHE-RSA-CHACHA20-POLY1305 ",
                List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256")));
        a.put(Settings.VERIFY_CONNECTION_AT_STARTUP, bools);
        a.put(Settings.KEEPALIVE_TIMEOUT, durations);
        a.put(Settings.KEEPALIVE_MAX_RECYCLE, spellings("0", 0, "2000", 2000, " 5 ", 5));
        // off in the rounds whose heartbeatType is udp (1 and 5), which dnsRoundRobin cannot go with
        a.put(Settings.DNS_ROUND_ROBIN, bools);
        a.put(Settings.EXPIRE_DNS_CACHE, durationsOrZero);
        a.put(Settings.HEARTBEAT_TYPE, spellings("tcp", HeartbeatType.TCP, "UDP", HeartbeatType.UDP, "none", HeartbeatType.NONE,
                "Transport", HeartbeatType.TRANSPORT));
        a.put(Settings.HEARTBEAT_INTERVAL, durations);
        a.put(Settings.PHI_FAILURE_DETECTOR, bools);
        a.put(Settings.PHI_THRESHOLD, spellings("8.5", 8.5, "16", 16.0, " 3 ", 3.0, "1e2", 100.0));
        a.put(Settings.HARD_TIMEOUT, durations);
        a.put(Settings.RECOVER_WAIT, durationsOrZero);
        a.put(Settings.RETRY_MAX_BACKOFF, durations);
        a.put(Settings.BUFFER_CAPACITY, spellings("8MB", 8L << 20, "2097152", 2L << 20, "4 mb", 4L << 20, "16MiB", 16L << 20));
        a.put(Settings.CHUNK_SIZE, spellings("1KB", 1024L, "512 kb", 512L << 10, "1MB", 1L << 20, "2048", 2048L, "64KiB", 64L << 10));
        a.put(Settings.FLUSH_INTERVAL, durations);
        a.put(Settings.OVERFLOW, spellings("dropOldest", OverflowPolicy.DROP_OLDEST, "DROPNEWEST", OverflowPolicy.DROP_NEWEST,
                "block", OverflowPolicy.BLOCK));
        a.put(Settings.BLOCK_TIMEOUT, durationsOrZero);
        Function<Integer, Path> spool = round -> dir.resolve("spool-" + round);
        a.put(Settings.SPOOL_DIR, spellings(dir.resolve("spool-@ROUND@").toString(), spool));
        a.put(Settings.SPOOL_CAPACITY, spellings("1GB", 1L << 30, "2 GiB", 2L << 30, "1048576", 1L << 20, "512MB", 512L << 20));
        a.put(Settings.SHUTDOWN_TIMEOUT, short_);
        a.put(Settings.STATUS_INTERVAL, durationsOrZero);
        a.put(Settings.UPSTREAM_CHECK_INTERVAL, durationsOrZero);
        a.put(Settings.JMX, bools);
        a.put(Settings.INCLUDE_CALLER_DATA, bools);
        a.put(Settings.FIELD_NAMES, spellings("level=severity,message=msg", Map.of("level", "severity", "message", "msg"),
                " logger = source ", Map.of("logger", "source")));
        a.put(Settings.EXCLUDE_FIELDS, spellings("thread,markers", Set.of("thread", "markers"), " caller_line ",
                Set.of("caller_line")));
        return a;
    }

    /** A text to refuse (null: leave the setting out) and the message both frameworks give. */
    private record Refusal(String text, String message) {
    }

    /** For every setting, in the order of the table but the required one last: a wrong value and its message. */
    private static Map<Setting<?>, Refusal> refused() {
        String fields = "message, level, logger, thread, stack_trace, markers, caller_class, caller_method, caller_file, "
                + "caller_line, mdc, key_values";
        Map<Setting<?>, Refusal> r = new LinkedHashMap<>();
        r.put(Settings.TAG, new Refusal("app.{host}", "tag 'app.{host}' uses {host}; a tag can use {logger} and {level}"));
        r.put(Settings.REQUIRE_ACK_RESPONSE, new Refusal("maybe",
                "requireAckResponse 'maybe' is not a boolean: use on/off, true/false or yes/no"));
        r.put(Settings.ACK_RESPONSE_TIMEOUT, new Refusal("soon", "ackResponseTimeout 'soon' is not a duration: "
                + "write e.g. 500 milliseconds, 10 seconds, 2 minutes or PT10S"));
        r.put(Settings.MAX_IN_FLIGHT, new Refusal("abc", "maxInFlight 'abc' is not a whole number"));
        r.put(Settings.COMPRESS, new Refusal("zip", "compress: 'zip' is not a compression: use text, gzip or zstd"));
        r.put(Settings.TIME_AS_INTEGER, new Refusal("2", "timeAsInteger '2' is not a boolean: use on/off, true/false or yes/no"));
        r.put(Settings.SEND_OPTIONS, new Refusal("y", "sendOptions 'y' is not a boolean: use on/off, true/false or yes/no"));
        r.put(Settings.SELF_HOSTNAME, new Refusal("web 7",
                "selfHostname 'web 7' has a space or a control character: write a host name, e.g. web-7.example.com"));
        r.put(Settings.CONNECT_TIMEOUT, new Refusal("0", "connectTimeout must be positive, was PT0S"));
        r.put(Settings.SEND_TIMEOUT, new Refusal("10 parsecs", "sendTimeout '10 parsecs' is not a duration: "
                + "write e.g. 500 milliseconds, 10 seconds, 2 minutes or PT10S"));
        r.put(Settings.TLS_MIN_VERSION, new Refusal("TLSv1.1", "tlsMinVersion 'TLSv1.1' is too old: forwardlog speaks"
                + " TLS 1.2 and 1.3 only; use TLSv1.2 or TLSv1.3"));
        r.put(Settings.TLS_MAX_VERSION, new Refusal("TLSv1_3",
                "tlsMaxVersion 'TLSv1_3' is spelled differently here: write TLSv1.3, as Fluent Bit does"));
        r.put(Settings.TLS_CIPHERS, new Refusal("HIGH:!aNULL", "tlsCiphers names 'HIGH', a class or an operator of"
                + " OpenSSL's cipher strings, which forwardlog does not expand; list the suites themselves, e.g."
                + " ECDHE-RSA-AES128-GCM-SHA256:TLS_AES_128_GCM_SHA256"));
        r.put(Settings.VERIFY_CONNECTION_AT_STARTUP, new Refusal("maybe",
                "verifyConnectionAtStartup 'maybe' is not a boolean: use on/off, true/false or yes/no"));
        r.put(Settings.KEEPALIVE_TIMEOUT, new Refusal("0", "keepaliveTimeout must be positive, was PT0S"));
        r.put(Settings.KEEPALIVE_MAX_RECYCLE, new Refusal("-1", "keepaliveMaxRecycle must be between 0 and 2147483647, was -1"));
        r.put(Settings.DNS_ROUND_ROBIN, new Refusal("sometimes",
                "dnsRoundRobin 'sometimes' is not a boolean: use on/off, true/false or yes/no"));
        r.put(Settings.EXPIRE_DNS_CACHE, new Refusal("-5 seconds", "expireDnsCache '-5 seconds' is not a duration: "
                + "write e.g. 500 milliseconds, 10 seconds, 2 minutes or PT10S"));
        r.put(Settings.HEARTBEAT_TYPE, new Refusal("icmp", "heartbeatType: 'icmp' is not a heartbeat type: use tcp, udp, transport or none"));
        r.put(Settings.HEARTBEAT_INTERVAL, new Refusal("0 seconds", "heartbeatInterval must be positive, was PT0S"));
        r.put(Settings.PHI_FAILURE_DETECTOR, new Refusal("maybe",
                "phiFailureDetector 'maybe' is not a boolean: use on/off, true/false or yes/no"));
        r.put(Settings.PHI_THRESHOLD, new Refusal("-1", "phiThreshold must be a positive number, was -1.0"));
        r.put(Settings.HARD_TIMEOUT, new Refusal("PT0S", "hardTimeout must be positive, was PT0S"));
        r.put(Settings.RECOVER_WAIT, new Refusal("later", "recoverWait 'later' is not a duration: "
                + "write e.g. 500 milliseconds, 10 seconds, 2 minutes or PT10S"));
        r.put(Settings.RETRY_MAX_BACKOFF, new Refusal("0ms", "retryMaxBackoff must be positive, was PT0S"));
        r.put(Settings.BUFFER_CAPACITY, new Refusal("1KB", "bufferCapacity must be between 65536 and 9223372036854775807, was 1024"));
        r.put(Settings.CHUNK_SIZE, new Refusal("lots", "chunkSize 'lots' is not a size: write e.g. 64MB, 512KB or 1GB"));
        r.put(Settings.FLUSH_INTERVAL, new Refusal("soon", "flushInterval 'soon' is not a duration: "
                + "write e.g. 500 milliseconds, 10 seconds, 2 minutes or PT10S"));
        r.put(Settings.OVERFLOW, new Refusal("wait", "overflow: 'wait' is not an overflow policy: use block, dropNewest or dropOldest"));
        r.put(Settings.BLOCK_TIMEOUT, new Refusal("forever", "blockTimeout 'forever' is not a duration: "
                + "write e.g. 500 milliseconds, 10 seconds, 2 minutes or PT10S"));
        r.put(Settings.SPOOL_CAPACITY, new Refusal("1KB", "spoolCapacity must be between 1048576 and 9223372036854775807, was 1024"));
        r.put(Settings.SHUTDOWN_TIMEOUT, new Refusal("1 fortnight", "shutdownTimeout '1 fortnight' is not a duration: "
                + "write e.g. 500 milliseconds, 10 seconds, 2 minutes or PT10S"));
        r.put(Settings.STATUS_INTERVAL, new Refusal("often", "statusInterval 'often' is not a duration: "
                + "write e.g. 500 milliseconds, 10 seconds, 2 minutes or PT10S"));
        r.put(Settings.UPSTREAM_CHECK_INTERVAL, new Refusal("5 sec.", "upstreamCheckInterval '5 sec.' is not a duration: "
                + "write e.g. 500 milliseconds, 10 seconds, 2 minutes or PT10S"));
        r.put(Settings.JMX, new Refusal("enabled", "jmx 'enabled' is not a boolean: use on/off, true/false or yes/no"));
        r.put(Settings.INCLUDE_CALLER_DATA, new Refusal("1", "includeCallerData '1' is not a boolean: use on/off, true/false or yes/no"));
        r.put(Settings.FIELD_NAMES, new Refusal("level", "fieldNames 'level' is not a list of field=name: write e.g. level=severity,message=msg"));
        r.put(Settings.EXCLUDE_FIELDS, new Refusal("thread,color", "excludeFields: 'color' is not a record field; the fields are " + fields));
        // any text is a path (XML cannot hold the one character a path cannot): see aSpoolDirThatIsAFile...
        r.put(Settings.SPOOL_DIR, new Refusal(null, null));
        // left out, the one required setting is reported after the others, as a rule of the settings together
        r.put(Settings.UPSTREAM, new Refusal(null, "upstream is required: the path of a Fluent Bit upstream file"));
        return r;
    }

    private static Map<String, Object> spellings(Object... textThenValue) {
        Map<String, Object> spellings = new LinkedHashMap<>();
        for (int i = 0; i < textThenValue.length; i += 2) {
            spellings.put((String) textThenValue[i], textThenValue[i + 1]);
        }
        return spellings;
    }

    /** What one framework made of a configuration: the settings it started with, or its problems. */
    private record Attempt(ForwardSettings settings, List<String> problems, List<String> otherMessages) {
        @Override
        public ForwardSettings settings() {
            assertNotNull(settings, "started, but: " + problems + " " + otherMessages);
            return settings;
        }
    }

    private static Attempt logback(Map<Setting<?>, String> texts) throws Exception {
        StringBuilder xml = new StringBuilder("<configuration>\n  <appender name=\"" + LOGBACK
                + "\" class=\"io.forwardlog.logback.ForwardAppender\">\n");
        texts.forEach((setting, text) -> xml.append("    <").append(setting).append('>').append(text)
                .append("</").append(setting).append(">\n"));
        xml.append("  </appender>\n  <root level=\"INFO\"><appender-ref ref=\"" + LOGBACK + "\"/></root>\n</configuration>\n");
        ch.qos.logback.classic.LoggerContext context = new ch.qos.logback.classic.LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            JoranConfigurator joran = new JoranConfigurator();
            joran.setContext(context);
            joran.doConfigure(new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)));
            io.forwardlog.logback.ForwardAppender appender = (io.forwardlog.logback.ForwardAppender)
                    context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LOGBACK);
            String prefix = "forwardlog '" + LOGBACK + "': not started: ";
            List<String> problems = new ArrayList<>();
            List<String> others = new ArrayList<>();
            for (Status status : context.getStatusManager().getCopyOfStatusList()) {
                if (status.getLevel() >= Status.WARN) {
                    String message = status.getMessage();
                    if (message.startsWith(prefix)) {
                        problems.add(message.substring(prefix.length()));
                    } else {
                        others.add(message);
                    }
                }
            }
            return new Attempt(appender.settings(), problems, others);
        } finally {
            context.stop();
        }
    }

    private static Attempt log4j2(Map<Setting<?>, String> texts) throws Exception {
        StringBuilder xml = new StringBuilder("<Configuration status=\"warn\" shutdownHook=\"disable\">\n  <Appenders>\n"
                + "    <Forward name=\"" + LOG4J2 + "\"");
        texts.forEach((setting, text) -> xml.append("\n             ").append(setting).append("=\"").append(text).append('"'));
        xml.append("/>\n  </Appenders>\n  <Loggers>\n    <Root level=\"info\"><AppenderRef ref=\"" + LOG4J2
                + "\"/></Root>\n  </Loggers>\n</Configuration>\n");
        List<String> messages = new CopyOnWriteArrayList<>();
        StatusListener listener = new StatusListener() {
            @Override
            public void log(StatusData data) {
                messages.add(data.getMessage().getFormattedMessage());
            }

            @Override
            public Level getStatusLevel() {
                return Level.WARN;
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
        StatusLogger.getLogger().registerListener(listener);
        LoggerContext context = new LoggerContext(LOG4J2);
        try {
            context.start(new XmlConfiguration(context, new ConfigurationSource(
                    new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)))));
            io.forwardlog.log4j2.ForwardAppender appender = context.getConfiguration().getAppender(LOG4J2);
            String prefix = "forwardlog '" + LOG4J2 + "': ";
            String suffix = "; the appender is not created";
            List<String> problems = new ArrayList<>();
            List<String> others = new ArrayList<>();
            for (String message : messages) {
                if (message.startsWith(prefix) && message.endsWith(suffix)) {
                    problems.add(message.substring(prefix.length(), message.length() - suffix.length()));
                } else {
                    others.add(message);
                }
            }
            return new Attempt(appender == null ? null : appender.settings(), problems, others);
        } finally {
            context.stop();
            StatusLogger.getLogger().removeListener(listener);
        }
    }
}
