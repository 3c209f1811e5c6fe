package io.forwardlog.internal.forward;

import io.forwardlog.internal.transport.Transport;
import io.forwardlog.internal.transport.TransportConnection;
import io.forwardlog.internal.util.Durations;
import io.forwardlog.internal.util.Errors;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * One connection to one node, used by one sending thread. It writes batches as Forward frames and,
 * with acks, keeps up to {@code maxInFlight} of them unacknowledged at once; an ack-reader thread
 * matches acks by chunk id. Any failure breaks the connection for good: the owner closes it, takes
 * back the unacknowledged batches and opens a new one (or tries another node).
 */
public final class ForwardConnection {

    private static final int WRITE_BUFFER = 64 * 1024;

    private final NodeAddress node;
    private final Transport transport;
    private final WireOptions options;
    private final ConnectionSetup setup;
    private final ScheduledExecutorService timer;
    private final ConnectionListener listener;
    private final InFlightWindow window = new InFlightWindow();
    private final AtomicReference<DeliveryException> failure = new AtomicReference<>();

    private TransportConnection io;
    private FrameWriter writer;
    private Thread ackReader;
    private boolean closed;
    private boolean keepsAlive = true;

    /**
     * @param setup    what happens between connect and the first frame (the Forward handshake)
     * @param timer    runs send-timeout watchdogs; owned by the caller
     * @param listener told about acks and about the connection breaking
     */
    public ForwardConnection(NodeAddress node, Transport transport, WireOptions options, ConnectionSetup setup,
                             ScheduledExecutorService timer, ConnectionListener listener) {
        this.node = Objects.requireNonNull(node, "node");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.options = Objects.requireNonNull(options, "options");
        this.setup = Objects.requireNonNull(setup, "setup");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Connects, runs the transport and Forward handshakes, and starts reading acks. */
    public void open() throws DeliveryException {
        if (io != null) {
            throw new IllegalStateException("already opened");
        }
        try {
            io = transport.connect(node.host(), node.port(), options.connectTimeout());
        } catch (IOException e) {
            DeliveryException cause = ConnectFailures.classify(e, node.host(), options.connectTimeout());
            failure.compareAndSet(null, cause);
            throw cause;
        }
        MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(io.input());
        BufferedOutputStream out = new BufferedOutputStream(io.output(), WRITE_BUFFER);
        try {
            io.readTimeout(options.connectTimeout());
            keepsAlive = setup.establish(unpacker, out, options.connectTimeout());
            io.readTimeout(Duration.ZERO);
        } catch (IOException e) {
            DeliveryException cause = e instanceof DeliveryException d ? d
                    : new DeliveryException(DeliveryException.Kind.CONNECT_FAILED,
                    "connection lost during the handshake: " + Errors.describe(e), e);
            fail(cause);
            throw failure.get();
        }
        writer = new FrameWriter(out, options);
        ackReader = new Thread(new AckReader(unpacker, window, this, listener),
                "forwardlog-ack-reader-" + node.name());
        ackReader.setDaemon(true);
        ackReader.start();
    }

    /**
     * Writes one batch. Without acks the batch is delivered when this returns; with acks it is in
     * flight until {@link ConnectionListener#acknowledged} is called for it. Waits for room when
     * {@code maxInFlight} batches are unacknowledged, at most until the oldest one's ack is due.
     *
     * @throws DeliveryException the connection is broken; {@code batch} was not sent (the batches
     *                           still in flight come back from {@link #close()})
     */
    public void send(OutboundBatch batch) throws DeliveryException {
        String chunkId = options.requireAck() ? ChunkIds.next() : null;
        write(batch, chunkId, () -> writer.write(batch, chunkId));
    }

    /**
     * Sends a heartbeat on this connection: an empty Forward message with a chunk id, whose ack
     * reaches the listener as {@link HeartbeatPing}. Used whatever {@code requireAck} says.
     */
    public void ping(String tag) throws DeliveryException {
        String chunkId = ChunkIds.next();
        write(new HeartbeatPing(tag), chunkId, () -> writer.writePing(tag, chunkId));
    }

    private interface FrameWrite {
        void run() throws IOException;
    }

    private void write(OutboundBatch batch, String chunkId, FrameWrite frame) throws DeliveryException {
        throwIfBroken();
        if (writer == null) {
            throw new IllegalStateException("not opened");
        }
        if (chunkId != null) {
            awaitRoom();
            // registered before the write, so an ack that arrives at once finds its batch
            window.add(chunkId, batch, System.nanoTime() + options.ackTimeout().toNanos());
        }
        ScheduledFuture<?> watchdog;
        try {
            watchdog = timer.schedule(this::sendTimedOut, options.sendTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the owner's timer is gone: it is stopping, and so is this connection
            fail(new DeliveryException(DeliveryException.Kind.CLOSED, "connection closed: the appender is stopping", e));
            if (chunkId != null) {
                window.remove(chunkId);
            }
            throw failure.get();
        }
        try {
            frame.run();
        } catch (IOException | RuntimeException e) {
            if (chunkId != null) {
                window.remove(chunkId);
            }
            fail(new DeliveryException(DeliveryException.Kind.SEND_FAILED, "send failed: " + Errors.describe(e), e));
            throw failure.get();
        } finally {
            watchdog.cancel(false);
        }
        if (isBroken() && failure.get().kind() == DeliveryException.Kind.SEND_TIMEOUT) {
            // the watchdog fired as the write completed: the connection is gone, the batch with it
            if (chunkId != null) {
                window.remove(chunkId);
            }
            throw failure.get();
        }
    }

    /** Breaks the connection when the oldest unacknowledged batch is overdue at {@code nowNanos}. */
    public void checkAckDeadline(long nowNanos) {
        if (!isBroken() && window.earliestAckDueNanos() <= nowNanos) {
            fail(ackTimeout());
        }
    }

    /**
     * Waits until every batch in flight is acknowledged, the connection breaks, or {@code timeout}
     * passes; returns whether nothing is left in flight.
     */
    public boolean awaitAcks(Duration timeout) throws InterruptedException {
        return window.awaitEmpty(System.nanoTime() + timeout.toNanos()) && !isBroken();
    }

    /**
     * Whether the node keeps this connection for more batches; when it does not (its HELO said
     * {@code keepalive: false}), the owner sends one batch on it and closes it once acknowledged.
     */
    public boolean keepsAlive() {
        return keepsAlive;
    }

    public int inFlight() {
        return window.size();
    }

    public boolean isBroken() {
        return failure.get() != null;
    }

    /** Why the connection broke, or {@code null}. */
    public DeliveryException failure() {
        return failure.get();
    }

    public NodeAddress node() {
        return node;
    }

    /** The address connected to, e.g. {@code 127.0.0.1:24224}, or the configured one before connecting. */
    public String remoteAddress() {
        return io == null ? node.host() + ":" + node.port() : io.remoteAddress();
    }

    /**
     * Closes the connection and hands back the batches sent but not acknowledged, in send order, for
     * the owner to send again. Idempotent.
     */
    public List<OutboundBatch> close() {
        synchronized (this) {
            if (closed) {
                return List.of();
            }
            closed = true;
        }
        failure.compareAndSet(null, new DeliveryException(DeliveryException.Kind.CLOSED, "connection closed"));
        if (io != null) {
            io.abort();
        }
        if (ackReader != null && ackReader != Thread.currentThread()) {
            try {
                ackReader.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<OutboundBatch> unacked = new ArrayList<>();
        for (OutboundBatch batch : window.drain()) {
            if (!(batch instanceof HeartbeatPing)) {
                unacked.add(batch);
            }
        }
        return unacked;
    }

    /**
     * Records the first failure, drops the socket and closes the window so blocked threads wake, and
     * tells the listener once.
     */
    void fail(DeliveryException cause) {
        if (failure.compareAndSet(null, cause)) {
            window.close();
            if (io != null) {
                io.abort();
            }
            listener.broken(this, cause);
        }
    }

    private void awaitRoom() throws DeliveryException {
        try {
            while (!window.awaitRoom(options.maxInFlight(), window.earliestAckDueNanos())) {
                throwIfBroken();
                if (window.earliestAckDueNanos() <= System.nanoTime()) {
                    fail(ackTimeout());
                    throw failure.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(new DeliveryException(DeliveryException.Kind.CLOSED, "interrupted while waiting for acks", e));
            throw failure.get();
        }
        throwIfBroken();
    }

    private DeliveryException ackTimeout() {
        return new DeliveryException(DeliveryException.Kind.ACK_TIMEOUT,
                "no ack within " + Durations.format(options.ackTimeout()) + " (" + window.size() + " unacknowledged)");
    }

    private void sendTimedOut() {
        fail(new DeliveryException(DeliveryException.Kind.SEND_TIMEOUT,
                "send did not complete within " + Durations.format(options.sendTimeout()) + ": the node is not reading"));
    }

    private void throwIfBroken() throws DeliveryException {
        DeliveryException cause = failure.get();
        if (cause != null) {
            throw cause;
        }
    }

    @Override
    public String toString() {
        return "ForwardConnection[" + node + ", " + (isBroken() ? "broken: " + failure.get().getMessage() : "open") + "]";
    }
}
