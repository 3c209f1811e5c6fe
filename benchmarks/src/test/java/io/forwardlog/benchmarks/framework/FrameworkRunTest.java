package io.forwardlog.benchmarks.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Real runs, each in a child JVM, small: every contender's configuration starts its framework, the
 * child and the parent follow the protocol, and the sink sees every event exactly once. No timing is
 * asserted.
 */
class FrameworkRunTest {

    private static FrameworkRun.Outcome run(Contender contender, FrameworkMode mode, long warmUp) throws Exception {
        return FrameworkRun.run(new FrameworkRun.Spec(contender, mode, 2, warmUp, 20_000, false, 64L * 1024 * 1024, 50));
    }

    private static void assertExactlyOnce(FrameworkRun.Outcome outcome) {
        assertTrue(outcome.complete(), outcome.problems());
        assertEquals(20_000, outcome.ids().distinct());
        // a synchronous appender (Socket) may have its last event counted before its last call returns
        assertTrue(outcome.seconds() > 0 && outcome.callerSeconds() > 0,
                outcome.seconds() + " s, callers " + outcome.callerSeconds() + " s");
    }

    @Test
    void logbackForwardlogWithAcksDeliversEveryEventOnceAndReportsItsSenderThread() throws Exception {
        FrameworkRun.Outcome outcome = run(Contender.LOGBACK_FORWARDLOG, FrameworkMode.ACKS, 5_000);

        assertExactlyOnce(outcome);
        assertEquals(5_000, outcome.ids().warmUp());
        assertTrue(outcome.senderAllocatedBytes() >= 0, "the sender thread was not found");
    }

    @Test
    void fluencyLogbackAppenderDeliversEveryEventOnceFromAColdStart() throws Exception {
        FrameworkRun.Outcome outcome = run(Contender.LOGBACK_FLUENCY, FrameworkMode.NO_ACKS, 0);

        assertExactlyOnce(outcome);
        assertEquals(-1, outcome.senderAllocatedBytes());
    }

    @Test
    void log4j2ForwardlogWithGzipAndTheSocketAppenderWithJsonLinesDeliverEveryEventOnce() throws Exception {
        assertExactlyOnce(run(Contender.LOG4J2_FORWARDLOG, FrameworkMode.GZIP, 1_000));
        assertExactlyOnce(run(Contender.LOG4J2_SOCKET_JSON, FrameworkMode.NO_ACKS, 1_000));
    }

    @Test
    void aBaselineSendsNothingAndIsTimedUntilItsLastCall() throws Exception {
        FrameworkRun.Outcome outcome = FrameworkRun.run(new FrameworkRun.Spec(Contender.LOG4J2_NULL,
                FrameworkMode.NO_ACKS, 1, 1_000, 20_000, true, 64L * 1024 * 1024, 50));

        assertTrue(outcome.complete(), outcome.problems());
        assertNull(outcome.ids());
        assertEquals(outcome.callerSeconds(), outcome.seconds());
    }
}
