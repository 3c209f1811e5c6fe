package io.forwardlog.internal.forward;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.forwardlog.internal.transport.Transport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A Forward client for the TLS and handshake tests: each call opens a real {@link DrivenConnection}
 * over the given transport and setup, then either delivers one acknowledged event or shows why the
 * connection was refused. Public for the transport package's tests.
 */
public final class SecureClient implements AutoCloseable {

    /** The tag of every event sent. */
    public static final String TAG = "secure.test";

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final WireOptions WIRE = WireOptions.defaults().withRequireAck(true).withAckTimeout(TIMEOUT)
            .withTimeouts(TIMEOUT, TIMEOUT);

    private final Transport transport;
    private final ConnectionSetup setup;
    private SecureClient(Transport transport, ConnectionSetup setup) {
        this.transport = transport;
        this.setup = setup;
    }

    /** A client without the Forward handshake. */
    public static SecureClient over(Transport transport) {
        return new SecureClient(transport, ConnectionSetup.NONE);
    }

    /** A client that runs {@code setup} (the shared-key handshake) on each connection. */
    public static SecureClient over(Transport transport, ConnectionSetup setup) {
        return new SecureClient(transport, setup);
    }

    /**
     * Connects, sends one event {@code {"message": message}} tagged {@link #TAG} with a chunk id, waits
     * for its ack and closes.
     *
     * @throws DeliveryException the connection was refused or broke
     */
    public void deliver(String host, int port, String message) throws DeliveryException, InterruptedException {
        DrivenConnection connection = connection(host, port);
        try {
            connection.open();
            connection.send(TestBatch.of(TAG).event(Instant.ofEpochSecond(1_700_000_000L), Map.of("message", message))
                    .build());
            if (!connection.awaitAcks(TIMEOUT)) {
                if (connection.isBroken()) {
                    throw connection.failure();
                }
                throw new AssertionError("no ack for '" + message + "' from " + host + ":" + port + " within " + TIMEOUT);
            }
        } finally {
            connection.close();
        }
    }

    /** Connects, expecting the connection to be refused; fails when it opens. Returns why it was refused. */
    public DeliveryException refusal(String host, int port) {
        DrivenConnection connection = connection(host, port);
        try {
            return assertThrows(DeliveryException.class, connection::open,
                    "the connection to " + host + ":" + port + " should have been refused");
        } finally {
            connection.close();
        }
    }

    /** Connects, runs the transport handshake (and the Forward one, if any), then closes. */
    public void connectAndClose(String host, int port) throws DeliveryException {
        DrivenConnection connection = connection(host, port);
        try {
            connection.open();
        } finally {
            connection.close();
        }
    }

    private DrivenConnection connection(String host, int port) {
        return new DrivenConnection(new NodeAddress("secure-test-node", host, port), transport, WIRE, setup,
                ConnectionListener.IGNORE);
    }

    @Override
    public void close() {
        // each call closes its own connection
    }
}
