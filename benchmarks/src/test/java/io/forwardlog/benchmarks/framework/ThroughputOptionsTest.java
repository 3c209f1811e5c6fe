package io.forwardlog.benchmarks.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ThroughputOptionsTest {

    @Test
    void defaultsToSixMillionEventsFromTwoThreadsInThreeRoundsOfBothFrameworksAndPhases() {
        assertEquals(new ThroughputOptions(6_000_000, 2_000_000, 1_000_000, 2, 3, 512L * 1024 * 1024, 50,
                EnumSet.allOf(Framework.class), EnumSet.allOf(ThroughputOptions.Phase.class)), ThroughputOptions.parse());
    }

    @Test
    void readsEveryOption() {
        assertEquals(new ThroughputOptions(100_000, 0, 50_000, 4, 1, 64L * 1024 * 1024, 0, EnumSet.of(Framework.LOG4J2),
                        EnumSet.of(ThroughputOptions.Phase.COLD)),
                ThroughputOptions.parse("--events=100_000", "--warmup=0", "--cold-events=50,000", "--threads=4",
                        "--rounds=1", "--buffer-mb=64", "--flush-ms=0", "--framework=log4j2", "--phase=cold"));
    }

    @Test
    void rejectsAnUnknownOptionAndListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ThroughputOptions.parse("--event=5"));
        assertEquals("unknown option '--event=5'; the options are --events=N, --warmup=N, --cold-events=N, --threads=T, "
                + "--rounds=R, --buffer-mb=M, --flush-ms=F, --framework=logback|log4j2|all and --phase=steady|cold|all",
                e.getMessage());
    }

    @Test
    void rejectsAFrameworkItDoesNotKnowAndNamesTheOthers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ThroughputOptions.parse("--framework=jul"));
        assertEquals("--framework is one of logback, log4j2, or all; got 'jul'", e.getMessage());
    }
}
