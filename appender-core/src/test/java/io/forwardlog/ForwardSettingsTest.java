package io.forwardlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForwardSettingsTest {

    private static ForwardSettings.Builder builder() {
        return ForwardSettings.builder().upstream(Path.of("upstream.conf"));
    }

    @Test
    void readsRenamesAndExclusionsWrittenAsOneSettingEach() {
        RecordSchema schema = builder().fieldNames(" level=severity , message=msg ").excludeFields("thread, markers").build().schema();

        assertEquals("severity", schema.nameOf("level"));
        assertEquals("msg", schema.nameOf("message"));
        assertFalse(schema.includes("thread"));
        assertFalse(schema.includes("markers"));
    }

    @Test
    void aRenameThatIsNotFieldEqualsNameIsRefusedWithTheWholeSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder().fieldNames("level=severity,msg"));

        assertEquals("fieldNames 'level=severity,msg' is not a list of field=name: write e.g. level=severity,message=msg",
                e.getMessage());
    }

    @Test
    void anUnknownFieldIsRefusedWithTheSettingAndTheFieldsThatExist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder().excludeFields("host"));

        assertEquals("excludeFields: 'host' is not a record field; the fields are " + String.join(", ", RecordSchema.FIELDS), e.getMessage());
    }

    @Test
    void settingsNameThemselvesWhenWrong() {
        assertEquals("upstream is required: the path of a Fluent Bit upstream file",
                assertThrows(IllegalArgumentException.class, () -> ForwardSettings.builder().build()).getMessage());
        assertEquals("flushInterval must be positive, was PT0S",
                assertThrows(IllegalArgumentException.class, () -> builder().flushInterval(Duration.ZERO)).getMessage());
        assertEquals("chunkSize (2097152 bytes) must not exceed bufferCapacity (1048576 bytes)",
                assertThrows(IllegalArgumentException.class,
                        () -> builder().bufferCapacity(1024 * 1024).chunkSize(2 * 1024 * 1024).build()).getMessage());
    }

    @Test
    void dnsRoundRobinIsRefusedWithUdpHeartbeatsAsFluentdRefusesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder().dnsRoundRobin(true).heartbeatType(HeartbeatType.UDP).build());

        assertEquals("heartbeatType must be transport or none to use dnsRoundRobin, as in Fluentd (it is udp: a UDP"
                + " heartbeat goes to one of the host's addresses, not to the one each connection picks)", e.getMessage());
        for (HeartbeatType allowed : List.of(HeartbeatType.TRANSPORT, HeartbeatType.TCP, HeartbeatType.NONE)) {
            assertTrue(builder().dnsRoundRobin(true).heartbeatType(allowed).build().dnsRoundRobin());
        }
    }

    @Test
    void theConnectionSettingsHaveFluentdsDefaults() {
        ForwardSettings settings = builder().build();

        assertFalse(settings.verifyConnectionAtStartup());
        assertFalse(settings.dnsRoundRobin());
        assertEquals(Optional.empty(), settings.expireDnsCache());
        assertEquals(Optional.empty(), settings.keepaliveTimeout());
        assertEquals(0, settings.keepaliveMaxRecycle());
    }

    @Test
    void readsTheConnectionSettingsAsAConfigurationFileWritesThem() throws Exception {
        ConfiguredSettings configured = new ConfiguredSettings();
        configured.put("upstream", "upstream.conf");
        configured.put("verifyConnectionAtStartup", "on");
        configured.put("dnsRoundRobin", "yes");
        configured.put("expireDnsCache", "0");
        configured.put("keepaliveTimeout", "5 minutes");
        configured.put("keepaliveMaxRecycle", "2000");

        ForwardSettings settings = configured.build("app");

        assertTrue(settings.verifyConnectionAtStartup());
        assertTrue(settings.dnsRoundRobin());
        assertEquals(Optional.of(Duration.ZERO), settings.expireDnsCache());
        assertEquals(Optional.of(Duration.ofMinutes(5)), settings.keepaliveTimeout());
        assertEquals(2000, settings.keepaliveMaxRecycle());
    }

    @Test
    void refusesConnectionSettingsOutOfTheirBounds() {
        ConfiguredSettings configured = new ConfiguredSettings();
        configured.put("upstream", "upstream.conf");
        configured.put("keepaliveTimeout", "0");
        configured.put("keepaliveMaxRecycle", "-1");
        configured.put("expireDnsCache", "soon");
        configured.put("dnsRoundRobin", "on");
        configured.put("heartbeatType", "udp");

        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> configured.build("app"));

        assertEquals(List.of("keepaliveTimeout must be positive, was PT0S",
                "keepaliveMaxRecycle must be between 0 and 2147483647, was -1",
                "expireDnsCache 'soon' is not a duration: write e.g. 500 milliseconds, 10 seconds, 2 minutes or PT10S",
                "heartbeatType must be transport or none to use dnsRoundRobin, as in Fluentd (it is udp: a UDP"
                        + " heartbeat goes to one of the host's addresses, not to the one each connection picks)"),
                e.problems());
    }
}
