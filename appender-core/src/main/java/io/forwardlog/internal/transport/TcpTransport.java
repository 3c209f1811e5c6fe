package io.forwardlog.internal.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Plain TCP: TCP_NODELAY and keep-alive on, the host resolved at each connect. */
public final class TcpTransport implements Transport {

    @Override
    public TransportConnection connect(String host, int port, Duration timeout) throws IOException {
        return new SocketConnection(openSocket(host, port, timeout));
    }

    /** Connects a plain socket; shared with the TLS transport, which layers over it. */
    static Socket openSocket(String host, int port, Duration timeout) throws IOException {
        // a new InetSocketAddress resolves the name now, so DNS changes are followed
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new java.net.UnknownHostException(host);
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(address, toMillis(timeout));
            return socket;
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    static int toMillis(Duration timeout) {
        long millis = timeout.toMillis();
        if (millis <= 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, millis));
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing after a failure: the first failure is the one that matters
        }
    }

    @Override
    public String toString() {
        return "tcp";
    }
}
