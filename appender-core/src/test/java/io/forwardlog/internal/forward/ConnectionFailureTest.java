package io.forwardlog.internal.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.ReceivedEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a {@link ForwardConnection} fails on a real socket when the node cannot be reached, cuts the
 * connection or stops reading: each failure says what happened in words a person understands, and
 * the unacknowledged batches come back in send order. Ack failures are in {@link AckFailureTest}.
 */
class ConnectionFailureTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Instant TIME = Instant.ofEpochSecond(1_700_000_000L);
    private static final WireOptions ACKS = WireOptions.defaults().withRequireAck(true);

    private ForwardReceiver receiver;
    private ClientHarness client;

    @BeforeEach
    void start() throws IOException {
        receiver = ForwardReceiver.start();
        client = new ClientHarness();
    }

    @AfterEach
    void stop() {
        client.close();
        receiver.close();
    }

    @Test
    void breaksWhenTheNodeCutsTheConnectionInTheMiddleOfABatchAndHandsBackWhatWasNotAcknowledged() throws Exception {
        TestBatch acknowledged = TestBatch.series("app.acked", 1, TIME).get(0);
        List<TestBatch> unacknowledged = TestBatch.series("app.unacked", 3, TIME);
        // Armed before the first byte, so that no read is already under way without a limit. The node
        // reads the acknowledged batch and two more whole, and cuts the last one in half.
        receiver.faults().closeAfterBytes(frameLength(acknowledged) + frameLength(unacknowledged.get(0))
                + frameLength(unacknowledged.get(1)) + frameLength(unacknowledged.get(2)) / 2);
        DrivenConnection connection = open(ACKS);
        connection.send(acknowledged);
        client.listener().awaitAcknowledged(1, TIMEOUT);
        receiver.faults().dropAcks(true);

        for (TestBatch batch : unacknowledged) {
            try {
                connection.send(batch);
            } catch (DeliveryException cutWhileSending) {
                break; // the cut can be seen as soon as the last batch is out
            }
        }

        DeliveryException cause = client.listener().awaitBroken(TIMEOUT);
        assertEquals(DeliveryException.Kind.CLOSED_BY_PEER, cause.kind());
        // the node resets the connection (RST), as a crashed server would; an orderly close reads as
        // "the node closed the connection", see ForwardConnectionSessionTest
        assertEquals("connection lost (Connection reset) with 3 unacknowledged batches", cause.getMessage());
        assertEquals(unacknowledged, connection.close(), "the unacknowledged batches come back in send order");
        assertEquals(List.of("app.acked.1", "app.unacked.1", "app.unacked.2"), tags(receiver.events()));
    }

    @Test
    void failsToOpenWithConnectionRefusedWhenNothingListensOnThePort() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        DrivenConnection connection = client.connectionTo("127.0.0.1", freePort, ACKS, ConnectionSetup.NONE);

        DeliveryException e = assertThrows(DeliveryException.class, connection::open);

        assertEquals(DeliveryException.Kind.CONNECT_REFUSED, e.kind());
        assertEquals("connection refused", e.getMessage());
        assertEquals("node 'node-under-test' (127.0.0.1:" + freePort + ")", connection.node().describe());
        assertSame(e, connection.failure());
        assertEquals(List.of(e), client.listener().breaks(), "the listener hears of the end once, as its caller does");
        assertEquals(List.of(), connection.close());
    }

    @Test
    void failsASendWithASendTimeoutWhenTheNodeStopsReading() throws Exception {
        Duration sendTimeout = Duration.ofMillis(300);
        receiver.faults().stopReading(true);
        DrivenConnection connection = open(ACKS.withMaxInFlight(64).withTimeouts(TIMEOUT, sendTimeout));
        byte[] megabyte = TestBatch.of("app.big").event(TIME, Map.of("blob", new byte[1 << 20])).build().entries();
        List<TestBatch> written = new ArrayList<>();
        long[] lastSendStart = new long[1];

        // each write completes until the socket buffers on both sides are full: a few megabytes
        DeliveryException failure = assertThrows(DeliveryException.class, () -> {
            for (int i = 1; i <= 48; i++) {
                TestBatch batch = new TestBatch("app.big." + i, megabyte, 1);
                lastSendStart[0] = System.nanoTime();
                connection.send(batch);
                written.add(batch);
            }
        }, "48 MB went out although the node reads nothing");
        long failedSendNanos = System.nanoTime() - lastSendStart[0];

        assertEquals(DeliveryException.Kind.SEND_TIMEOUT, failure.kind());
        assertEquals("send did not complete within 300ms: the node is not reading", failure.getMessage());
        String gaveUp = "gave up after " + failedSendNanos / 1_000_000 + " ms";
        assertTrue(failedSendNanos >= sendTimeout.toNanos(), gaveUp);
        assertTrue(failedSendNanos < sendTimeout.plusSeconds(3).toNanos(), gaveUp);
        // the deadline check that gave up tells the listener, once
        assertSame(failure, client.listener().awaitBroken(TIMEOUT));
        assertEquals(List.of(failure), client.listener().breaks());
        List<OutboundBatch> back = connection.close();
        assertEquals(written, back.subList(0, written.size()),
                "the batches written before come back in send order, the one being written last");
        assertEquals(written.size() + 1, back.size(), "the batch being written comes back too: its fate is unknown");
    }

    private DrivenConnection open(WireOptions options) throws DeliveryException {
        return client.open(receiver.host(), receiver.port(), options);
    }

    /** The length of the frame that carries {@code batch} with an ack request; every chunk id has the same length. */
    private static long frameLength(TestBatch batch) throws IOException {
        long length = 0;
        for (java.nio.ByteBuffer part : new FrameWriter(ACKS).write(batch, ChunkIds.next())) {
            length += part.remaining();
        }
        return length;
    }

    private static List<String> tags(List<ReceivedEvent> events) {
        return events.stream().map(ReceivedEvent::tag).toList();
    }
}
