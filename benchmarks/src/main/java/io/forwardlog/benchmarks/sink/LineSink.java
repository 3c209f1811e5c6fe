package io.forwardlog.benchmarks.sink;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A TCP server on the loopback interface that reads JSON objects, one per line, as Fluent Bit's
 * {@code tcp} input does with {@code format json}, counts the lines and checks each event's id (see
 * {@link EventIds}). It keeps nothing of what it reads. Threads, all daemons:
 * {@code line-sink-<port>-accept} and one reader per connection.
 */
public final class LineSink implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int READ_BUFFER = 256 * 1024;

    private final ServerSocket server;
    private final EventIds ids;
    private final SinkCounters counters = new SinkCounters();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> readers = ConcurrentHashMap.newKeySet();
    private Thread acceptor;
    private volatile boolean closed;

    private LineSink(ServerSocket server, EventIds ids) {
        this.server = server;
        this.ids = ids;
    }

    /** Starts a sink on a free loopback port that records each line's id in {@code ids}. */
    public static LineSink start(EventIds ids) throws IOException {
        Objects.requireNonNull(ids, "ids");
        ServerSocket server = new ServerSocket();
        try {
            server.setReceiveBufferSize(4 * 1024 * 1024);
            server.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0), 64);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        LineSink sink = new LineSink(server, ids);
        sink.acceptor = new Thread(sink::acceptLoop, "line-sink-" + server.getLocalPort() + "-accept");
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

    /** Lines read so far, over all connections. */
    public long lines() {
        return counters.events();
    }

    /** Every connection the sink could not read to its end, as text; empty when all went well. */
    public List<String> problems() {
        return counters.problems();
    }

    private void acceptLoop() {
        int n = 0;
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
            String name = "line-sink-" + port() + "-conn-" + (++n);
            connections.add(socket);
            Thread reader = new Thread(() -> {
                try {
                    read(socket, name);
                } finally {
                    connections.remove(socket);
                    readers.remove(Thread.currentThread());
                }
            }, name);
            reader.setDaemon(true);
            readers.add(reader);
            reader.start();
        }
    }

    private void read(Socket socket, String name) {
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
            if (!closed) {
                counters.problem(name + ": " + e.getMessage());
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
        try {
            server.close();
        } catch (IOException e) {
            // closing to stop: nothing left to do with a failure
        }
        for (Socket socket : connections) {
            try {
                socket.close();
            } catch (IOException e) {
                // as above
            }
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            acceptor.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            for (Thread reader : readers) {
                reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "LineSink[" + HOST + ":" + port() + ", " + lines() + " lines]";
    }
}
