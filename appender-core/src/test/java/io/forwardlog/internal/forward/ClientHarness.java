package io.forwardlog.internal.forward;

import io.forwardlog.interop.ServerUnderTest;
import io.forwardlog.internal.transport.TcpTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The client side of a wire test: plain-TCP connections, each on a loop thread of its own, sharing one
 * {@link RecordingListener}, all closed together.
 */
final class ClientHarness implements AutoCloseable {

    static final String NODE_NAME = "node-under-test";

    private final RecordingListener listener = new RecordingListener();
    private final List<DrivenConnection> connections = new ArrayList<>();
    private final LongSupplier nanoTime;

    ClientHarness() {
        this(System::nanoTime);
    }

    /** @param nanoTime the clock the connections' deadlines are checked against */
    ClientHarness(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    RecordingListener listener() {
        return listener;
    }

    /** A connection to {@code server} that is not opened yet. */
    DrivenConnection connectionTo(ServerUnderTest server, WireOptions options, ConnectionSetup setup) {
        return connectionTo(server.host(), server.port(), options, setup);
    }

    /** A connection to {@code host:port} that is not opened yet. */
    DrivenConnection connectionTo(String host, int port, WireOptions options, ConnectionSetup setup) {
        DrivenConnection connection = new DrivenConnection(new NodeAddress(NODE_NAME, host, port),
                new TcpTransport(), options, setup, listener, nanoTime);
        connections.add(connection);
        return connection;
    }

    /** An opened connection to {@code server}, without the shared-key handshake. */
    DrivenConnection open(ServerUnderTest server, WireOptions options) throws DeliveryException {
        return open(server.host(), server.port(), options);
    }

    /** An opened connection to {@code host:port}, without the shared-key handshake. */
    DrivenConnection open(String host, int port, WireOptions options) throws DeliveryException {
        DrivenConnection connection = connectionTo(host, port, options, ConnectionSetup.NONE);
        connection.open();
        return connection;
    }

    @Override
    public void close() {
        connections.forEach(DrivenConnection::close);
    }
}
