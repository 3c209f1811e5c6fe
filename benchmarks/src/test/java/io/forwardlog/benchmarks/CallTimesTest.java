package io.forwardlog.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallTimesTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void countsTheSlowCallsAfterTheFirstApart() {
        CallTimes times = new CallTimes();
        for (int i = 0; i < 996; i++) {
            times.record(2_000);
        }
        times.record(1000 * MS);
        times.record(3_000);
        times.record(12 * MS);
        times.record(10 * MS);

        assertEquals(1000, times.calls());
        assertEquals(3, times.slowCalls());
        assertEquals(2, times.slowCallsAfterFirst());
        assertEquals(1000 * MS, times.firstSlowNanos());
        assertTrue(Math.abs(times.maxAfterFirstSlow() - 12 * MS) < 12 * MS / 100, "about 12 ms: " + times.maxAfterFirstSlow());
        assertTrue(Math.abs(times.percentile(50) - 2_000) <= 2, "about 2 µs: " + times.percentile(50));
        assertTrue(Math.abs(times.max() - 1000 * MS) < 1000 * MS / 100, "about 1 s: " + times.max());
    }

    @Test
    void aPhaseWithoutSlowCallsHasNoFirstOne() {
        CallTimes times = new CallTimes();
        times.record(9 * MS);

        assertEquals(0, times.slowCalls());
        assertEquals(-1, times.firstSlowNanos());
        assertEquals(0, times.maxAfterFirstSlow());
    }

    @Test
    void theCpuOfAPhaseIsInCores() {
        CallTimes times = new CallTimes();
        assertEquals(-1, times.cpuCores());

        times.ranFor(10 * MS, 15 * MS);

        assertEquals(1.5, times.cpuCores());
    }
}
