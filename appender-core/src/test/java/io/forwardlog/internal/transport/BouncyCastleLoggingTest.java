package io.forwardlog.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BouncyCastleLoggingTest {

    private final Logger jsse = Logger.getLogger("org.bouncycastle.jsse");

    @AfterEach
    void restore() {
        BouncyCastleLogging.quietUnlessConfigured(4);
        jsse.setLevel(null);
    }

    @Test
    void limitsBouncyCastlesJsseLoggerToSevereWhenNobodySetALevel() {
        jsse.setLevel(null);

        BouncyCastleLogging.quietUnlessConfigured(1);

        assertEquals(Level.SEVERE, jsse.getLevel());
    }

    @Test
    void leavesALevelTheUserSetAlone() {
        jsse.setLevel(Level.FINE);

        BouncyCastleLogging.quietUnlessConfigured(1);

        assertEquals(Level.FINE, jsse.getLevel());
    }

    @Test
    void tlsDebugFourGivesBouncyCastleItsOwnLoggingBack() {
        jsse.setLevel(null);
        BouncyCastleLogging.quietUnlessConfigured(1);

        BouncyCastleLogging.quietUnlessConfigured(4);

        assertNull(jsse.getLevel());
    }
}
