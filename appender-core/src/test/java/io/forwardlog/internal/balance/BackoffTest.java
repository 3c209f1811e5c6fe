package io.forwardlog.internal.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheInitialDelayUpToTheCap() {
        Backoff top = new Backoff(100, 1000, () -> 1.0);

        assertEquals(100, top.delayNanos(1));
        assertEquals(200, top.delayNanos(2));
        assertEquals(400, top.delayNanos(3));
        assertEquals(800, top.delayNanos(4));
        assertEquals(1000, top.delayNanos(5));
        assertEquals(1000, top.delayNanos(500));
    }

    @Test
    void jitterTakesBetweenHalfAndAllOfTheDelay() {
        assertEquals(400, new Backoff(100, 1000, () -> 0.0).delayNanos(4));
        assertEquals(600, new Backoff(100, 1000, () -> 0.5).delayNanos(4));
    }

    @Test
    void noFailureMeansNoWait() {
        assertEquals(0, new Backoff(100, 1000, () -> 1.0).delayNanos(0));
    }

    @Test
    void refusesAnInitialDelayAboveTheCap() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(1000, 100, () -> 1.0));
    }
}
