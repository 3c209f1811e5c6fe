package io.forwardlog.logback;

import static io.forwardlog.logback.LogbackFixture.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertLinesMatch;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import io.forwardlog.Compression;
import io.forwardlog.ForwardSettings;
import io.forwardlog.HeartbeatType;
import io.forwardlog.OverflowPolicy;
import io.forwardlog.RecordSchema;
import io.forwardlog.TlsVersion;
import io.forwardlog.testkit.ForwardReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFromXmlTest {

    @TempDir
    Path dir;

    @Test
    void everySettingInLogbackXmlReachesForwardSettings() throws Exception {
        Path spool = Files.createDirectory(dir.resolve("spool"));
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            Path upstream = upstreamFile(dir, receiver);
            try (LogbackFixture logback = LogbackFixture.configure("all-settings.xml",
                    Map.of("UPSTREAM", upstream.toString(), "SPOOL", spool.toString()))) {
                ForwardSettings expected = ForwardSettings.builder()
                        .name("FLUENT").upstream(upstream).tag("app.{logger}")
                        .requireAckResponse(true).ackResponseTimeout(Duration.ofSeconds(45)).maxInFlight(4)
                        .compress(Compression.GZIP).timeAsInteger(true).sendOptions(true).selfHostname("web-7")
                        .connectTimeout(Duration.ofSeconds(3)).sendTimeout(Duration.ofSeconds(4))
                        .tlsMinVersion(TlsVersion.TLS_1_3).tlsMaxVersion(TlsVersion.TLS_1_3)
                        .tlsCiphers(List.of("TLS_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"))
                        .heartbeatType(HeartbeatType.TCP).heartbeatInterval(Duration.ofSeconds(2))
                        .phiFailureDetector(false).phiThreshold(8.5).hardTimeout(Duration.ofMinutes(2))
                        .recoverWait(Duration.ofMillis(500)).retryMaxBackoff(Duration.ofMinutes(1))
                        .bufferCapacity(128L << 20).chunkSize(512L << 10).flushInterval(Duration.ofMillis(250))
                        .overflow(OverflowPolicy.DROP_OLDEST).blockTimeout(Duration.ofSeconds(2))
                        .spoolDir(spool).spoolCapacity(2L << 30).shutdownTimeout(Duration.ofSeconds(3))
                        .statusInterval(Duration.ofMinutes(1)).upstreamCheckInterval(Duration.ZERO).jmx(false)
                        .includeCallerData(true).fieldName("level", "severity").fieldName("message", "msg")
                        .excludeField("thread").staticField("env", "prod").staticField("team", "payments")
                        .build();

                assertEquals(describe(expected), describe(logback.appender().settings()), logback.allStatuses());
            }
        }
    }

    @Test
    void settingsLeftOutKeepTheDefaultsOfForwardSettings() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            Path upstream = upstreamFile(dir, receiver);
            try (LogbackFixture logback = LogbackFixture.configure("defaults.xml", Map.of("UPSTREAM", upstream.toString()))) {
                ForwardSettings expected = ForwardSettings.builder().name("FLUENT").upstream(upstream).build();

                assertEquals(describe(expected), describe(logback.appender().settings()), logback.allStatuses());
            }
        }
    }

    @Test
    void reportsEveryWrongSettingByNameInTheOrderOfTheTableAndDoesNotStart() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             LogbackFixture logback = LogbackFixture.configure("bad-settings.xml",
                     Map.of("UPSTREAM", upstreamFile(dir, receiver).toString()))) {
            String notStarted = "forwardlog 'FLUENT': not started: ";

            assertEquals(List.of(
                    notStarted + "tag 'app.{host}' uses {host}; a tag can use {logger} and {level}",
                    notStarted + "requireAckResponse 'maybe' is not a boolean: use on/off, true/false or yes/no",
                    notStarted + "maxInFlight must be between 1 and 1024, was 0",
                    notStarted + "compress: 'zip' is not a compression: use text, gzip or zstd",
                    notStarted + "phiThreshold 'high' is not a number",
                    notStarted + "bufferCapacity 'lots' is not a size: write e.g. 64MB, 512KB or 1GB",
                    notStarted + "flushInterval 'soon' is not a duration: write e.g. 500 milliseconds, 10 seconds, 2 minutes or PT10S",
                    notStarted + "fieldNames 'level' is not a list of field=name: write e.g. level=severity,message=msg",
                    notStarted + "excludeFields: 'severity' is not a record field; the fields are message, level, logger,"
                            + " thread, stack_trace, markers, caller_class, caller_method, caller_file, caller_line, mdc, key_values",
                    notStarted + "staticField 'env' is not key=value: write e.g. env=prod"),
                    logback.appenderStatuses(Status.ERROR));
            assertEquals(List.of(), logback.otherStatuses(Status.ERROR), "Joran converted or refused no value itself");
            assertEquals(List.of(), logback.otherStatuses(Status.WARN));
            assertFalse(logback.appender().isStarted());
            assertNull(logback.appender().settings());
        }
    }

    @Test
    void anUnknownElementIsLeftToJoranWhichWarnsAndIgnoresIt() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start();
             LogbackFixture logback = LogbackFixture.configure("unknown-element.xml",
                     Map.of("UPSTREAM", upstreamFile(dir, receiver).toString()))) {
            // Joran's own words, which older Logback versions spell "unkown"
            assertLinesMatch(List.of("Ignoring unk(n)?own property \\[requireAck\\] in \\[io.forwardlog.logback.ForwardAppender\\]"),
                    logback.otherStatuses(Status.WARN));
            assertTrue(logback.appender().isStarted());
            assertFalse(logback.appender().settings().requireAckResponse());
        }
    }

    @Test
    void anAppenderWithoutUpstreamSaysItNeedsOne() throws Exception {
        try (LogbackFixture logback = LogbackFixture.configure("no-upstream.xml", Map.of())) {
            assertEquals(List.of("forwardlog 'FLUENT': not started: upstream is required: the path of a Fluent Bit upstream file"),
                    logback.appenderStatuses(Status.ERROR));
            assertFalse(logback.appender().isStarted());
        }
    }

    @Test
    void aBrokenUpstreamFileLeavesTheAppenderStoppedNamingTheFileAndLineWhileLoggingGoesOn() throws Exception {
        Path upstream = Files.writeString(dir.resolve("upstream.conf"),
                "[UPSTREAM]\n    name test\n[NODE]\n    name node-1\n    host 127.0.0.1\n    port abc\n");
        try (LogbackFixture logback = LogbackFixture.configure("plain.xml", Map.of("UPSTREAM", upstream.toString()))) {
            assertEquals(List.of("forwardlog 'FLUENT': not started: " + upstream + ":6: [NODE] 'node-1': port 'abc' is not a number"),
                    logback.appenderStatuses(Status.ERROR));
            assertFalse(logback.appender().isStarted());

            logback.logger("shop.Orders").info("still logging");

            assertEquals("still logging", logback.listed().get(0).getFormattedMessage());
        }
    }

    /** Every value a {@link ForwardSettings} holds, by name, so that two can be compared. */
    private static Map<String, Object> describe(ForwardSettings s) {
        assertTrue(s != null, "the appender has settings, so it started");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", s.name());
        values.put("upstream", s.upstream());
        values.put("tag", s.tag());
        values.put("requireAckResponse", s.requireAckResponse());
        values.put("ackResponseTimeout", s.ackResponseTimeout());
        values.put("maxInFlight", s.maxInFlight());
        values.put("compress", s.compress());
        values.put("timeAsInteger", s.timeAsInteger());
        values.put("sendOptions", s.sendOptions());
        values.put("selfHostname", s.selfHostname());
        values.put("connectTimeout", s.connectTimeout());
        values.put("sendTimeout", s.sendTimeout());
        values.put("tlsMinVersion", s.tlsMinVersion());
        values.put("tlsMaxVersion", s.tlsMaxVersion());
        values.put("tlsCiphers", s.tlsCiphers());
        values.put("heartbeatType", s.heartbeatType());
        values.put("heartbeatInterval", s.heartbeatInterval());
        values.put("phiFailureDetector", s.phiFailureDetector());
        values.put("phiThreshold", s.phiThreshold());
        values.put("hardTimeout", s.hardTimeout());
        values.put("recoverWait", s.recoverWait());
        values.put("retryMaxBackoff", s.retryMaxBackoff());
        values.put("bufferCapacity", s.bufferCapacity());
        values.put("chunkSize", s.chunkSize());
        values.put("flushInterval", s.flushInterval());
        values.put("overflow", s.overflow());
        values.put("blockTimeout", s.blockTimeout());
        values.put("spoolDir", s.spoolDir());
        values.put("spoolCapacity", s.spoolCapacity());
        values.put("shutdownTimeout", s.shutdownTimeout());
        values.put("statusInterval", s.statusInterval());
        values.put("upstreamCheckInterval", s.upstreamCheckInterval());
        values.put("jmx", s.jmx());
        RecordSchema schema = s.schema();
        values.put("includeCallerData", schema.includeCallerData());
        for (String field : RecordSchema.FIELDS) {
            values.put("field " + field, schema.includes(field) ? schema.nameOf(field) : "(left out)");
        }
        values.put("staticFields", schema.staticFields());
        return values;
    }
}
