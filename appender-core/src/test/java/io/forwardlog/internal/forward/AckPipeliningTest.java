package io.forwardlog.internal.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.testkit.ForwardReceiver;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * With acks, a connection keeps up to {@code maxInFlight} batches unacknowledged instead of waiting
 * for each ack in turn, so a node that takes a millisecond to answer each batch does not hold the
 * client to a thousand batches a second. The rates are printed for people, never asserted.
 */
class AckPipeliningTest {

    private static final Duration ACK_DELAY = Duration.ofMillis(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int BATCHES = 300;
    private static final Instant TIME = Instant.ofEpochSecond(1_700_000_000L);

    @Test
    void keepsSeveralBatchesInFlightWhileEachAckTakesAMillisecond() throws Exception {
        Run run = sendAndAwaitAcks(16);

        assertTrue(run.mostInFlight() > 1, "the batches went out one ack at a time: " + run);
        assertTrue(run.mostInFlight() <= 16, "more batches in flight than maxInFlight allows: " + run);
    }

    @Test
    void waitsForEachAckInTurnWhenMaxInFlightIsOne() throws Exception {
        Run run = sendAndAwaitAcks(1);

        assertEquals(1, run.mostInFlight(), run::toString);
    }

    /** What one run measured; the most in flight is the window's size just after a send. */
    private record Run(int maxInFlight, int mostInFlight, long elapsedNanos) {

        double ackedPerSecond() {
            return BATCHES * 1e9 / elapsedNanos;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "maxInFlight=%d: %d batches acked in %.1f ms with a %d ms ack delay = %.0f acked batches/second,"
                            + " at most %d unacknowledged at once",
                    maxInFlight, BATCHES, elapsedNanos / 1e6, ACK_DELAY.toMillis(), ackedPerSecond(), mostInFlight);
        }
    }

    private static Run sendAndAwaitAcks(int maxInFlight) throws IOException {
        List<TestBatch> batches = new ArrayList<>();
        for (int i = 0; i < BATCHES; i++) {
            batches.add(TestBatch.numbered("app.pipelined." + i, 1, TIME));
        }
        try (ForwardReceiver receiver = ForwardReceiver.builder().ackDelay(ACK_DELAY).start();
             ClientHarness client = new ClientHarness()) {
            DrivenConnection connection = client.open(receiver.host(), receiver.port(),
                    WireOptions.defaults().withRequireAck(true).withMaxInFlight(maxInFlight));
            int mostInFlight = 0;

            long start = System.nanoTime();
            for (TestBatch batch : batches) {
                connection.send(batch);
                mostInFlight = Math.max(mostInFlight, connection.inFlight());
            }
            List<OutboundBatch> acknowledged = client.listener().awaitAcknowledged(BATCHES, TIMEOUT);
            Run run = new Run(maxInFlight, mostInFlight, System.nanoTime() - start);

            System.out.println(run);
            assertEquals(batches, acknowledged, "every batch acknowledged once, in send order");
            assertEquals(BATCHES, receiver.awaitEvents(BATCHES, TIMEOUT).size());
            assertEquals(List.of(), client.listener().breaks());
            return run;
        }
    }
}
