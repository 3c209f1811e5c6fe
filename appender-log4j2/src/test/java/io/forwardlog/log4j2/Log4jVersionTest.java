package io.forwardlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Log4jVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"2.17.0", "2.17.1", "2.24.3", "2.26.1", "2.100.0", "3.0.0-beta2", "2.17.1.redhat-00001"})
    void acceptsTwoSeventeenAndLater(String version) {
        assertNull(Log4jVersion.problem(version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.16.0", "2.9.1", "2.0", "1.2.17"})
    void refusesWhatIsOlderThanTwoSeventeenNamingTheSupportedVersions(String version) {
        assertEquals("Log4j " + version + " is not supported: forwardlog needs Log4j 2.17.0 or later",
                Log4jVersion.problem(version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "2.x"})
    void acceptsAVersionItCannotReadSinceTheApiDecides(String version) {
        assertNull(Log4jVersion.problem(version));
    }

    @Test
    void theLog4jTheseTestsRunOnIsSupported() {
        assertNull(Log4jVersion.problem());
    }
}
