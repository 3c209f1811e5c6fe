package io.forwardlog.benchmarks.sink;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Forward server on the loopback interface that only counts: it reads every frame mode, counts the
 * events by walking the entries, and acknowledges each frame that carries a {@code chunk}, at once or
 * after a fixed delay. It keeps nothing of what it reads, so it is fast enough not to be what a
 * benchmark measures.
 *
 * <pre>{@code
 * try (CountingSink sink = CountingSink.start(Duration.ZERO)) {
 *     // send to 127.0.0.1:sink.port(), then
 *     sink.awaitEvents(1_000_000, Duration.ofMinutes(1));
 * }
 * }</pre>
 *
 * <p>Threads, all daemons: {@code counting-sink-<port>-accept}, one reader per connection
 * ({@code counting-sink-<port>-conn-<n>}) and, with an ack delay, one ack writer per connection.
 */
public final class CountingSink implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int RECEIVE_BUFFER = 4 * 1024 * 1024;

    private final ServerSocket server;
    private final long ackDelayNanos;
    private final SinkCounters counters = new SinkCounters();
    private final EventIds ids;
    private final ReadGate gate = new ReadGate();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> readers = ConcurrentHashMap.newKeySet();
    private Thread acceptor;
    private volatile boolean closed;

    private CountingSink(ServerSocket server, Duration ackDelay, EventIds ids) {
        this.server = server;
        this.ackDelayNanos = ackDelay.toNanos();
        this.ids = ids;
    }

    /**
     * Starts a sink on a free loopback port.
     *
     * @param ackDelay how long after reading a frame its ack is sent; zero acks at once
     */
    public static CountingSink start(Duration ackDelay) throws IOException {
        return start(ackDelay, 0);
    }

    /**
     * Starts a sink on loopback port {@code port} (0: a free one), e.g. the port of a sink closed before,
     * so that a node comes back where its clients look for it.
     *
     * @param ackDelay how long after reading a frame its ack is sent; zero acks at once
     */
    public static CountingSink start(Duration ackDelay, int port) throws IOException {
        return start(ackDelay, port, null);
    }

    /**
     * Starts a sink on a free loopback port that also reads each record's id from its {@code message}
     * into {@code ids}, to check that every event arrives exactly once (see {@link EventIds}).
     *
     * @param ackDelay how long after reading a frame its ack is sent; zero acks at once
     */
    public static CountingSink start(Duration ackDelay, EventIds ids) throws IOException {
        return start(ackDelay, 0, Objects.requireNonNull(ids, "ids"));
    }

    private static CountingSink start(Duration ackDelay, int port, EventIds ids) throws IOException {
        Objects.requireNonNull(ackDelay, "ackDelay");
        if (ackDelay.isNegative()) {
            throw new IllegalArgumentException("ackDelay must not be negative, was " + ackDelay);
        }
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.setReceiveBufferSize(RECEIVE_BUFFER);
            server.bind(new InetSocketAddress(InetAddress.getByName(HOST), port), 64);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        CountingSink sink = new CountingSink(server, ackDelay, ids);
        sink.acceptor = new Thread(sink::acceptLoop, "counting-sink-" + server.getLocalPort() + "-accept");
        sink.acceptor.setDaemon(true);
        sink.acceptor.start();
        return sink;
    }

    /** Always {@code 127.0.0.1}. */
    public String host() {
        return HOST;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Events counted so far, over all connections. */
    public long events() {
        return counters.events();
    }

    /** Frames read so far, heartbeats (frames without entries) included. */
    public long frames() {
        return counters.frames();
    }

    /** Acks sent so far. */
    public long acks() {
        return counters.acks();
    }

    /** Every frame or connection the sink could not read, as text; empty when all went well. */
    public List<String> problems() {
        return counters.problems();
    }

    /**
     * Stops reading (the connections stay open and what clients write fills the socket buffers), or
     * reads on. A reader stops between two frames.
     */
    public void stopReading(boolean stop) {
        gate.stopReading(stop);
    }

    /**
     * Waits until at least {@code count} events have arrived. Returns {@code false} when the timeout
     * passes first, or as soon as a problem is recorded (see {@link #problems()}). One waiter at a time.
     */
    public boolean awaitEvents(long count, Duration timeout) throws InterruptedException {
        return counters.await(count, System.nanoTime() + timeout.toNanos());
    }

    private void acceptLoop() {
        int accepted = 0;
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    counters.problem("accept failed: " + e.getMessage());
                }
                return;
            }
            try {
                socket.setTcpNoDelay(true);
            } catch (IOException e) {
                counters.problem("cannot set TCP_NODELAY: " + e.getMessage());
            }
            String name = "counting-sink-" + port() + "-conn-" + (++accepted);
            connections.add(socket);
            Thread reader = new Thread(() -> {
                try {
                    new SinkConnection(socket, () -> closed, gate, counters, ackDelayNanos, name, this.ids).run();
                } finally {
                    connections.remove(socket);
                    readers.remove(Thread.currentThread());
                }
            }, name);
            reader.setDaemon(true);
            readers.add(reader);
            reader.start();
            if (closed) {
                closeQuietly(socket);
            }
        }
    }

    /** Stops accepting, closes every connection and waits briefly for the threads to end. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        gate.close();
        closeQuietly(server);
        connections.forEach(CountingSink::closeQuietly);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            acceptor.join(TimeUnit.NANOSECONDS.toMillis(Math.max(1, deadline - System.nanoTime())));
            for (Thread reader : readers) {
                reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing to stop: there is nothing left to do with a failure
        }
    }

    @Override
    public String toString() {
        return "CountingSink[" + HOST + ":" + port() + ", " + events() + " events, " + frames() + " frames, "
                + acks() + " acks]";
    }
}
