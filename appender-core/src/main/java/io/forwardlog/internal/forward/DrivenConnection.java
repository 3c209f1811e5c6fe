package io.forwardlog.internal.forward;

import io.forwardlog.internal.OwnThreads;
import io.forwardlog.internal.transport.IoLoop;
import io.forwardlog.internal.transport.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * One {@link ForwardConnection} on a loop thread of its own, used through blocking calls: for the
 * upstream check, which talks to one node after another, and for tests. The connection's state stays
 * with the loop thread; callers hand it work and wait for what it publishes. The listener is called on
 * the loop thread.
 */
public final class DrivenConnection {

    private static final long IDLE_NANOS = 50_000_000L;

    private final ForwardConnection connection;
    private final IoLoop loop;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final ConnectionListener listener;
    private final NodeAddress node;
    private final LongSupplier nanoTime;

    // published by the loop thread, read under this monitor
    private boolean established;
    private boolean ended;
    private DeliveryException failure;
    private int inFlight;
    private boolean canSend;
    private long framesWritten;
    private boolean keepsAlive = true;
    private String remoteAddress;
    private List<OutboundBatch> returned = List.of();
    private boolean stopped;

    public DrivenConnection(NodeAddress node, Transport transport, WireOptions options, ConnectionSetup setup,
                            ConnectionListener listener) {
        this(node, transport, options, setup, listener, System::nanoTime);
    }

    /** @param nanoTime the clock the connection's deadlines are checked against */
    public DrivenConnection(NodeAddress node, Transport transport, WireOptions options, ConnectionSetup setup,
                            ConnectionListener listener, LongSupplier nanoTime) {
        this.node = node;
        this.nanoTime = nanoTime;
        this.listener = listener;
        try {
            this.loop = IoLoop.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        this.connection = new ForwardConnection(node, transport, options, setup, new Relay(), nanoTime);
        this.thread = OwnThreads.daemon(this::run, "connection-" + node.name());
        this.thread.start();
    }

    /**
     * Connects and runs the transport and Forward handshakes.
     *
     * @throws DeliveryException why the connection could not be established
     */
    public void open() throws DeliveryException {
        long started = nanoTime.getAsLong();
        InetSocketAddress address = new InetSocketAddress(node.host(), node.port());
        if (address.isUnresolved()) {
            DeliveryException cause = new DeliveryException(DeliveryException.Kind.UNKNOWN_HOST,
                    "cannot resolve host '" + node.host() + "'");
            submit(() -> connection.failBeforeOpen(cause));
            throw cause;
        }
        open(address, started);
    }

    /**
     * Connects to {@code address}, the node's host resolved already, and runs the transport and Forward
     * handshakes, all within {@code connectTimeout} of {@code startedNanos} (when the attempt began, its
     * lookup included).
     *
     * @throws DeliveryException why the connection could not be established
     */
    public void open(InetSocketAddress address, long startedNanos) throws DeliveryException {
        submit(() -> connection.open(loop, address, startedNanos));
        awaitQuietly(() -> established || ended);
        synchronized (this) {
            if (established) {
                return; // even if the node ended it right after: that is for the next call to find
            }
        }
        throwIfEnded();
    }

    /**
     * Sends one batch once the connection can take it (with acks: once fewer than {@code maxInFlight} are
     * unacknowledged) and returns when it is written.
     *
     * @throws DeliveryException the connection broke before or while it was written; the batches still
     *                           in flight come back from {@link #close()}
     */
    public void send(OutboundBatch batch) throws DeliveryException {
        awaitOrGiveUp(() -> canSend || ended);
        throwIfEnded();
        long[] written = {Long.MAX_VALUE};
        submit(() -> {
            written[0] = connection.framesWritten() + 1;
            try {
                connection.send(batch);
            } catch (IOException e) {
                connection.fail(new DeliveryException(DeliveryException.Kind.SEND_FAILED,
                        "cannot write the batch: " + e.getMessage(), e));
            }
        });
        // what counts is this frame: written out completely, it is sent, even if the node breaks the connection next
        awaitOrGiveUp(() -> framesWritten >= written[0] || ended);
        synchronized (this) {
            if (framesWritten >= written[0]) {
                return;
            }
        }
        throwIfEnded();
    }

    /** Waits for the node; an interrupt gives up on the connection, which breaks, and the flag stays set. */
    private void awaitOrGiveUp(BooleanSupplier condition) throws DeliveryException {
        try {
            awaitQuietly(condition);
        } catch (DeliveryException interrupted) {
            DeliveryException cause = new DeliveryException(DeliveryException.Kind.CLOSED,
                    "interrupted while waiting for acks", interrupted.getCause());
            submit(() -> connection.fail(cause));
            Thread.interrupted(); // restored below, once the connection has ended
            synchronized (this) {
                while (!ended && !stopped) {
                    try {
                        wait(100);
                    } catch (InterruptedException again) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    /** Sends a heartbeat on the connection. */
    public void ping(String tag) {
        submit(() -> connection.ping(tag));
    }

    /**
     * Waits until every batch in flight is acknowledged, the connection ends, or {@code timeout} passes;
     * returns whether nothing is left in flight on an unbroken connection.
     */
    public boolean awaitAcks(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (inFlight > 0 && !ended) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return inFlight == 0 && failure == null;
        }
    }

    /** Ends the connection in order (the acks of what is in flight are read first) and waits for the end. */
    public void drainAndAwait(Duration timeout) throws InterruptedException {
        submit(connection::drain);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!ended) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /**
     * Closes the connection at once, stops the loop thread, and hands back the batches sent but not
     * acknowledged, in send order. Idempotent.
     */
    public List<OutboundBatch> close() {
        synchronized (this) {
            if (stopped) {
                return List.of();
            }
        }
        submit(() -> {
            connection.abort();
            stopped = true;
        });
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.close();
        synchronized (this) {
            stopped = true;
            List<OutboundBatch> back = returned;
            returned = List.of();
            return back;
        }
    }

    public NodeAddress node() {
        return node;
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    public synchronized boolean isBroken() {
        return failure != null;
    }

    public synchronized boolean isEnded() {
        return ended;
    }

    /** Why the connection broke, or {@code null}. */
    public synchronized DeliveryException failure() {
        return failure;
    }

    public synchronized boolean keepsAlive() {
        return keepsAlive;
    }

    public synchronized String remoteAddress() {
        return remoteAddress != null ? remoteAddress : node.host() + ":" + node.port();
    }

    private void run() {
        try {
            while (true) {
                List<Runnable> batch;
                synchronized (this) {
                    batch = new ArrayList<>(tasks);
                    tasks.clear();
                }
                for (Runnable task : batch) {
                    task.run();
                }
                long now = nanoTime.getAsLong();
                long next = connection.poll(now);
                publish();
                synchronized (this) {
                    if (stopped && tasks.isEmpty()) {
                        return;
                    }
                }
                loop.select(Math.min(IDLE_NANOS, Math.max(0, next - now)));
            }
        } catch (IOException | RuntimeException e) {
            connection.fail(new DeliveryException(DeliveryException.Kind.CLOSED, "the connection's loop failed: " + e, e));
            publish();
        }
    }

    private void publish() {
        synchronized (this) {
            inFlight = connection.inFlight();
            canSend = connection.canSend();
            framesWritten = connection.framesWritten();
            keepsAlive = connection.keepsAlive();
            remoteAddress = connection.remoteAddress();
            notifyAll();
        }
    }

    private void submit(Runnable task) {
        synchronized (this) {
            if (stopped) {
                return;
            }
            tasks.add(task);
        }
        loop.wakeup();
    }

    private void throwIfEnded() throws DeliveryException {
        synchronized (this) {
            if (ended) {
                throw failure != null ? failure
                        : new DeliveryException(DeliveryException.Kind.CLOSED, "connection closed");
            }
        }
    }

    private void awaitQuietly(BooleanSupplier condition) throws DeliveryException {
        synchronized (this) {
            while (!condition.getAsBoolean()) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DeliveryException(DeliveryException.Kind.CLOSED, "interrupted while waiting for the node", e);
                }
            }
        }
    }

    /** Passes the connection's news on to the listener, and keeps {@code established}. */
    private final class Relay implements ConnectionListener {

        @Override
        public void established(ForwardConnection c) {
            synchronized (DrivenConnection.this) {
                established = true;
            }
            listener.established(c);
        }

        @Override
        public void written(ForwardConnection c, OutboundBatch batch) {
            listener.written(c, batch);
        }

        @Override
        public void acknowledged(ForwardConnection c, OutboundBatch batch) {
            listener.acknowledged(c, batch);
        }

        @Override
        public void ended(ForwardConnection c, DeliveryException cause) {
            // the failure is published before the listener hears of it, so whoever the listener wakes finds it;
            // the end is published after, so a caller that wakes on it finds the listener told
            synchronized (DrivenConnection.this) {
                failure = cause;
                framesWritten = c.framesWritten();
                returned = c.takeBack();
                inFlight = 0;
            }
            listener.ended(c, cause);
            synchronized (DrivenConnection.this) {
                ended = true;
                DrivenConnection.this.notifyAll();
            }
        }
    }
}
