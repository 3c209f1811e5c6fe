package io.forwardlog.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.TlsVersion;
import io.forwardlog.internal.forward.DeliveryException;
import io.forwardlog.internal.forward.SecureClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenSSL names of {@link CipherSuite} are the names OpenSSL itself gives those suites: for each
 * suite, we offer it alone to a server on OpenSSL (Node.js's), which serves every suite it has with an
 * RSA, an ECDSA and a DSA key and tells which one it agreed, by its own name and by the IANA name.
 */
class OpenSslCipherNamesTest {

    @TempDir
    static Path directory;
    private static OpenSslCipherServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = OpenSslCipherServer.start(List.of(SelfSignedKey.rsa(directory), SelfSignedKey.ecdsa(directory),
                SelfSignedKey.dsa(directory)));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void everyOpenSslNameInTheTableIsTheNameOpenSslGivesTheSuite() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (CipherSuite suite : CipherSuite.values()) {
            if (suite.openSslName().isPresent()) {
                String agreed = agree(suite);
                String expected = version(suite).configName() + " " + suite.openSslName().get() + " " + suite.ianaName();
                if (!agreed.equals(expected)) {
                    wrong.add(suite + ": expected '" + expected + "', the server said '" + agreed + "'");
                }
                checked++;
            }
        }

        assertEquals(List.of(), wrong);
        assertEquals(76, checked, "every suite of the table with an OpenSSL name");
    }

    @Test
    void theSuitesWithoutAnOpenSslNameAreOnesOpenSslDoesNotHave() throws Exception {
        List<String> agreedAnyway = new ArrayList<>();
        int checked = 0;
        for (CipherSuite suite : CipherSuite.values()) {
            if (suite.openSslName().isEmpty()) {
                String answer = agree(suite);
                if (!answer.startsWith("ERROR ") || !answer.contains("no shared cipher")) {
                    agreedAnyway.add(suite + ": " + answer);
                }
                checked++;
            }
        }

        assertEquals(List.of(), agreedAnyway);
        assertEquals(20, checked, "the ARIA CBC and Camellia GCM suites, which OpenSSL leaves out");
    }

    /** Offers {@code suite} alone; the server's line about the handshake. */
    private static String agree(CipherSuite suite) throws Exception {
        TlsVersion version = version(suite);
        SecureClient client = SecureClient.over(TlsTestOptions.verifying().verifyOff().versions(version, version)
                .ciphers(suite.ianaName()).transport());
        try {
            client.connectAndClose(server.host(), server.port());
        } catch (DeliveryException refused) {
            String answer = server.next();
            assertTrue(answer.startsWith("ERROR "), suite + " was refused (" + refused.getMessage()
                    + ") yet the server said " + answer);
            return answer;
        }
        return server.next();
    }

    private static TlsVersion version(CipherSuite suite) {
        return suite.tls13() ? TlsVersion.TLS_1_3 : TlsVersion.TLS_1_2;
    }
}
