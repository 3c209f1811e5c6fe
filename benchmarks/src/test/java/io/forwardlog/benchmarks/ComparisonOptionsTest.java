package io.forwardlog.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ComparisonOptionsTest {

    @Test
    void defaultsToTwoMillionEventsFromFourThreadsInThreeRounds() {
        assertEquals(new ComparisonOptions(2_000_000, 4, 3, 256L * 1024 * 1024, Duration.ofMillis(1)),
                ComparisonOptions.parse());
    }

    @Test
    void readsEveryOptionAndAcceptsDigitSeparators() {
        assertEquals(new ComparisonOptions(500_000, 2, 1, 64L * 1024 * 1024, Duration.ofMillis(20)),
                ComparisonOptions.parse("--events=500_000", "--threads=2", "--rounds=1", "--buffer-mb=64", "--ack-delay-ms=20"));
    }

    @Test
    void rejectsAnUnknownOptionAndListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComparisonOptions.parse("--event=5"));
        assertEquals("unknown option '--event=5'; the options are --events=N, --threads=T, --rounds=R, --buffer-mb=M and --ack-delay-ms=D",
                e.getMessage());
    }

    @Test
    void rejectsACountThatIsNotANumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComparisonOptions.parse("--threads=four"));
        assertEquals("--threads needs a whole number, as in --threads=1; got 'four'", e.getMessage());
    }

    @Test
    void rejectsZeroThreads() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComparisonOptions.parse("--threads=0"));
        assertEquals("--threads must be between 1 and 256, was 0", e.getMessage());
    }
}
