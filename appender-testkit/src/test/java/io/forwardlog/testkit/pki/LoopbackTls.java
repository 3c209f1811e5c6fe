package io.forwardlog.testkit.pki;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** A one-connection JDK TLS server and a JDK TLS client on loopback, with real sockets. */
final class LoopbackTls {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Sent by the server once its side of the handshake succeeded, so the client learns the outcome. */
    private static final int GREETING = '!';
    private static final char[] STORE_PASSWORD = "client-store".toCharArray();

    private LoopbackTls() {
    }

    /** A SunJSSE client context trusting {@code trusted}, presenting {@code clientCertificate} if not null. */
    static SSLContext clientContext(KeyStore trusted, IssuedCertificate clientCertificate)
            throws GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX", "SunJSSE");
        trust.init(trusted);
        KeyManagerFactory keys = KeyManagerFactory.getInstance("SunX509", "SunJSSE");
        keys.init(clientCertificate == null ? null : clientCertificate.keyStore(STORE_PASSWORD), STORE_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS", "SunJSSE");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    /**
     * Connects to 127.0.0.1 calling the server {@code host} (checked against its certificate like
     * HTTPS does), completes the handshake and reads the server's greeting.
     */
    static SSLSession connect(SSLContext context, int port, String host, String... protocols) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) TIMEOUT.toMillis());
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (protocols.length > 0) {
                parameters.setProtocols(protocols);
            }
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            // in TLS 1.3 the server judges the client's certificate after the client's handshake is done
            int greeting = socket.getInputStream().read();
            if (greeting != GREETING) {
                throw new IOException("expected the server's greeting, read " + greeting);
            }
            return socket.getSession();
        } finally {
            plain.close();
        }
    }

    /** Accepts one connection on a named daemon thread and reports how its handshake went. */
    static final class Server implements AutoCloseable {

        private final SSLServerSocket serverSocket;
        private final CompletableFuture<SSLSession> handshake = new CompletableFuture<>();
        private final Thread thread;

        private Server(SSLServerSocket serverSocket) {
            this.serverSocket = serverSocket;
            this.thread = new Thread(this::serveOne, "loopback-tls-server-" + serverSocket.getLocalPort());
            this.thread.setDaemon(true);
        }

        static Server start(SSLContext context, boolean needClientAuth) throws IOException {
            SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
                    .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
            socket.setNeedClientAuth(needClientAuth);
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            Server server = new Server(socket);
            server.thread.start();
            return server;
        }

        int port() {
            return serverSocket.getLocalPort();
        }

        /** The server's session once the client has read the greeting and closed. */
        SSLSession awaitSession() throws InterruptedException, ExecutionException, TimeoutException {
            return handshake.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Why the server's side failed; fails the test if it succeeded or took too long. */
        Throwable awaitFailure() throws InterruptedException, TimeoutException {
            try {
                SSLSession session = handshake.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                throw new AssertionError("the server accepted the connection: " + session);
            } catch (ExecutionException expected) {
                return expected.getCause();
            }
        }

        private void serveOne() {
            try (SSLSocket socket = (SSLSocket) serverSocket.accept()) {
                socket.setSoTimeout((int) TIMEOUT.toMillis());
                socket.startHandshake();
                socket.getOutputStream().write(GREETING);
                socket.getOutputStream().flush();
                InputStream input = socket.getInputStream();
                // until the client closes, so that it surely read the greeting
                input.read();
                handshake.complete(socket.getSession());
            } catch (IOException | RuntimeException e) {
                handshake.completeExceptionally(e);
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            serverSocket.close();
            thread.join(TIMEOUT.toMillis());
        }
    }
}
