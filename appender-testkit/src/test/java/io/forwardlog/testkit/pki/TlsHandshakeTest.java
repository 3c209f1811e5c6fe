package io.forwardlog.testkit.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsHandshakeTest {

    @TempDir
    static Path directory;
    @TempDir
    static Path otherDirectory;

    private static TestPki pki;
    private static TestPki otherPki;
    private static IssuedCertificate localhost;
    private static SSLContext trustingTheCa;

    @BeforeAll
    static void createPkis() throws Exception {
        pki = TestPki.create(directory);
        otherPki = TestPki.create(otherDirectory);
        localhost = pki.server("localhost", "127.0.0.1");
        trustingTheCa = LoopbackTls.clientContext(pki.ca().trustStore(), null);
    }

    @Test
    void aJdkClientTrustingTheCaCompletesAHandshakeWithTheServerContext() throws Exception {
        try (LoopbackTls.Server server = LoopbackTls.Server.start(localhost.serverContext(), false)) {
            SSLSession client = LoopbackTls.connect(trustingTheCa, server.port(), "localhost");

            assertEquals("TLSv1.3", client.getProtocol());
            assertEquals(localhost.certificate(), client.getPeerCertificates()[0]);
            assertEquals("TLSv1.3", server.awaitSession().getProtocol());
        }
    }

    @Test
    void aClientLimitedToTls12CompletesAHandshakeToo() throws Exception {
        try (LoopbackTls.Server server = LoopbackTls.Server.start(localhost.serverContext(), false)) {
            SSLSession client = LoopbackTls.connect(trustingTheCa, server.port(), "localhost", "TLSv1.2");

            assertEquals("TLSv1.2", client.getProtocol());
            assertEquals("TLSv1.2", server.awaitSession().getProtocol());
        }
    }

    @Test
    void theClientAcceptsTheServerByItsIpAddress() throws Exception {
        try (LoopbackTls.Server server = LoopbackTls.Server.start(localhost.serverContext(), false)) {
            SSLSession client = LoopbackTls.connect(trustingTheCa, server.port(), "127.0.0.1");

            assertEquals(localhost.certificate(), client.getPeerCertificates()[0]);
        }
    }

    @Test
    void theClientRefusesAServerCertificateForAnotherName() throws Exception {
        try (LoopbackTls.Server server = LoopbackTls.Server.start(pki.server("node-3").serverContext(), false)) {
            SSLHandshakeException refused = assertThrows(SSLHandshakeException.class,
                    () -> LoopbackTls.connect(trustingTheCa, server.port(), "localhost"));

            assertTrue(refused.getMessage().contains("localhost"), refused::getMessage);
        }
    }

    @Test
    void theClientRefusesAnExpiredServerCertificate() throws Exception {
        SSLContext expired = pki.expiredServer("localhost").serverContext();
        try (LoopbackTls.Server server = LoopbackTls.Server.start(expired, false)) {
            SSLHandshakeException refused = assertThrows(SSLHandshakeException.class,
                    () -> LoopbackTls.connect(trustingTheCa, server.port(), "localhost"));

            assertCausedBy(CertificateExpiredException.class, refused);
        }
    }

    @Test
    void theClientRefusesANotYetValidServerCertificate() throws Exception {
        SSLContext notYetValid = pki.notYetValidServer("localhost").serverContext();
        try (LoopbackTls.Server server = LoopbackTls.Server.start(notYetValid, false)) {
            SSLHandshakeException refused = assertThrows(SSLHandshakeException.class,
                    () -> LoopbackTls.connect(trustingTheCa, server.port(), "localhost"));

            assertCausedBy(CertificateNotYetValidException.class, refused);
        }
    }

    @Test
    void theClientRefusesASelfSignedServerCertificate(@TempDir Path elsewhere) throws Exception {
        SSLContext selfSigned = TestPki.selfSignedServer(elsewhere, "localhost").serverContext();
        try (LoopbackTls.Server server = LoopbackTls.Server.start(selfSigned, false)) {
            SSLHandshakeException refused = assertThrows(SSLHandshakeException.class,
                    () -> LoopbackTls.connect(trustingTheCa, server.port(), "localhost"));

            assertCausedBy(CertPathBuilderException.class, refused);
        }
    }

    @Test
    void aServerRequiringClientCertificatesAcceptsOneFromTheCa() throws Exception {
        IssuedCertificate app = pki.client("app");
        SSLContext presentingApp = LoopbackTls.clientContext(pki.ca().trustStore(), app);
        try (LoopbackTls.Server server = LoopbackTls.Server.start(localhost.serverContext(pki.ca()), true)) {
            LoopbackTls.connect(presentingApp, server.port(), "localhost");

            assertEquals("CN=app", server.awaitSession().getPeerPrincipal().getName());
            assertEquals(List.of(app.certificate()), List.of(server.awaitSession().getPeerCertificates()));
        }
    }

    @Test
    void aServerRequiringClientCertificatesRefusesOneFromAnotherPki() throws Exception {
        SSLContext presentingIntruder = LoopbackTls.clientContext(pki.ca().trustStore(), otherPki.client("intruder"));
        try (LoopbackTls.Server server = LoopbackTls.Server.start(localhost.serverContext(pki.ca()), true)) {
            assertThrows(IOException.class, () -> LoopbackTls.connect(presentingIntruder, server.port(), "localhost"));

            Throwable refused = server.awaitFailure();
            assertInstanceOf(SSLHandshakeException.class, refused);
            // the other PKI's CA has the same name, so the client did present its certificate
            assertCausedBy(CertPathValidatorException.class, refused);
        }
    }

    @Test
    void aServerRequiringClientCertificatesRefusesAClientWithoutOne() throws Exception {
        try (LoopbackTls.Server server = LoopbackTls.Server.start(localhost.serverContext(pki.ca()), true)) {
            assertThrows(IOException.class, () -> LoopbackTls.connect(trustingTheCa, server.port(), "localhost"));

            assertInstanceOf(SSLHandshakeException.class, server.awaitFailure());
        }
    }

    private static void assertCausedBy(Class<? extends Throwable> expected, Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (expected.isInstance(cause)) {
                return;
            }
        }
        throw new AssertionError("expected a " + expected.getSimpleName() + " among the causes of " + thrown, thrown);
    }
}
