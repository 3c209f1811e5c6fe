package io.forwardlog.benchmarks.sink;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A TCP server on the loopback interface that reads JSON objects, one per line, as Fluent Bit's
 * {@code tcp} input does with {@code format json}, counts the lines and checks each event's id (see
 * {@link EventIds}). It keeps nothing of what it reads. Threads, all daemons:
 * {@code line-sink-<port>-accept} and one reader per connection.
 */
public final class LineSink implements AutoCloseable {

    private static final int READ_BUFFER = 256 * 1024;

    private final EventIds ids;
    private final SinkCounters counters = new SinkCounters();
    private LoopbackAcceptor acceptor;

    private LineSink(EventIds ids) {
        this.ids = ids;
    }

    /** Starts a sink on a free loopback port that records each line's id in {@code ids}. */
    public static LineSink start(EventIds ids) throws IOException {
        Objects.requireNonNull(ids, "ids");
        LineSink sink = new LineSink(ids);
        sink.acceptor = LoopbackAcceptor.start("line-sink", 0, sink.counters, sink::read);
        return sink;
    }

    /** Always {@code 127.0.0.1}. */
    public String host() {
        return LoopbackAcceptor.HOST;
    }

    public int port() {
        return acceptor.port();
    }

    /** Lines read so far, over all connections. */
    public long lines() {
        return counters.events();
    }

    /** Every connection the sink could not read to its end, as text; empty when all went well. */
    public List<String> problems() {
        return counters.problems();
    }

    private void read(Socket socket, String name, BooleanSupplier closed) {
        LineScanner scanner = new LineScanner(ids);
        byte[] buffer = new byte[READ_BUFFER];
        try (socket; InputStream in = socket.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                counters.frame(scanner.feed(buffer, n));
            }
            if (scanner.heldBack() > 0) {
                counters.problem(name + ": the connection ended inside a line (" + scanner.heldBack() + " bytes)");
            }
        } catch (IOException e) {
            if (!closed.getAsBoolean()) {
                counters.problem(name + ": " + e.getMessage());
            }
        }
    }

    /** Stops accepting, closes every connection and waits briefly for the threads to end. Idempotent. */
    @Override
    public void close() {
        acceptor.close();
    }

    @Override
    public String toString() {
        return "LineSink[" + LoopbackAcceptor.HOST + ":" + port() + ", " + lines() + " lines]";
    }
}
