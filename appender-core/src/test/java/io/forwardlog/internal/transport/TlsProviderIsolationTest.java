package io.forwardlog.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.forwardlog.internal.forward.SecureClient;
import io.forwardlog.testkit.pki.IssuedCertificate;
import io.forwardlog.testkit.pki.TestPki;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BouncyCastle is used by reference, never installed in the JVM: the application's own TLS and
 * cryptography are untouched by ours.
 */
class TlsProviderIsolationTest {

    @TempDir
    Path directory;

    @Test
    void leavesTheJvmsSecurityProvidersAsTheyWereAfterMutualTls() throws Exception {
        List<String> before = providerNames();
        TestPki pki = TestPki.create(directory);
        IssuedCertificate server = pki.server("127.0.0.1");
        IssuedCertificate client = pki.client("isolated-app");
        TlsTestOptions options = TlsTestOptions.verifying().caFile(pki.ca().certificatePem())
                .clientCertificate(client.certificatePem(), client.encryptedPrivateKeyPkcs8Pem("pw".toCharArray()))
                .keyPassword("pw");
        try (TlsServer.Running receiver = TlsServer.RECEIVER.startRequiringClientCertificates(server, pki.ca());
             SecureClient secureClient = SecureClient.over(options.transport())) {
            secureClient.deliver(receiver.host(), receiver.port(), "isolated");

            assertEquals(List.of("isolated"), receiver.awaitMessages(1));
        }

        assertNull(Security.getProvider("BC"));
        assertNull(Security.getProvider("BCJSSE"));
        assertEquals(before, providerNames());
        assertEquals("SunJSSE", SSLContext.getDefault().getProvider().getName());
    }

    private static List<String> providerNames() {
        return Arrays.stream(Security.getProviders()).map(Provider::getName).toList();
    }
}
