package io.forwardlog.internal.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NodeHealthTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
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
