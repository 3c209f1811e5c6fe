package io.forwardlog.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyOptionsTest {

    @Test
    void defaultsToTwentyThousandCallsASecondInPhasesOfTenSeconds() {
        assertEquals(new LatencyOptions(20_000, Duration.ofSeconds(10), Duration.ofSeconds(30), 8L * 1024 * 1024,
                Duration.ofSeconds(10)), LatencyOptions.parse());
    }

    @Test
    void readsEveryOption() {
        LatencyOptions options = LatencyOptions.parse("--rate=5_000", "--seconds=3", "--recovery-seconds=12",
                "--buffer-mb=1", "--warmup-seconds=0");

        assertEquals(new LatencyOptions(5_000, Duration.ofSeconds(3), Duration.ofSeconds(12), 1024 * 1024, Duration.ZERO),
                options);
        assertEquals(Duration.ofSeconds(12), options.length(LatencyPhase.RECOVERY));
        assertEquals(Duration.ofSeconds(3), options.length(LatencyPhase.STALL));
    }

    @Test
    void rejectsAnUnknownOptionAndListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LatencyOptions.parse("--events=5"));
        assertEquals("unknown option '--events=5'; the options are --rate=N, --seconds=S, --recovery-seconds=R, "
                + "--buffer-mb=M and --warmup-seconds=W", e.getMessage());
    }

    @Test
    void rejectsARateOfZero() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LatencyOptions.parse("--rate=0"));
        assertEquals("--rate must be between 1 and 1000000, was 0", e.getMessage());
    }
}
