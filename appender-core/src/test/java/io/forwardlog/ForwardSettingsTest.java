package io.forwardlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
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
}
