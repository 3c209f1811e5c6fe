package io.forwardlog.internal.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertLinesMatch;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.ReceivedEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a {@link ForwardConnection} does when acks go wrong on a real socket: they never come, they
 * name a chunk that was never sent, or the connection breaks while someone waits for them. Each
 * failure says what happened and the unacknowledged batches come back in send order.
 */
class AckFailureTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Instant TIME = Instant.ofEpochSecond(1_700_000_000L);
    private static final WireOptions ACKS = WireOptions.defaults().withRequireAck(true);
    // long enough never to pass during a test: only the failure under test may end a wait
    private static final WireOptions ONE_IN_FLIGHT = ACKS.withMaxInFlight(1).withAckTimeout(Duration.ofMinutes(1));

    private ForwardReceiver receiver;
    private ClientHarness client;
    /** Added to the real clock: a test moves the connection's time forward without waiting. */
    private final AtomicLong skew = new AtomicLong();

    @BeforeEach
    void start() throws IOException {
        receiver = ForwardReceiver.start();
        client = new ClientHarness(() -> System.nanoTime() + skew.get());
    }

    @AfterEach
    void stop() {
        client.close();
        receiver.close();
    }

    @Test
    void failsASendWithAnAckTimeoutWhenTheWindowIsFullAndTheOldestAckIsOverdue() throws Exception {
        receiver.faults().dropAcks(true);
        DrivenConnection connection = open(ACKS.withAckTimeout(Duration.ofMillis(200)).withMaxInFlight(2));
        List<TestBatch> sent = TestBatch.series("app.unacked", 2, TIME);
        for (TestBatch batch : sent) {
            connection.send(batch);
        }

        DeliveryException e = assertThrows(DeliveryException.class,
                () -> connection.send(TestBatch.numbered("app.third", 1, TIME)));

        assertEquals(DeliveryException.Kind.ACK_TIMEOUT, e.kind());
        assertEquals("no ack within 200ms (2 unacknowledged)", e.getMessage());
        assertEquals(List.of(e), client.listener().breaks());
        assertEquals(sent, connection.close(), "the unacknowledged batches come back in send order");
        assertEquals(List.of("app.unacked.1", "app.unacked.2"),
                receiver.awaitEvents(2, TIMEOUT).stream().map(ReceivedEvent::tag).toList(),
                "the node got them: sending them again makes delivery at-least-once");
    }

    @Test
    void breaksWithAnAckTimeoutWhenTheDeadlineCheckFindsTheOldestAckOverdue() throws Exception {
        receiver.faults().dropAcks(true);
        DrivenConnection connection = open(ACKS);
        List<TestBatch> sent = TestBatch.series("app.unacked", 3, TIME);
        for (TestBatch batch : sent) {
            connection.send(batch);
        }
        receiver.awaitEvents(3, TIMEOUT);
        assertFalse(connection.isBroken(), "no ack is overdue yet");

        skew.addAndGet(Duration.ofSeconds(31).toNanos());

        DeliveryException cause = client.listener().awaitBroken(TIMEOUT);
        assertEquals(DeliveryException.Kind.ACK_TIMEOUT, cause.kind());
        assertEquals("no ack within 30s (3 unacknowledged)", cause.getMessage());
        assertSame(cause, connection.failure());
        assertEquals(sent, connection.close(), "the unacknowledged batches come back in send order");
    }

    @Test
    void breaksWithAnAckMismatchWhenTheNodeAcknowledgesAChunkThatWasNeverSent() throws Exception {
        receiver.faults().wrongAckIds(true);
        DrivenConnection connection = open(ACKS);
        TestBatch batch = TestBatch.numbered("app", 1, TIME);

        connection.send(batch);

        DeliveryException cause = client.listener().awaitBroken(TIMEOUT);
        assertEquals(DeliveryException.Kind.ACK_MISMATCH, cause.kind());
        // the receiver makes the id up: "wrong-" and the base64 of 16 random bytes
        assertLinesMatch(
                List.of("the node acknowledged chunk 'wrong-[A-Za-z0-9+/]{22}==', which matches no batch in flight"),
                List.of(cause.getMessage()));
        assertEquals(List.of(), client.listener().acknowledged());
        assertEquals(List.of(batch), connection.close());
    }

    @Test
    void stopsWaitingForAcksAsSoonAsTheConnectionBreaks() throws Exception {
        receiver.faults().dropAcks(true);
        DrivenConnection connection = open(ACKS);
        TestBatch batch = TestBatch.numbered("app", 1, TIME);
        connection.send(batch);
        receiver.awaitEvents(1, TIMEOUT);

        receiver.close();
        DeliveryException cause = client.listener().awaitBroken(TIMEOUT);

        assertFalse(assertTimeoutPreemptively(TIMEOUT, () -> connection.awaitAcks(Duration.ofMinutes(1))),
                "no ack can come on a broken connection");
        assertEquals(DeliveryException.Kind.CLOSED_BY_PEER, cause.kind());
        assertEquals(List.of(batch), connection.close());
    }

    @Test
    void failsASendThatWaitsForRoomAsSoonAsTheConnectionBreaks() throws Exception {
        receiver.faults().dropAcks(true);
        DrivenConnection connection = open(ONE_IN_FLIGHT);
        TestBatch first = TestBatch.numbered("app.first", 1, TIME);
        connection.send(first);
        receiver.awaitEvents(1, TIMEOUT);
        BackgroundSend second = new BackgroundSend(connection, TestBatch.numbered("app.second", 1, TIME));
        second.startAndAwaitWaitingForRoom();

        receiver.close();

        DeliveryException e = second.awaitFailure();
        assertEquals(DeliveryException.Kind.CLOSED_BY_PEER, e.kind());
        assertEquals("the node closed the connection with 1 unacknowledged batch", e.getMessage());
        assertEquals(List.of(first), connection.close());
    }

    @Test
    void givesUpASendThatWaitsForRoomWhenItsThreadIsInterruptedAndKeepsTheInterrupt() throws Exception {
        receiver.faults().dropAcks(true);
        DrivenConnection connection = open(ONE_IN_FLIGHT);
        TestBatch first = TestBatch.numbered("app.first", 1, TIME);
        connection.send(first);
        BackgroundSend second = new BackgroundSend(connection, TestBatch.numbered("app.second", 1, TIME));
        second.startAndAwaitWaitingForRoom();

        second.thread.interrupt();

        DeliveryException e = second.awaitFailure();
        assertEquals(DeliveryException.Kind.CLOSED, e.kind());
        assertEquals("interrupted while waiting for acks", e.getMessage());
        assertTrue(second.interruptedAfterwards, "the interrupt flag must be restored");
        assertEquals(List.of(e), client.listener().breaks());
        assertEquals(List.of(first), connection.close());
    }

    private DrivenConnection open(WireOptions options) throws DeliveryException {
        return client.open(receiver.host(), receiver.port(), options);
    }

    /** A send on a thread of its own, so that the test can act while it waits for room in the window. */
    private static final class BackgroundSend {

        private final Thread thread;
        private volatile DeliveryException failure;
        private volatile boolean interruptedAfterwards;

        BackgroundSend(DrivenConnection connection, OutboundBatch batch) {
            thread = new Thread(() -> {
                try {
                    connection.send(batch);
                } catch (DeliveryException e) {
                    failure = e;
                }
                interruptedAfterwards = Thread.currentThread().isInterrupted();
            }, "background-send");
            thread.setDaemon(true);
        }

        void startAndAwaitWaitingForRoom() {
            thread.start();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            // the send's only timed wait is the one for room in the window
            while (thread.getState() != Thread.State.TIMED_WAITING) {
                if (System.nanoTime() > deadline || !thread.isAlive()) {
                    throw new AssertionError("the send did not wait for room in the window; it failed with " + failure);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }

        DeliveryException awaitFailure() throws InterruptedException {
            thread.join(TIMEOUT.toMillis());
            assertFalse(thread.isAlive(), "the send still waits for room " + TIMEOUT.toMillis() + " ms later");
            assertTrue(failure != null, "the send succeeded");
            return failure;
        }
    }
}
