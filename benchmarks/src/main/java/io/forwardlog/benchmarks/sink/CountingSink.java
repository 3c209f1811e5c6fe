package io.forwardlog.benchmarks.sink;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

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

    private final long ackDelayNanos;
    private final SinkCounters counters = new SinkCounters();
    private final EventIds ids;
    private final ReadGate gate = new ReadGate();
    private LoopbackAcceptor acceptor;

    private CountingSink(Duration ackDelay, EventIds ids) {
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
        CountingSink sink = new CountingSink(ackDelay, ids);
        sink.acceptor = LoopbackAcceptor.start("counting-sink", port, sink.counters, (socket, name, closed) ->
                new SinkConnection(socket, closed, sink.gate, sink.counters, sink.ackDelayNanos, name, sink.ids).run());
        return sink;
    }

    /** Always {@code 127.0.0.1}. */
    public String host() {
        return LoopbackAcceptor.HOST;
    }

    public int port() {
        return acceptor.port();
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

    /** Stops accepting, closes every connection and waits briefly for the threads to end. Idempotent. */
    @Override
    public void close() {
        gate.close();
        acceptor.close();
    }

    @Override
    public String toString() {
        return "CountingSink[" + LoopbackAcceptor.HOST + ":" + port() + ", " + events() + " events, " + frames() + " frames, "
                + acks() + " acks]";
    }
}
