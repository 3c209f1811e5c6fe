package io.forwardlog.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

/**
 * A connection over a socket. {@code socket} is what is read and written (a TLS socket for TLS);
 * {@code raw} is the TCP socket underneath, closed by {@link #abort()} so that a blocked TLS write
 * fails at once instead of waiting for the TLS layer's own locks.
 */
final class SocketConnection implements TransportConnection {

    private final Socket socket;
    private final Socket raw;
    private final InputStream input;
    private final OutputStream output;
    private final String remoteAddress;

    SocketConnection(Socket socket) throws IOException {
        this(socket, socket);
    }

    SocketConnection(Socket socket, Socket raw) throws IOException {
        this.socket = socket;
        this.raw = raw;
        this.input = socket.getInputStream();
        this.output = socket.getOutputStream();
        this.remoteAddress = raw.getInetAddress().getHostAddress() + ":" + raw.getPort();
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout(TcpTransport.toMillis(timeout));
    }

    @Override
    public void abort() {
        TcpTransport.closeQuietly(raw);
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public void close() throws IOException {
        try {
            socket.close();
        } finally {
            raw.close();
        }
    }
}
