package io.forwardlog.internal.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A non-blocking byte stream over a connected {@link SocketChannel}: the bytes as they are (TCP), or
 * through an {@link javax.net.ssl.SSLEngine} (TLS). Each call does what the channel allows now and
 * returns; nothing here waits. Owned by the I/O thread of the connection, like the channel.
 */
public interface TransportSession {

    /** What the transport handshake needs next. */
    enum Progress {
        /** Application bytes may flow. */
        DONE,
        /** Waiting for bytes from the node. */
        NEED_READ,
        /** Waiting for the channel to take our bytes. */
        NEED_WRITE
    }

    /**
     * Moves the transport handshake on as far as the channel allows.
     *
     * @throws TlsFailure the handshake failed; the message says why in words
     */
    Progress handshake(SocketChannel channel) throws IOException;

    /** Reads application bytes into {@code dst}: how many, 0 when none are there now, -1 at the end of the stream. */
    int read(SocketChannel channel, ByteBuffer dst) throws IOException;

    /**
     * Writes as much of {@code srcs} as the channel takes now.
     *
     * @return the application bytes consumed; some may still wait in the session ({@link #hasPendingOutput()})
     */
    long write(SocketChannel channel, ByteBuffer[] srcs) throws IOException;

    /** How many bytes the node sent so far, as they came off the channel: tells a slow node from a silent one. */
    long bytesReceived();

    /** Whether bytes the session made (TLS records) still wait for the channel. */
    boolean hasPendingOutput();

    /** Writes the session's pending bytes; returns whether none are left. */
    boolean flush(SocketChannel channel) throws IOException;

    /**
     * Ends our direction of the stream once everything written so far is out: TLS close_notify, then a TCP
     * half-close (FIN). Reading goes on, so the node's last replies are still read and the node reads
     * everything before it sees the end: closing a socket that still receives makes the kernel reset it,
     * and the node would drop what it had not read yet.
     *
     * @return whether the end was sent; if not, call again when the channel is writable
     */
    boolean closeOutput(SocketChannel channel) throws IOException;
}
