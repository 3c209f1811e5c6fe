package io.forwardlog.internal.forward;

import io.forwardlog.internal.transport.IoHandler;
import io.forwardlog.internal.transport.IoLoop;
import io.forwardlog.internal.transport.TlsFailure;
import io.forwardlog.internal.transport.Transport;
import io.forwardlog.internal.transport.TransportSession;
import io.forwardlog.internal.util.Durations;
import io.forwardlog.internal.util.Errors;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.msgpack.value.Value;

/**
 * One non-blocking connection to one node, owned by the thread of its {@link IoLoop}: connect, TLS,
 * the Forward handshake, then batches as Forward frames, with up to {@code maxInFlight} of them
 * unacknowledged at once, their acks matched by chunk id. Nothing here waits: every step is taken when
 * the channel is ready, and every wait has a deadline checked by {@link #poll}: connect, TLS and
 * handshake together within {@code connectTimeout}, one frame's write within {@code sendTimeout},
 * each ack within {@code ackResponseTimeout}.
 *
 * <p>A failure ends the connection for good; {@link #drain()} ends it in order instead: no new
 * batches, the acks of those in flight are still read, then our direction is closed (FIN) and the
 * node's end is awaited, so that the node reads everything we wrote.
 */
public final class ForwardConnection implements IoHandler {

    /** Replies are tiny; anything larger is not a Forward server talking. */
    private static final int MAX_REPLY = 64 * 1024;

    enum State { NEW, RESOLVING, CONNECTING, SECURING, AUTHENTICATING, OPEN, CLOSING, CLOSED }

    private final NodeAddress node;
    private final Transport transport;
    private final WireOptions options;
    private final ConnectionSetup setup;
    private final ConnectionListener listener;
    private final LongSupplier nanoTime;
    private final InFlightWindow window = new InFlightWindow();
    private final FrameWriter frames;
    private final ReplyReader replies = new ReplyReader(MAX_REPLY);
    private final ByteBuffer readBuffer = ByteBuffer.allocate(8 * 1024);

    private State state = State.NEW;
    private SocketChannel channel;
    private SelectionKey key;
    private TransportSession session;
    private ConnectionSetup.Exchange exchange;
    private String remoteAddress;
    private long openDeadlineNanos;
    private long closeDeadlineNanos = Long.MAX_VALUE;

    /** The frame or handshake message being written, or {@code null}. */
    private ByteBuffer[] output;
    /** The batch of {@link #output} when it was sent without an ack request, told as written once out. */
    private OutboundBatch unacknowledgedOutput;
    private long sendDeadlineNanos = Long.MAX_VALUE;
    /** Frames (batches and heartbeats) written out completely so far, and whether {@link #output} is one. */
    private long framesWritten;
    private boolean outputIsFrame;
    private String pingTag;
    private boolean draining;
    private boolean keepsAlive = true;
    private DeliveryException failure;
    /** From the write of the last acknowledged batch's frame to its ack, on the injected clock. */
    private long lastAckRoundTripNanos;

    /**
     * @param setup    what happens between connect and the first frame (the Forward handshake)
     * @param listener told what happens, on the loop's thread
     */
    public ForwardConnection(NodeAddress node, Transport transport, WireOptions options, ConnectionSetup setup,
                             ConnectionListener listener, LongSupplier nanoTime) {
        this.node = Objects.requireNonNull(node, "node");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.options = Objects.requireNonNull(options, "options");
        this.setup = Objects.requireNonNull(setup, "setup");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.frames = new FrameWriter(options);
    }

    /**
     * Starts connecting to {@code address} (resolved already); the rest happens as the channel becomes
     * ready. {@code startedNanos} is when the attempt began, resolution included: the connect deadline
     * counts from there.
     */
    public void open(IoLoop loop, InetSocketAddress address, long startedNanos) {
        if (state != State.NEW && state != State.RESOLVING) {
            throw new IllegalStateException("already opened");
        }
        state = State.CONNECTING;
        openDeadlineNanos = startedNanos + options.connectTimeout().toNanos();
        remoteAddress = address.getAddress().getHostAddress() + ":" + address.getPort();
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            key = loop.register(channel, 0, this);
            if (channel.connect(address)) {
                connected();
            } else {
                interest(SelectionKey.OP_CONNECT);
            }
        } catch (IOException e) {
            fail(ConnectFailures.classify(e, node.host(), options.connectTimeout()));
        }
    }

    /** The attempt began at {@code startedNanos} with a lookup of the host: the connect deadline counts from there. */
    public void resolving(long startedNanos) {
        if (state == State.NEW) {
            state = State.RESOLVING;
            openDeadlineNanos = startedNanos + options.connectTimeout().toNanos();
        }
    }

    /** Ends an attempt that never reached {@link #open}: the host did not resolve. */
    public void failBeforeOpen(DeliveryException cause) {
        fail(cause);
    }

    @Override
    public void ready(int readyOps) {
        try {
            switch (state) {
                case CONNECTING -> {
                    if (channel.finishConnect()) {
                        connected();
                    }
                }
                case SECURING -> secure();
                case AUTHENTICATING, OPEN, CLOSING -> {
                    if ((readyOps & SelectionKey.OP_WRITE) != 0) {
                        writeOutput();
                    }
                    if (state != State.CLOSED && (readyOps & SelectionKey.OP_READ) != 0) {
                        readReplies();
                    }
                }
                case NEW, RESOLVING, CLOSED -> { }
            }
        } catch (DeliveryException e) {
            fail(e);
        } catch (IOException e) {
            fail(ioFailure(e));
        }
    }

    @Override
    public void failed(RuntimeException error) {
        fail(new DeliveryException(DeliveryException.Kind.PROTOCOL,
                "connection lost: unexpected " + error.getClass().getSimpleName() + ": " + Errors.describe(error), error));
    }

    private void connected() throws IOException {
        session = transport.newSession(node.host(), node.port());
        if (transport.secure()) {
            state = State.SECURING;
            secure();
        } else {
            authenticate();
        }
    }

    private void secure() throws IOException {
        switch (session.handshake(channel)) {
            case DONE -> authenticate();
            case NEED_READ -> interest(SelectionKey.OP_READ);
            case NEED_WRITE -> interest(SelectionKey.OP_WRITE);
        }
    }

    private void authenticate() throws IOException {
        exchange = setup.begin();
        if (exchange == null) {
            established();
        } else {
            state = State.AUTHENTICATING;
            updateInterest();
        }
        if (state != State.CLOSED) {
            readReplies(); // TLS may already hold what the node sent first: no readiness event would say so
        }
    }

    private void established() {
        state = State.OPEN;
        updateInterest();
        listener.established(this);
    }

    /**
     * Whether a batch can be sent now: established, not draining, nothing being written, and with acks
     * fewer than {@code maxInFlight} batches unacknowledged.
     */
    public boolean canSend() {
        return state == State.OPEN && !draining && output == null && !session.hasPendingOutput()
                && (!options.requireAck() || window.batches() < options.maxInFlight());
    }

    /** How many frames (batches and heartbeats) have been written out completely. */
    public long framesWritten() {
        return framesWritten;
    }

    /** Whether a frame or the session's own bytes are still being written. */
    public boolean isWriting() {
        return output != null || (session != null && session.hasPendingOutput());
    }

    /**
     * Whether the connection is established but cannot take a batch now because the node has not read
     * or acknowledged enough of what it got.
     */
    public boolean isBusy() {
        return state == State.OPEN && !draining && !canSend();
    }

    /**
     * Sends one batch, which must be allowed by {@link #canSend()}. Without acks the listener hears
     * {@code written} once the frame is out; with acks, {@code acknowledged} when the node says so.
     *
     * @throws IOException the batch itself cannot be laid out as a frame (its entries are not
     *                     {@code [time, record]}); nothing was sent and the connection is unharmed
     */
    public void send(OutboundBatch batch) throws IOException {
        if (!canSend()) {
            throw new IllegalStateException("the connection cannot take a batch now");
        }
        String chunkId = options.requireAck() ? ChunkIds.next() : null;
        ByteBuffer[] frame = frames.write(batch, chunkId);
        if (chunkId != null) {
            long now = nanoTime.getAsLong();
            window.add(chunkId, batch, now, now + options.ackTimeout().toNanos());
        } else {
            unacknowledgedOutput = batch;
        }
        startOutput(frame);
    }

    /**
     * Sends a heartbeat on this connection (an empty Forward message with a chunk id, whose ack comes
     * back as {@link HeartbeatPing}) as soon as nothing else is being written; at most one is in flight.
     * Whatever {@code requireAck} says.
     */
    public void ping(String tag) {
        if (state != State.OPEN || window.hasPing()) {
            return;
        }
        pingTag = tag;
        if (output == null) {
            sendPing();
        }
    }

    /** Whether a heartbeat sent here is still unacknowledged. */
    public boolean pingInFlight() {
        return window.hasPing() || pingTag != null;
    }

    private void sendPing() {
        String chunkId = ChunkIds.next();
        long now = nanoTime.getAsLong();
        window.add(chunkId, new HeartbeatPing(pingTag), now, now + options.ackTimeout().toNanos());
        ByteBuffer[] frame = frames.ping(pingTag, chunkId);
        pingTag = null;
        startOutput(frame);
    }

    private void startOutput(ByteBuffer[] buffers) {
        output = buffers;
        outputIsFrame = true;
        sendDeadlineNanos = nanoTime.getAsLong() + options.sendTimeout().toNanos();
        try {
            writeOutput();
        } catch (DeliveryException e) {
            fail(e);
        } catch (IOException e) {
            fail(ioFailure(e));
        }
    }

    private void writeOutput() throws IOException {
        if (output != null) {
            session.write(channel, output);
            if (remaining(output) == 0) {
                output = null;
            }
        }
        if (output == null && session.flush(channel)) {
            sendDeadlineNanos = Long.MAX_VALUE;
            if (outputIsFrame) {
                outputIsFrame = false;
                framesWritten++;
            }
            OutboundBatch written = unacknowledgedOutput;
            unacknowledgedOutput = null;
            if (written != null) {
                listener.written(this, written);
            }
            if (state == State.OPEN && pingTag != null) {
                sendPing();
                return;
            }
            if (state == State.CLOSING) {
                closeOutput();
                return;
            }
            settleIfDraining();
        }
        if (state != State.CLOSED) {
            updateInterest();
        }
    }

    private void readReplies() throws IOException {
        while (state != State.CLOSED) {
            readBuffer.clear();
            int n = session.read(channel, readBuffer);
            if (n < 0) {
                endOfStream();
                return;
            }
            if (n == 0) {
                return;
            }
            readBuffer.flip();
            Value reply;
            try {
                replies.feed(readBuffer);
                while (state != State.CLOSED && (reply = replies.next()) != null) {
                    handle(reply);
                }
            } catch (DeliveryException e) {
                if (state == State.AUTHENTICATING && e.kind() == DeliveryException.Kind.PROTOCOL) {
                    throw new DeliveryException(DeliveryException.Kind.PROTOCOL, "handshake failed: waiting for "
                            + exchange.awaiting() + ", " + e.getMessage(), e);
                }
                throw e;
            }
        }
    }

    private void handle(Value message) throws IOException {
        if (state == State.AUTHENTICATING) {
            ConnectionSetup.Step step = exchange.receive(message);
            keepsAlive = step.keepAlive();
            if (step.reply() != null) {
                output = new ByteBuffer[] {ByteBuffer.wrap(step.reply())};
                writeOutput();
            }
            if (step.done()) {
                exchange = null;
                established();
            }
            return;
        }
        String chunk = ackOf(message);
        if (chunk == null && isHelo(message)) {
            throw new DeliveryException(DeliveryException.Kind.AUTHENTICATION,
                    "the node requires the shared-key handshake (it sent HELO) but no shared_key is set for it");
        }
        if (chunk == null) {
            throw new DeliveryException(DeliveryException.Kind.PROTOCOL,
                    "unexpected message from the node: " + Messages.describe(message));
        }
        InFlightWindow.InFlight done = window.acknowledge(chunk);
        if (done == null) {
            throw new DeliveryException(DeliveryException.Kind.ACK_MISMATCH,
                    "the node acknowledged chunk '" + Messages.abbreviate(chunk) + "', which matches no batch in flight");
        }
        lastAckRoundTripNanos = nanoTime.getAsLong() - done.sentNanos();
        listener.acknowledged(this, done.batch());
        settleIfDraining();
    }

    private void endOfStream() {
        switch (state) {
            case AUTHENTICATING -> fail(SharedKeyHandshake.closedDuring(exchange.awaiting()));
            case CLOSING -> {
                if (window.batches() == 0 && output == null) {
                    end(null);
                } else {
                    fail(new DeliveryException(DeliveryException.Kind.CLOSED_BY_PEER, closedMessage()));
                }
            }
            default -> fail(new DeliveryException(DeliveryException.Kind.CLOSED_BY_PEER, closedMessage()));
        }
    }

    /**
     * Checks the deadlines at {@code nowNanos}: a connection not established within
     * {@code connectTimeout}, a frame not written within {@code sendTimeout}, an ack overdue, or a closing
     * node that does not end its side in time.
     *
     * @return the next deadline, or {@code Long.MAX_VALUE}
     */
    public long poll(long nowNanos) {
        switch (state) {
            case NEW, CLOSED -> {
                return Long.MAX_VALUE;
            }
            case RESOLVING, CONNECTING, SECURING, AUTHENTICATING -> {
                if (nowNanos - openDeadlineNanos >= 0) {
                    fail(openTimeout());
                    return Long.MAX_VALUE;
                }
            }
            case CLOSING -> {
                if (nowNanos - closeDeadlineNanos >= 0) {
                    // the node did not end its side after ours: nothing of ours is left to read
                    end(window.batches() == 0 ? null : ackTimeout());
                    return Long.MAX_VALUE;
                }
            }
            case OPEN -> { }
        }
        if (nowNanos - sendDeadlineNanos >= 0) {
            fail(new DeliveryException(DeliveryException.Kind.SEND_TIMEOUT, "send did not complete within "
                    + Durations.format(options.sendTimeout()) + ": the node is not reading"));
            return Long.MAX_VALUE;
        }
        long ackDue = window.earliestAckDueNanos();
        if (ackDue != Long.MAX_VALUE && nowNanos - ackDue >= 0) {
            fail(ackTimeout());
            return Long.MAX_VALUE;
        }
        long next = Math.min(sendDeadlineNanos, ackDue);
        if (state == State.CLOSING) {
            next = Math.min(next, closeDeadlineNanos);
        } else if (state != State.OPEN) {
            next = Math.min(next, openDeadlineNanos);
        }
        return next;
    }

    /**
     * Ends the connection in order: no new batches; once what is being written is out and every batch of
     * events in flight is acknowledged (or its ack overdue, which breaks the connection as usual), our
     * direction is closed and the node's end awaited, at most {@code sendTimeout}. A heartbeat's answer is
     * not waited for: it is still read if it comes before the node's end. A connection not yet established
     * is closed at once.
     */
    public void drain() {
        if (state == State.CLOSED) {
            return;
        }
        if (state != State.OPEN) {
            end(null);
            return;
        }
        draining = true;
        pingTag = null;
        settleIfDraining();
    }

    public boolean isDraining() {
        return draining;
    }

    private void settleIfDraining() {
        if (draining && state == State.OPEN && output == null && window.batches() == 0) {
            state = State.CLOSING;
            closeDeadlineNanos = nanoTime.getAsLong() + options.sendTimeout().toNanos();
            try {
                closeOutput();
            } catch (IOException e) {
                end(null); // we wanted to close anyway, and nothing is in flight
            }
        }
    }

    private void closeOutput() throws IOException {
        if (session.closeOutput(channel)) {
            interest(SelectionKey.OP_READ);
        } else {
            interest(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    /**
     * Closes at once, whatever is in flight (the appender stops, or gives up on the node). Idempotent;
     * the listener hears {@code ended}.
     */
    public void abort() {
        if (state != State.CLOSED) {
            end(null);
        }
    }

    /**
     * Hands back, once, the batches this connection took and did not deliver: those unacknowledged, in send
     * order, and one still being written without acks. Call after the connection ended.
     */
    public List<OutboundBatch> takeBack() {
        List<OutboundBatch> back = new ArrayList<>(window.drain());
        if (unacknowledgedOutput != null) {
            back.add(unacknowledgedOutput);
            unacknowledgedOutput = null;
        }
        return back;
    }

    /** Records the first failure, closes the channel and tells the listener. */
    void fail(DeliveryException cause) {
        if (state != State.CLOSED) {
            failure = cause;
            end(cause);
        }
    }

    private void end(DeliveryException cause) {
        state = State.CLOSED;
        output = null;
        pingTag = null;
        if (key != null) {
            key.cancel();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing: the first failure, if any, is the one that matters
            }
        }
        listener.ended(this, cause);
    }

    private DeliveryException openTimeout() {
        return switch (state) {
            case SECURING -> new DeliveryException(DeliveryException.Kind.TLS, session.bytesReceived() == 0
                    ? "TLS handshake failed: no answer from the node within " + Durations.format(options.connectTimeout())
                            + " (is TLS enabled on it?)"
                    : "TLS handshake failed: not done within " + Durations.format(options.connectTimeout())
                            + ": the node answers too slowly");
            case AUTHENTICATING -> replies.hasPartialValue()
                    ? SharedKeyHandshake.tooSlowDuring(exchange.awaiting(), options.connectTimeout())
                    : SharedKeyHandshake.silentDuring(exchange.awaiting(), options.connectTimeout());
            case RESOLVING -> new DeliveryException(DeliveryException.Kind.UNKNOWN_HOST, "cannot resolve host '"
                    + node.host() + "' within " + Durations.format(options.connectTimeout()));
            default -> new DeliveryException(DeliveryException.Kind.CONNECT_TIMEOUT,
                    "no answer to connect within " + Durations.format(options.connectTimeout()));
        };
    }

    private DeliveryException ioFailure(IOException e) {
        if (e instanceof DeliveryException d) {
            return d;
        }
        return switch (state) {
            case CONNECTING -> ConnectFailures.classify(e, node.host(), options.connectTimeout());
            case SECURING -> e instanceof TlsFailure ? new DeliveryException(DeliveryException.Kind.TLS, e.getMessage(), e)
                    : new DeliveryException(DeliveryException.Kind.TLS, "TLS handshake failed: " + Errors.describe(e), e);
            case AUTHENTICATING -> new DeliveryException(DeliveryException.Kind.AUTHENTICATION,
                    "connection lost during the handshake: " + Errors.describe(e), e);
            default -> output != null || unacknowledgedOutput != null
                    ? new DeliveryException(DeliveryException.Kind.SEND_FAILED, "send failed: " + Errors.describe(e), e)
                    : new DeliveryException(DeliveryException.Kind.CLOSED_BY_PEER,
                    "connection lost (" + Errors.describe(e) + ")" + unacknowledged(window.batches()), e);
        };
    }

    private DeliveryException ackTimeout() {
        return new DeliveryException(DeliveryException.Kind.ACK_TIMEOUT,
                "no ack within " + Durations.format(options.ackTimeout()) + " (" + window.batches() + " unacknowledged)");
    }

    private String closedMessage() {
        return "the node closed the connection" + unacknowledged(window.batches());
    }

    private static String unacknowledged(int inFlight) {
        return inFlight == 0 ? "" : " with " + inFlight + " unacknowledged batch" + (inFlight == 1 ? "" : "es");
    }

    private void updateInterest() {
        boolean writing = output != null || (session != null && session.hasPendingOutput());
        interest(SelectionKey.OP_READ | (writing ? SelectionKey.OP_WRITE : 0));
    }

    private void interest(int ops) {
        if (key != null && key.isValid()) {
            key.interestOps(ops);
        }
    }

    /** The chunk an ack names, or {@code null}; whatever bytes the node put in it. */
    static String ackOf(Value message) {
        if (!message.isMapValue()) {
            return null;
        }
        for (Map.Entry<Value, Value> entry : message.asMapValue().entrySet()) {
            if ("ack".equals(Messages.text(entry.getKey()))) {
                return Messages.text(entry.getValue());
            }
        }
        return null;
    }

    static boolean isHelo(Value message) {
        return message.isArrayValue() && message.asArrayValue().size() > 0
                && "HELO".equals(Messages.text(message.asArrayValue().get(0)));
    }

    private static long remaining(ByteBuffer[] buffers) {
        long n = 0;
        for (ByteBuffer buffer : buffers) {
            n += buffer.remaining();
        }
        return n;
    }

    /** Whether the node keeps this connection for more batches (its HELO did not say {@code keepalive: false}). */
    public boolean keepsAlive() {
        return keepsAlive;
    }

    /** Whether it is established and not ending. */
    public boolean isOpen() {
        return state == State.OPEN && !draining;
    }

    public boolean isEnded() {
        return state == State.CLOSED;
    }

    /** Batches of events in flight. */
    public int inFlight() {
        return window.batches() + (unacknowledgedOutput != null ? 1 : 0);
    }

    /**
     * How long the batch (or heartbeat) the listener was last told {@code acknowledged} of took, from the
     * moment its frame was written to the connection until its ack was read.
     */
    public long lastAckRoundTripNanos() {
        return lastAckRoundTripNanos;
    }

    /** Why the connection broke, or {@code null}. */
    public DeliveryException failure() {
        return failure;
    }

    public NodeAddress node() {
        return node;
    }

    public WireOptions options() {
        return options;
    }

    /** The address connected to, e.g. {@code 127.0.0.1:24224}, or the configured one before connecting. */
    public String remoteAddress() {
        return remoteAddress != null ? remoteAddress : node.host() + ":" + node.port();
    }

    State state() {
        return state;
    }

    @Override
    public String toString() {
        return "ForwardConnection[" + node + ", " + state + (failure != null ? ": " + failure.getMessage() : "") + "]";
    }
}
