package io.forwardlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigValuesTest {

    @Test
    void readsDurationsAsLogbackWritesThem() {
        assertEquals(Duration.ofMillis(500), ConfigValues.duration("x", "500 milliseconds"));
        assertEquals(Duration.ofSeconds(10), ConfigValues.duration("x", "10 seconds"));
        assertEquals(Duration.ofSeconds(10), ConfigValues.duration("x", "10s"));
        assertEquals(Duration.ofSeconds(10), ConfigValues.duration("x", "10"));
        assertEquals(Duration.ofMillis(1500), ConfigValues.duration("x", "1.5 seconds"));
        assertEquals(Duration.ofMinutes(2), ConfigValues.duration("x", "2 minutes"));
        assertEquals(Duration.ofHours(1), ConfigValues.duration("x", "1 hour"));
        assertEquals(Duration.ofSeconds(10), ConfigValues.duration("x", "PT10S"));
    }

    @Test
    void aBadDurationNamesTheSettingAndTheAcceptedForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigValues.duration("flushInterval", "soon"));

        assertEquals("flushInterval 'soon' is not a duration: write e.g. 500 milliseconds, 10 seconds, 2 minutes or PT10S",
                e.getMessage());
    }

    @Test
    void readsSizes() {
        assertEquals(64L * 1024 * 1024, ConfigValues.size("x", "64MB"));
        assertEquals(512L * 1024, ConfigValues.size("x", "512 KB"));
        assertEquals(1024L * 1024 * 1024, ConfigValues.size("x", "1GiB"));
        assertEquals(4096, ConfigValues.size("x", "4096"));
    }

    @Test
    void aBadSizeNamesTheSetting() {
        assertEquals("chunkSize '12 parsecs' is not a size: write e.g. 64MB, 512KB or 1GB",
                assertThrows(IllegalArgumentException.class, () -> ConfigValues.size("chunkSize", "12 parsecs")).getMessage());
    }

    @Test
    void readsBooleansInFluentBitsWords() {
        assertTrue(ConfigValues.bool("x", "On"));
        assertTrue(ConfigValues.bool("x", "yes"));
        assertFalse(ConfigValues.bool("x", "FALSE"));
        assertEquals("compressed 'maybe' is not a boolean: use on/off, true/false or yes/no",
                assertThrows(IllegalArgumentException.class, () -> ConfigValues.bool("compressed", "maybe")).getMessage());
    }
}
