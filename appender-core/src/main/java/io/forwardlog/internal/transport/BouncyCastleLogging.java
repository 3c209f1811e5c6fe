package io.forwardlog.internal.transport;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * BouncyCastle's JSSE provider logs through java.util.logging: its start-up notes at INFO, and at
 * WARNING a stack trace each time a TLS connection is closed under a blocked read — which is how
 * every connection ends here (the ack reader waits in a read). forwardlog reports TLS problems itself,
 * so unless the user set a level for {@code org.bouncycastle.jsse}, or asks for {@code tls.debug 4},
 * that logger is limited to SEVERE.
 */
final class BouncyCastleLogging {

    /** Held so the level set on it is not lost when java.util.logging collects unreferenced loggers. */
    private static final Logger JSSE = Logger.getLogger("org.bouncycastle.jsse");
    private static boolean quieted;

    private BouncyCastleLogging() {
    }

    static synchronized void quietUnlessConfigured(int tlsDebug) {
        if (tlsDebug >= 4) {
            if (quieted) {
                JSSE.setLevel(null);
                quieted = false;
            }
            return;
        }
        if (JSSE.getLevel() == null) {
            JSSE.setLevel(Level.SEVERE);
            quieted = true;
        }
    }
}
