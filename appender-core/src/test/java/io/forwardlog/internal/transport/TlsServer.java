package io.forwardlog.internal.transport;

import io.forwardlog.interop.NodeEvent;
import io.forwardlog.interop.NodeFluentServer;
import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.ReceivedEvent;
import io.forwardlog.testkit.pki.CertificateAuthority;
import io.forwardlog.testkit.pki.IssuedCertificate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The two TLS servers the transport tests run against: our in-process receiver, whose TLS is the
 * JDK's, and the Fluent project's Node FluentServer, whose TLS is OpenSSL's.
 */
enum TlsServer {
    RECEIVER {
        @Override
        Running start(SSLContext context, IssuedCertificate certificate, CertificateAuthority clients) throws IOException {
            ForwardReceiver receiver = ForwardReceiver.builder().name("tls-receiver").tls(context)
                    .requireClientCertificate(clients != null).udpHeartbeat(false).start();
            return new Running() {
                @Override
                public String host() {
                    return receiver.host();
                }

                @Override
                public int port() {
                    return receiver.port();
                }

                @Override
                public List<String> messages() {
                    return messagesOf(receiver.events());
                }

                @Override
                public List<String> awaitMessages(int atLeast) {
                    return messagesOf(receiver.awaitEvents(atLeast, TIMEOUT));
                }

                private List<String> messagesOf(List<ReceivedEvent> events) {
                    return events.stream().map(event -> String.valueOf(event.record().get("message"))).toList();
                }

                @Override
                public void close() {
                    receiver.close();
                }
            };
        }
    },
    NODE {
        @Override
        Running start(SSLContext context, IssuedCertificate certificate, CertificateAuthority clients) throws IOException {
            NodeFluentServer.Builder builder = NodeFluentServer.builder()
                    .tls(pem(certificate.privateKeyPkcs8Pem()), pem(certificate.certificatePem()));
            if (clients != null) {
                builder.clientCa(pem(clients.certificatePem()));
            }
            NodeFluentServer server = builder.start();
            return new Running() {
                @Override
                public String host() {
                    return server.host();
                }

                @Override
                public int port() {
                    return server.port();
                }

                @Override
                public List<String> messages() {
                    return messagesOf(server.events());
                }

                @Override
                public List<String> awaitMessages(int atLeast) {
                    return messagesOf(server.awaitEvents(atLeast, TIMEOUT));
                }

                private List<String> messagesOf(List<NodeEvent> events) {
                    return events.stream().map(event -> String.valueOf(event.record().get("message"))).toList();
                }

                @Override
                public void close() {
                    server.close();
                }
            };
        }
    };

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A started server; closing it stops it. */
    interface Running extends AutoCloseable {
        String host();

        int port();

        /** The {@code message} fields of the events received so far. */
        List<String> messages();

        /** Waits until at least {@code atLeast} events arrived; their {@code message} fields in arrival order. */
        List<String> awaitMessages(int atLeast);

        @Override
        void close();
    }

    /** Serves {@code certificate} without asking for a client certificate. */
    Running start(IssuedCertificate certificate) throws IOException {
        return start(certificate.serverContext(), certificate, null);
    }

    /** Serves {@code certificate} and requires a client certificate that {@code clients} issued. */
    Running startRequiringClientCertificates(IssuedCertificate certificate, CertificateAuthority clients)
            throws IOException {
        return start(certificate.serverContext(clients), certificate, clients);
    }

    /**
     * Serves {@code certificate}; the receiver through {@code context} (one that records handshakes,
     * say), Node from the certificate's files.
     */
    abstract Running start(SSLContext context, IssuedCertificate certificate, CertificateAuthority clients)
            throws IOException;

    private static String pem(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII);
    }
}
