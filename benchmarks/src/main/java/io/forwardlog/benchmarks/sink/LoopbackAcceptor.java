package io.forwardlog.benchmarks.sink;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What both sinks share: a listening socket on {@code 127.0.0.1} with a large receive buffer, a daemon
 * thread {@code <prefix>-<port>-accept} that gives each connection a daemon reader thread
 * {@code <prefix>-<port>-conn-<n>}, and a close that stops all of them.
 */
final class LoopbackAcceptor {

    static final String HOST = "127.0.0.1";
    private static final int RECEIVE_BUFFER = 4 * 1024 * 1024;

    /** Reads one connection to its end, on its own thread; once {@code closed} says so, errors are expected. */
    interface Reader {
        void read(Socket socket, String name, BooleanSupplier closed);
    }

    private final ServerSocket server;
    private final String prefix;
    private final SinkCounters counters;
    private final Reader reader;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> readers = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private LoopbackAcceptor(ServerSocket server, String prefix, SinkCounters counters, Reader reader) {
        this.server = server;
        this.prefix = prefix + "-" + server.getLocalPort();
        this.counters = counters;
        this.reader = reader;
        this.acceptor = new Thread(this::acceptLoop, this.prefix + "-accept");
        this.acceptor.setDaemon(true);
    }

    /**
     * Listens on loopback port {@code port} (0: a free one; an earlier sink's port is taken again even while
     * its connections are in TIME_WAIT) and starts accepting; accept failures go to {@code counters}.
     */
    static LoopbackAcceptor start(String prefix, int port, SinkCounters counters, Reader reader) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.setReceiveBufferSize(RECEIVE_BUFFER);
            server.bind(new InetSocketAddress(InetAddress.getByName(HOST), port), 64);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        LoopbackAcceptor acceptor = new LoopbackAcceptor(server, prefix, counters, reader);
        acceptor.acceptor.start();
        return acceptor;
    }

    int port() {
        return server.getLocalPort();
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
            String name = prefix + "-conn-" + (++accepted);
            connections.add(socket);
            Thread thread = new Thread(() -> {
                try {
                    reader.read(socket, name, () -> closed);
                } finally {
                    connections.remove(socket);
                    readers.remove(Thread.currentThread());
                }
            }, name);
            thread.setDaemon(true);
            readers.add(thread);
            thread.start();
            if (closed) {
                closeQuietly(socket);
            }
        }
    }

    /** Stops accepting, closes every connection and waits up to 5 s for the threads to end. Idempotent. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(server);
        connections.forEach(LoopbackAcceptor::closeQuietly);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            acceptor.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            for (Thread thread : readers) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
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
}
