package io.forwardlog.internal.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.interop.ServedEvent;
import io.forwardlog.interop.ServerKind;
import io.forwardlog.interop.ServerUnderTest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A {@link ForwardConnection}'s conversation with two independent servers: acks, heartbeat pings,
 * a server that wants a shared key, and a server that goes away.
 */
class ForwardConnectionSessionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant TIME = Instant.ofEpochSecond(1_700_000_000L, 42);
    private static final WireOptions ACKS = WireOptions.defaults().withRequireAck(true);

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void tellsTheListenerOfEveryAckInSendOrderAndEmptiesTheWindow(ServerKind kind) throws Exception {
        List<TestBatch> batches = List.of(TestBatch.numbered("app.one", 2, TIME),
                TestBatch.numbered("app.two", 1, TIME), TestBatch.numbered("app.three", 3, TIME));
        try (ServerUnderTest server = kind.start(); ClientHarness client = new ClientHarness()) {
            DrivenConnection connection = client.open(server, ACKS);

            for (TestBatch batch : batches) {
                connection.send(batch);
            }

            assertEquals(batches, client.listener().awaitAcknowledged(3, TIMEOUT));
            assertTrue(connection.awaitAcks(TIMEOUT), "the window should be empty");
            assertEquals(0, connection.inFlight());
            assertEquals(6, server.awaitEvents(6, TIMEOUT).size());
            assertEquals(List.of(), connection.close(), "acknowledged batches are not handed back");
            assertEquals(List.of(), client.listener().breaks());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void hasAHeartbeatPingAcknowledgedEvenWithoutAcksAndRecordsNoEvent(ServerKind kind) throws Exception {
        try (ServerUnderTest server = kind.start(); ClientHarness client = new ClientHarness()) {
            DrivenConnection connection = client.open(server, WireOptions.defaults());

            connection.ping("forwardlog.heartbeat");

            assertEquals(List.of(new HeartbeatPing("forwardlog.heartbeat")),
                    client.listener().awaitAcknowledged(1, TIMEOUT));
            assertEquals(0, connection.inFlight());
            // the server handles one connection's frames in order: had the ping made an event, it would come first
            connection.send(TestBatch.numbered("app.after-ping", 1, TIME));
            assertEquals(List.of(ServedEvent.withEventTime("app.after-ping", TIME,
                    Map.of("n", 0, "message", "event 0"))), server.awaitEvents(1, TIMEOUT));
            assertEquals(List.of(), connection.close());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void breaksWithAnAuthenticationErrorWhenTheNodeWantsASharedKeyThatIsNotConfigured(ServerKind kind)
            throws IOException {
        try (ServerUnderTest server = kind.startWithSharedKey("the-servers-key");
             ClientHarness client = new ClientHarness()) {
            DrivenConnection connection = client.open(server, ACKS);

            DeliveryException cause = client.listener().awaitBroken(TIMEOUT);

            assertEquals(DeliveryException.Kind.AUTHENTICATION, cause.kind());
            assertEquals("the node requires the shared-key handshake (it sent HELO) but no shared_key is set for it",
                    cause.getMessage());
            assertSame(cause, assertThrows(DeliveryException.class,
                    () -> connection.send(TestBatch.numbered("app", 1, TIME))));
            assertSame(cause, connection.failure());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void breaksWhenTheNodeGoesAwayAndSaysSoOnce(ServerKind kind) throws IOException {
        try (ServerUnderTest server = kind.start(); ClientHarness client = new ClientHarness()) {
            DrivenConnection connection = client.open(server, ACKS);
            connection.send(TestBatch.numbered("app.before", 1, TIME));
            client.listener().awaitAcknowledged(1, TIMEOUT);

            server.close();

            DeliveryException cause = client.listener().awaitBroken(TIMEOUT);
            assertEquals(DeliveryException.Kind.CLOSED_BY_PEER, cause.kind());
            assertEquals("the node closed the connection", cause.getMessage());
            assertEquals(List.of(), connection.close());
            assertEquals(List.of(cause), client.listener().breaks());
        }
    }
}
