package io.forwardlog.internal.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PhiAccrualFailureDetectorTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void phiIsZeroRightAfterAHeartbeatAndGrowsWithSilence() {
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(SECOND, 0);
        for (int i = 1; i <= 10; i++) {
            detector.heartbeat(i * SECOND);
        }

        double atOnce = detector.phi(10 * SECOND);
        double after5s = detector.phi(15 * SECOND);
        double after40s = detector.phi(50 * SECOND);

        assertTrue(atOnce < 0.5, "phi right after a heartbeat was " + atOnce);
        assertTrue(after5s > atOnce && after40s > after5s, "phi must grow with silence");
    }

    @Test
    void computesPhiAsFluentdDoesSoThresholdsCarryOver() {
        // gaps of exactly one interval: normalised mean 1s; after 36s of silence phi = 36 / ln(10)
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(SECOND, 0);
        for (int i = 1; i <= 5; i++) {
            detector.heartbeat(i * SECOND);
        }

        assertEquals(36 / Math.log(10), detector.phi(5 * SECOND + 36 * SECOND), 1e-9);
        assertTrue(detector.phi(5 * SECOND + 36 * SECOND) < 16, "Fluentd's default threshold 16 needs ~37s of silence");
        assertTrue(detector.phi(5 * SECOND + 38 * SECOND) > 16);
    }

    @Test
    void weighsRecentGapsMoreSoAFasterNodeIsSuspectedSooner() {
        PhiAccrualFailureDetector slowThenFast = new PhiAccrualFailureDetector(SECOND, 0);
        long t = 0;
        for (int i = 0; i < 10; i++) {
            t += 3 * SECOND;
            slowThenFast.heartbeat(t);
        }
        for (int i = 0; i < 10; i++) {
            t += SECOND;
            slowThenFast.heartbeat(t);
        }
        PhiAccrualFailureDetector alwaysSlow = new PhiAccrualFailureDetector(SECOND, 0);
        long u = 0;
        for (int i = 0; i < 20; i++) {
            u += 3 * SECOND;
            alwaysSlow.heartbeat(u);
        }

        assertTrue(slowThenFast.phi(t + 10 * SECOND) > alwaysSlow.phi(u + 10 * SECOND));
    }

    @Test
    void resetForgetsHistory() {
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(SECOND, 0);
        detector.heartbeat(100 * SECOND);

        detector.reset(200 * SECOND);

        assertEquals(0, detector.silenceNanos(200 * SECOND));
        assertTrue(detector.phi(200 * SECOND) < 0.5);
    }
}
