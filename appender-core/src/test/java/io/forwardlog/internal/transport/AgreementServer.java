package io.forwardlog.internal.transport;

import io.forwardlog.testkit.pki.IssuedCertificate;
import java.io.IOException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * A JDK TLS server for one connection, limited to some versions and suites, that tells what the
 * handshake agreed: {@code TLSv1.2 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}, or {@code refused: <why>}.
 */
final class AgreementServer {

    private AgreementServer() {
    }

    /**
     * @param protocols the versions the server allows, or null for the JDK's defaults
     * @param suites    the suites the server allows, or null for the JDK's defaults
     */
    static OneConnectionServer<String> start(IssuedCertificate certificate, String[] protocols, String[] suites)
            throws IOException {
        return OneConnectionServer.start(raw -> {
            SSLSocket tls = (SSLSocket) certificate.serverContext().getSocketFactory().createSocket(raw,
                    raw.getInetAddress().getHostAddress(), raw.getPort(), true);
            tls.setUseClientMode(false);
            if (protocols != null) {
                tls.setEnabledProtocols(protocols);
            }
            if (suites != null) {
                tls.setEnabledCipherSuites(suites);
            }
            try {
                tls.startHandshake();
                return tls.getSession().getProtocol() + " " + tls.getSession().getCipherSuite();
            } catch (SSLException e) {
                return "refused: " + e.getMessage();
            }
        });
    }

    /** A server with the JDK's default versions and suites. */
    static OneConnectionServer<String> start(IssuedCertificate certificate) throws IOException {
        return start(certificate, null, null);
    }
}
