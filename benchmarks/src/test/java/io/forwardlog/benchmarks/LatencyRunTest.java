package io.forwardlog.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The latency harness, small: every phase is timed, and the outage really fills forwardlog's buffer. */
class LatencyRunTest {

    private static final LatencyOptions SHORT = new LatencyOptions(5_000, Duration.ofSeconds(2), Duration.ofSeconds(1),
            1024 * 1024, Duration.ZERO);

    @Test
    void theFloorIsTimedInEveryPhaseAndEveryCallIsCounted() throws Exception {
        LatencyRun.Result result = new LatencyRun(SHORT).run(LoggingClient.FLOOR);

        long timed = 0;
        for (LatencyPhase phase : LatencyPhase.values()) {
            CallTimes times = result.phases().get(phase);
            assertTrue(times.calls() > 0, phase + ": no call timed");
            timed += times.calls();
        }
        assertEquals(result.logged(), timed, "no warm-up: every call made is in a phase");
        assertEquals(0, result.delivered(), "the floor sends nothing");
    }

    @Test
    void duringTheOutageForwardlogWaitsBlockTimeoutOnceForItsFullBuffer() throws Exception {
        LatencyRun.Result result = new LatencyRun(SHORT).run(LoggingClient.FORWARDLOG);

        CallTimes outage = result.phases().get(LatencyPhase.OUTAGE);
        // 1 MiB at 5,000 events of ~330 bytes a second is full within half a second; blockTimeout is 1 second
        assertTrue(outage.max() >= TimeUnit.SECONDS.toNanos(1), "the wait: " + outage.max());
        assertTrue(result.delivered() > 0 && result.delivered() < result.logged(), result.toString());
    }
}
