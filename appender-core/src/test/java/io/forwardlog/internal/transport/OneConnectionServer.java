package io.forwardlog.internal.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A loopback server for one connection: it runs a script on the first connection it accepts, on a
 * thread of its own, and hands back what the script returned. For peers that speak just enough of a
 * protocol to test one reaction of the client.
 */
final class OneConnectionServer<T> implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What the server does with the accepted connection. */
    interface Script<T> {
        T run(Socket socket) throws Exception;
    }

    private final ServerSocket server;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Thread thread;
    private volatile Socket accepted;

    private OneConnectionServer(ServerSocket server, Script<T> script) {
        this.server = server;
        this.thread = new Thread(() -> serve(script), "one-connection-server-" + server.getLocalPort());
        this.thread.setDaemon(true);
    }

    static <T> OneConnectionServer<T> start(Script<T> script) throws IOException {
        OneConnectionServer<T> server = new OneConnectionServer<>(
                new ServerSocket(0, 1, InetAddress.getLoopbackAddress()), script);
        server.thread.start();
        return server;
    }

    String host() {
        return server.getInetAddress().getHostAddress();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Waits for the script to finish and returns its result; fails with the script's own failure. */
    T await() throws InterruptedException {
        try {
            return result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the server script failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the server script did not finish within " + TIMEOUT, e);
        }
    }

    private void serve(Script<T> script) {
        try (Socket socket = server.accept()) {
            accepted = socket;
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            result.complete(script.run(socket));
        } catch (Exception | AssertionError e) {
            result.completeExceptionally(e);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        Socket socket = accepted;
        if (socket != null) {
            socket.close();
        }
        thread.join(TIMEOUT.toMillis());
    }
}
