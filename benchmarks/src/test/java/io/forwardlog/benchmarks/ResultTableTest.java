package io.forwardlog.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void showsMediansRangesAndTheRatioOfForwardlogToFluencyPerMode() {
        ResultTable table = new ResultTable();
        table.add(run("forwardlog", DeliveryMode.ACKS, 1.0, true));
        table.add(run("forwardlog", DeliveryMode.ACKS, 2.0, true));
        table.add(run("forwardlog", DeliveryMode.ACKS, 4.0, true));
        table.add(run("Fluency", DeliveryMode.ACKS, 4.0, true));
        table.add(run("forwardlog", DeliveryMode.GZIP, 8.0, true));

        assertEquals("""
                | client | mode | events/s (median) | slowest .. fastest round | callers done after | caller CPU / event | JVM CPU / event | forwardlog / Fluency |
                |---|---|---:|---:|---:|---:|---:|---:|
                | forwardlog | acks | 500,000 | 250,000 .. 1,000,000 | 1.00 s | 2,000 ns | 4,000 ns | 2.00 |
                | Fluency | acks | 250,000 | 250,000 .. 250,000 | 2.00 s | 4,000 ns | 8,000 ns |  |
                | forwardlog | gzip, no acks | 125,000 | 125,000 .. 125,000 | 4.00 s | 8,000 ns | 16,000 ns | n/a |
                | Fluency | gzip, no acks | not supported | | | | | |
                """, table.render(List.of("acks", "gzip, no acks")));
    }

    @Test
    void marksAModeWithAnIncompleteRunAndGivesNoRatioForIt() {
        ResultTable table = new ResultTable();
        table.add(run("forwardlog", DeliveryMode.NO_ACKS, 1.0, false));
        table.add(run("Fluency", DeliveryMode.NO_ACKS, 1.0, true));

        assertEquals("""
                | client | mode | events/s (median) | slowest .. fastest round | callers done after | caller CPU / event | JVM CPU / event | forwardlog / Fluency |
                |---|---|---:|---:|---:|---:|---:|---:|
                | forwardlog | no acks | incomplete |  | 0.50 s | 1,000 ns | 2,000 ns | n/a |
                | Fluency | no acks | 1,000,000 | 1,000,000 .. 1,000,000 | 0.50 s | 1,000 ns | 2,000 ns |  |
                """, table.render(List.of("no acks")));
    }

    private static RunResult run(String client, DeliveryMode mode, double seconds, boolean complete) {
        return run(client, mode.label(Duration.ofMillis(1)), seconds, complete);
    }

    private static RunResult run(String client, String mode, double seconds, boolean complete) {
        // 1,000,000 events; the callers spend as much CPU as the run takes, the JVM twice that
        long callerCpu = (long) (seconds * 1e9);
        return new RunResult(client, mode, 1_000_000,
                new RunResult.Times(seconds, seconds / 2, callerCpu, 2 * callerCpu), complete, "");
    }
}
