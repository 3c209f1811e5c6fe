package io.forwardlog.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallTimesTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void keepsTheTwoLongestCallsExactlyAndCountsTheSlowOnesBesidesTheLongest() {
        CallTimes times = new CallTimes();
        times.record(12 * MS);
        for (int i = 0; i < 996; i++) {
            times.record(2_000);
        }
        times.record(1000 * MS);
        times.record(3_000);
        times.record(10 * MS);

        assertEquals(1000, times.calls());
        assertEquals(3, times.slowCalls());
        assertEquals(2, times.slowCallsBesidesTheLongest());
        assertEquals(1000 * MS, times.max());
        assertEquals(12 * MS, times.secondLongest());
        assertTrue(Math.abs(times.percentile(50) - 2_000) <= 2, "about 2 µs: " + times.percentile(50));
    }

    @Test
    void aPhaseWithoutSlowCallsHasNoneBesidesTheLongestEither() {
        CallTimes times = new CallTimes();
        times.record(9 * MS);

        assertEquals(0, times.slowCalls());
        assertEquals(0, times.slowCallsBesidesTheLongest());
        assertEquals(9 * MS, times.max());
        assertEquals(0, times.secondLongest());
    }

    @Test
    void theCpuOfAPhaseIsInCores() {
        CallTimes times = new CallTimes();
        assertEquals(-1, times.cpuCores());

        times.ranFor(10 * MS, 15 * MS);

        assertEquals(1.5, times.cpuCores());
    }
}
