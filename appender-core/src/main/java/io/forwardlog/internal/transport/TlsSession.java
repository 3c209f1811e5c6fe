package io.forwardlog.internal.transport;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * TLS over a non-blocking channel through an {@link SSLEngine}. Three buffers: {@code netIn} holds
 * records read from the channel and not yet unwrapped, {@code netOut} records wrapped and not yet
 * written, {@code appIn} plaintext unwrapped and not yet read by the owner. {@code netOut} and
 * {@code appIn} are kept ready for reading (flipped); {@code netIn} ready for filling.
 */
final class TlsSession implements TransportSession {

    private static final ByteBuffer[] NOTHING = {ByteBuffer.allocate(0)};

    private final SSLEngine engine;
    private final String verifiedHost;
    private final TlsOffer offer;
    private final int debug;
    private ByteBuffer netIn;
    private ByteBuffer netOut;
    private ByteBuffer appIn;
    private boolean handshaken;
    private long received;

    TlsSession(SSLEngine engine, String verifiedHost, TlsOffer offer, int debug) throws TlsFailure {
        this.engine = engine;
        this.verifiedHost = verifiedHost;
        this.offer = offer;
        this.debug = debug;
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(packet);
        this.netOut = ByteBuffer.allocate(packet).flip();
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
        try {
            engine.beginHandshake();
        } catch (SSLException | RuntimeException e) {
            throw TlsFailures.classify(e, verifiedHost, offer, debug);
        }
    }

    @Override
    public Progress handshake(SocketChannel channel) throws IOException {
        try {
            while (true) {
                if (!flush(channel)) {
                    return Progress.NEED_WRITE;
                }
                HandshakeStatus status = engine.getHandshakeStatus();
                switch (status) {
                    case NOT_HANDSHAKING, FINISHED -> {
                        handshaken = true;
                        return Progress.DONE;
                    }
                    case NEED_TASK -> runTasks();
                    case NEED_WRAP -> wrap(NOTHING);
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                        if (unwrap(channel, true) < 0) {
                            return Progress.NEED_READ;
                        }
                    }
                }
            }
        } catch (TlsFailure e) {
            throw e;
        } catch (EOFException e) {
            throw new TlsFailure("TLS handshake failed: the node closed the connection during the TLS handshake "
                    + "(does it speak TLS on this port?)", e);
        } catch (SSLException e) {
            sendAlert(channel);
            throw TlsFailures.classify(e, verifiedHost, offer, debug);
        } catch (IOException | RuntimeException e) {
            throw TlsFailures.classify(e, verifiedHost, offer, debug);
        }
    }

    /**
     * After a failed handshake the engine holds the alert that says why (protocol_version,
     * bad_certificate...): send it, as a TLS socket would, so the node can tell what went wrong.
     * Best effort: the channel is closed right after.
     */
    private void sendAlert(SocketChannel channel) {
        try {
            engine.closeOutbound();
            for (int i = 0; i < 4 && !engine.isOutboundDone(); i++) {
                if (!flush(channel)) {
                    return;
                }
                wrap(NOTHING);
            }
            flush(channel);
        } catch (IOException | RuntimeException ignored) {
            // the handshake failed already; that failure is the one to report
        }
    }

    @Override
    public int read(SocketChannel channel, ByteBuffer dst) throws IOException {
        if (appIn.hasRemaining()) {
            return deliver(dst);
        }
        try {
            int produced = unwrap(channel, false);
            if (produced == -2) {
                return -1;
            }
            return appIn.hasRemaining() ? deliver(dst) : 0;
        } catch (EOFException e) {
            return -1;
        } catch (SSLException e) {
            throw new IOException("TLS error: " + TlsFailures.describe(e), e);
        }
    }

    @Override
    public long write(SocketChannel channel, ByteBuffer[] srcs) throws IOException {
        long consumed = 0;
        try {
            while (flush(channel) && remaining(srcs) > 0) {
                consumed += wrap(srcs);
            }
        } catch (SSLException e) {
            throw new IOException("TLS error: " + TlsFailures.describe(e), e);
        }
        return consumed;
    }

    @Override
    public long bytesReceived() {
        return received;
    }

    @Override
    public boolean hasPendingOutput() {
        return netOut.hasRemaining();
    }

    @Override
    public boolean flush(SocketChannel channel) throws IOException {
        while (netOut.hasRemaining()) {
            if (channel.write(netOut) == 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean closeOutput(SocketChannel channel) throws IOException {
        engine.closeOutbound();
        try {
            while (!engine.isOutboundDone()) {
                if (!flush(channel)) {
                    return false;
                }
                wrap(NOTHING);
            }
        } catch (SSLException e) {
            // the session is broken anyway: end the TCP stream all the same
        }
        if (!flush(channel)) {
            return false;
        }
        channel.shutdownOutput();
        return true;
    }

    /** Wraps application bytes into {@code netOut}, which must be empty; returns the bytes consumed. */
    private int wrap(ByteBuffer[] srcs) throws SSLException {
        while (true) {
            netOut.clear();
            SSLEngineResult result;
            try {
                result = engine.wrap(srcs, netOut);
            } finally {
                netOut.flip(); // whatever the engine produced, even when it throws (a fatal alert), is to be sent
            }
            switch (result.getStatus()) {
                case OK, CLOSED -> {
                    if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                        runTasks();
                    }
                    return result.bytesConsumed();
                }
                case BUFFER_OVERFLOW -> netOut = ByteBuffer.allocate(Math.max(netOut.capacity() * 2,
                        engine.getSession().getPacketBufferSize()));
                case BUFFER_UNDERFLOW -> throw new SSLException("TLS wrap reported an underflow");
            }
        }
    }

    /**
     * Unwraps one step: what {@code netIn} holds, reading from the channel when it is not a whole record.
     *
     * @return the plaintext bytes produced (0 for a handshake record), -1 when the channel has nothing
     *         now, -2 when the node ended the TLS session (close_notify)
     * @throws EOFException the channel reached its end
     */
    private int unwrap(SocketChannel channel, boolean inHandshake) throws IOException {
        while (true) {
            netIn.flip();
            appIn.compact();
            SSLEngineResult result;
            try {
                result = engine.unwrap(netIn, appIn);
            } finally {
                appIn.flip();
                netIn.compact();
            }
            switch (result.getStatus()) {
                case OK -> {
                    if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                        runTasks();
                    }
                    if (!inHandshake && handshaken && engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                        wrap(NOTHING); // a post-handshake message wants an answer (key update)
                        flush(channel);
                    }
                    if (result.bytesProduced() > 0 || (inHandshake && result.bytesConsumed() > 0)) {
                        return result.bytesProduced();
                    }
                    if (result.bytesConsumed() == 0 && !readMore(channel)) {
                        return -1;
                    }
                    // a record without plaintext (a session ticket) was consumed: go on with the rest
                }
                case CLOSED -> {
                    return inHandshake ? eof() : -2;
                }
                case BUFFER_OVERFLOW -> growAppIn();
                case BUFFER_UNDERFLOW -> {
                    if (!readMore(channel)) {
                        return -1;
                    }
                }
            }
        }
    }

    /** Reads more records into {@code netIn}; returns whether any came. */
    private boolean readMore(SocketChannel channel) throws IOException {
        if (!netIn.hasRemaining()) {
            growNetIn();
        }
        int read = channel.read(netIn);
        if (read < 0) {
            eof();
        }
        received += Math.max(0, read);
        return read > 0;
    }

    private static int eof() throws EOFException {
        throw new EOFException("the node closed the connection");
    }

    private int deliver(ByteBuffer dst) {
        int n = Math.min(dst.remaining(), appIn.remaining());
        ByteBuffer slice = appIn.slice(appIn.position(), n);
        dst.put(slice);
        appIn.position(appIn.position() + n);
        return n;
    }

    private void growAppIn() {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(appIn.capacity() * 2, engine.getSession().getApplicationBufferSize()));
        bigger.put(appIn).flip();
        appIn = bigger;
    }

    private void growNetIn() {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(netIn.capacity() * 2, engine.getSession().getPacketBufferSize()));
        netIn.flip();
        bigger.put(netIn);
        netIn = bigger;
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private static long remaining(ByteBuffer[] buffers) {
        long n = 0;
        for (ByteBuffer buffer : buffers) {
            n += buffer.remaining();
        }
        return n;
    }
}
