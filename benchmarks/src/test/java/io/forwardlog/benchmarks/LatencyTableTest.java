package io.forwardlog.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyTableTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final LatencyOptions OPTIONS = new LatencyOptions(1_000, Duration.ofSeconds(2), Duration.ofSeconds(3),
            1024 * 1024, Duration.ZERO);

    @Test
    void showsEachPhaseAgainstTheFloorAndWhetherTheGoalsAreMet() {
        LatencyRun.Result floor = result(LoggingClient.FLOOR, times(1_000), times(1_000), 2000, 2000, -1, List.of());
        CallTimes outage = times(1_000);
        outage.record(1000 * MS);
        outage.record(500);
        LatencyRun.Result forwardlog = result(LoggingClient.FORWARDLOG, times(1_200), outage, 2002, 1500, 10.5,
                List.of("counting-sink-1-conn-2: the connection ended inside a frame"));

        LatencyTable table = new LatencyTable(List.of(floor, forwardlog), OPTIONS);

        assertEquals("""
                | phase | client | calls | p50 | p99 | p99.9 | max | calls ≥ 10 ms | besides the longest | second longest | p99 / floor's | JVM CPU (cores) |
                |---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                | steady state | AsyncAppender + no-op (floor) | 1,000 | 1.0 µs | 1.0 µs | 1.0 µs | 0.0 ms | 0 | 0 | 0.0 ms |  | 0.50 |
                | steady state | forwardlog | 1,000 | 1.2 µs | 1.2 µs | 1.2 µs | 0.0 ms | 0 | 0 | 0.0 ms | 1.20 | 0.50 |
                | outage (the node is down, the buffer fills) | AsyncAppender + no-op (floor) | 1,000 | 1.0 µs | 1.0 µs | 1.0 µs | 0.0 ms | 0 | 0 | 0.0 ms |  | 0.50 |
                | outage (the node is down, the buffer fills) | forwardlog | 1,002 | 1.0 µs | 1.0 µs | 1.0 µs | 1,000.0 ms | 1 | 0 | 0.0 ms | 1.00 | 0.50 |
                """, table.render());
        assertEquals(List.of(
                "AsyncAppender + no-op (floor): 2,000 events logged to a no-op appender; at most 2,000 calls per phase "
                        + "(1,000/s); status: 0 warnings, 0 errors",
                "forwardlog: steady-state p99 1.20× the floor's (goal: at most 1.5×, met); outage: the longest call "
                        + "took 1,000.0 ms, 0 other calls 10 ms or more (goal: none after the first wait, met), the second "
                        + "longest 0.0 ms; 2,002 events logged, 1,500 arrived (502 dropped); the first event after the node's "
                        + "return arrived 10.5 s after it; at most 2,000 calls per phase (1,000/s); status: 0 warnings, "
                        + "0 errors; the node could not read: 1 (first: counting-sink-1-conn-2: the connection ended "
                        + "inside a frame)"),
                table.summaries());
    }

    private static CallTimes times(long nanos) {
        CallTimes times = new CallTimes();
        for (int i = 0; i < 1000; i++) {
            times.record(nanos);
        }
        times.ranFor(2000 * MS, 1000 * MS);
        return times;
    }

    private static LatencyRun.Result result(LoggingClient client, CallTimes steady, CallTimes outage, long logged,
                                            long delivered, double firstArrival, List<String> problems) {
        Map<LatencyPhase, CallTimes> phases = new EnumMap<>(LatencyPhase.class);
        phases.put(LatencyPhase.STEADY, steady);
        phases.put(LatencyPhase.OUTAGE, outage);
        return new LatencyRun.Result(client, phases, logged, delivered, firstArrival, "0 warnings, 0 errors", problems);
    }
}
