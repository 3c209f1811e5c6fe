package io.forwardlog.internal.forward;

import io.forwardlog.interop.ServerUnderTest;
import io.forwardlog.internal.transport.TcpTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The client side of a wire test: plain-TCP {@link ForwardConnection}s sharing one send-timeout
 * timer and one {@link RecordingListener}, all closed together.
 */
final class ClientHarness implements AutoCloseable {

    static final String NODE_NAME = "node-under-test";

    private final RecordingListener listener = new RecordingListener();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "forwardlog-test-send-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final List<ForwardConnection> connections = new ArrayList<>();

    RecordingListener listener() {
        return listener;
    }

    /** A connection to {@code server} that is not opened yet. */
    ForwardConnection connectionTo(ServerUnderTest server, WireOptions options, ConnectionSetup setup) {
        return connectionTo(server.host(), server.port(), options, setup);
    }

    /** A connection to {@code host:port} that is not opened yet. */
    ForwardConnection connectionTo(String host, int port, WireOptions options, ConnectionSetup setup) {
        ForwardConnection connection = new ForwardConnection(new NodeAddress(NODE_NAME, host, port),
                new TcpTransport(), options, setup, timer, listener);
        connections.add(connection);
        return connection;
    }

    /** An opened connection to {@code server}, without the shared-key handshake. */
    ForwardConnection open(ServerUnderTest server, WireOptions options) throws DeliveryException {
        return open(server.host(), server.port(), options);
    }

    /** An opened connection to {@code host:port}, without the shared-key handshake. */
    ForwardConnection open(String host, int port, WireOptions options) throws DeliveryException {
        ForwardConnection connection = connectionTo(host, port, options, ConnectionSetup.NONE);
        connection.open();
        return connection;
    }

    @Override
    public void close() {
        connections.forEach(ForwardConnection::close);
        timer.shutdownNow();
    }
}
