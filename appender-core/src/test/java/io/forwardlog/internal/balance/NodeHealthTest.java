package io.forwardlog.internal.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NodeHealthTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);
    private static final Backoff NO_JITTER = new Backoff(SECOND, 30 * SECOND, () -> 1.0);

    private static HealthPolicy policy(boolean heartbeats) {
        return new HealthPolicy(heartbeats, SECOND, true, 16, 60 * SECOND, 10 * SECOND);
    }

    @Test
    void aFailureTakesTheNodeDownAtOnceWithItsError() {
        NodeHealth health = new NodeHealth(policy(true), 0);

        assertEquals(NodeHealth.Change.WENT_DOWN, health.failed("connection refused", SECOND));

        assertFalse(health.isUp());
        assertEquals("connection refused", health.lastError());
        assertEquals(NodeHealth.Change.NONE, health.failed("connection refused", 2 * SECOND));
    }

    @Test
    void silenceTakesTheNodeDownWhenPhiPassesTheThreshold() {
        NodeHealth health = new NodeHealth(policy(true), 0);
        for (int i = 1; i <= 10; i++) {
            health.heartbeat(i * SECOND);
            assertEquals(NodeHealth.Change.NONE, health.tick(i * SECOND, NO_JITTER));
        }

        assertEquals(NodeHealth.Change.NONE, health.tick(40 * SECOND, NO_JITTER));
        assertEquals(NodeHealth.Change.WENT_DOWN, health.tick(50 * SECOND, NO_JITTER));
        assertEquals("no heartbeat for 40.0s (phi 17.4 > phiThreshold 16)", health.lastError());
    }

    @Test
    void aNodeWhoseHeartbeatsStopIsDownAfterTheSilenceFluentdsFormulaGives() {
        // a hundred heartbeats a second apart: the normalised mean gap is 1 s, so phi = silence / ln 10,
        // which passes phiThreshold 16 after 16 * ln 10 = 36.84 s without a heartbeat
        NodeHealth health = new NodeHealth(policy(true), 0);
        for (int i = 1; i <= 100; i++) {
            health.heartbeat(i * SECOND);
            assertEquals(NodeHealth.Change.NONE, health.tick(i * SECOND, NO_JITTER));
        }
        long last = 100 * SECOND;

        assertEquals(NodeHealth.Change.NONE, health.tick(last + 36_800 * MILLI, NO_JITTER));
        assertTrue(health.isUp());
        assertEquals(NodeHealth.Change.WENT_DOWN, health.tick(last + 36_900 * MILLI, NO_JITTER));
        assertEquals("no heartbeat for 36.9s (phi 16.0 > phiThreshold 16)", health.lastError());
    }

    @Test
    void heartbeatsThatArriveLateButRegularlyNeverTakeTheNodeDown() {
        // a node whose answers wait behind its backlog: 1.6 s, then 0.4 s, again and again
        NodeHealth health = new NodeHealth(policy(true), 0);
        long t = 0;
        for (int i = 0; i < 600; i++) {
            t += (i % 2 == 0 ? 1600 : 400) * MILLI;
            health.heartbeat(t);
            for (long at = t; at < t + 1600 * MILLI; at += 100 * MILLI) {
                assertEquals(NodeHealth.Change.NONE, health.tick(at, NO_JITTER), "at " + at / MILLI + " ms");
            }
        }
        assertTrue(health.isUp());
    }

    @Test
    void theHardTimeoutTakesTheNodeDownWhenPhiIsOff() {
        NodeHealth health = new NodeHealth(new HealthPolicy(true, SECOND, false, 16, 5 * SECOND, 0), 0);

        assertEquals(NodeHealth.Change.NONE, health.tick(5 * SECOND, NO_JITTER));
        assertEquals(NodeHealth.Change.WENT_DOWN, health.tick(6 * SECOND, NO_JITTER));
        assertEquals("no heartbeat for 6.0s (hardTimeout)", health.lastError());
    }

    @Test
    void comesBackAfterRecoverWaitOfHealthyHeartbeats() {
        NodeHealth health = new NodeHealth(policy(true), 0);
        health.failed("connection refused", 0);

        health.heartbeat(SECOND);
        assertEquals(NodeHealth.Change.NONE, health.tick(10 * SECOND, NO_JITTER));
        health.heartbeat(11 * SECOND);
        assertEquals(NodeHealth.Change.CAME_BACK, health.tick(11 * SECOND, NO_JITTER));
        assertTrue(health.isUp());
    }

    @Test
    void aFailedHeartbeatStartsRecoveryOver() {
        NodeHealth health = new NodeHealth(policy(true), 0);
        health.failed("connection refused", 0);
        health.heartbeat(SECOND);
        health.heartbeatFailed("connection refused");
        health.heartbeat(8 * SECOND);

        assertEquals(NodeHealth.Change.NONE, health.tick(12 * SECOND, NO_JITTER));
        assertEquals(NodeHealth.Change.CAME_BACK, health.tick(18 * SECOND, NO_JITTER));
    }

    @Test
    void withoutHeartbeatsADownNodeIsTriedAgainAfterABackOffThatGrows() {
        NodeHealth health = new NodeHealth(policy(false), 0);
        health.failed("connection refused", 0);

        assertEquals(NodeHealth.Change.NONE, health.tick(SECOND - 1, NO_JITTER));
        assertEquals(NodeHealth.Change.CAME_BACK, health.tick(SECOND, NO_JITTER));
        health.failed("connection refused", 10 * SECOND);
        assertEquals(NodeHealth.Change.NONE, health.tick(11 * SECOND, NO_JITTER));
        assertEquals(NodeHealth.Change.CAME_BACK, health.tick(12 * SECOND, NO_JITTER));
    }

    @Test
    void withoutHeartbeatsSilenceNeverTakesTheNodeDown() {
        NodeHealth health = new NodeHealth(policy(false), 0);

        assertEquals(NodeHealth.Change.NONE, health.tick(3600 * SECOND, NO_JITTER));
    }

    @Test
    void aFailedHeartbeatTakesAnUpNodeDownAtTheNextTick() {
        NodeHealth health = new NodeHealth(policy(true), 0);

        health.heartbeatFailed("TCP heartbeat failed: Connection refused");

        assertTrue(health.isUp());
        assertEquals(NodeHealth.Change.WENT_DOWN, health.tick(SECOND, NO_JITTER));
        assertEquals("TCP heartbeat failed: Connection refused", health.lastError());
    }

    @Test
    void anAckAfterAFailedHeartbeatKeepsTheNodeUp() {
        NodeHealth health = new NodeHealth(policy(true), 0);

        health.heartbeatFailed("TCP heartbeat failed: Connection refused");
        health.heartbeat(SECOND / 2);

        assertEquals(NodeHealth.Change.NONE, health.tick(SECOND, NO_JITTER));
    }
}
