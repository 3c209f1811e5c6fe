package io.forwardlog.internal.transport;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * TLS 1.2 and 1.3 through BouncyCastle's JSSE provider, or the versions and cipher suites the node's
 * {@link TlsOffer} allows. With verification on, the chain is checked against the JDK's trust store or
 * the node's CA files, and the host name ({@code tls.vhost} when set, else the node's host) against the
 * certificate, as HTTPS does.
 */
public final class TlsTransport implements Transport {

    private final TlsOptions options;
    private final ReloadingTlsContext context;

    private TlsTransport(TlsOptions options, ReloadingTlsContext context) {
        this.options = options;
        this.context = context;
    }

    /**
     * Reads the certificate and key files now, so that a missing or unreadable one stops the start.
     *
     * @param warnings told when rotated files cannot be used
     * @throws TlsMaterialException a file is missing, unreadable or does not fit
     */
    public static TlsTransport load(TlsOptions options, Consumer<String> warnings) throws TlsMaterialException {
        BouncyCastleLogging.quietUnlessConfigured(options.debug());
        return new TlsTransport(options, ReloadingTlsContext.load(options, new TlsContextLoader(), warnings));
    }

    @Override
    public TransportSession newSession(String host, int port) throws IOException {
        String verifiedHost = options.virtualHost().orElse(host);
        try {
            SSLEngine engine = context.current().createSSLEngine(verifiedHost, port);
            engine.setUseClientMode(true);
            engine.setSSLParameters(parameters(engine.getSSLParameters(), verifiedHost));
            return new TlsSession(engine, verifiedHost, options.offer(), options.debug());
        } catch (RuntimeException e) {
            throw TlsFailures.classify(e, verifiedHost, options.offer(), options.debug());
        }
    }

    @Override
    public boolean secure() {
        return true;
    }

    private SSLParameters parameters(SSLParameters parameters, String verifiedHost) {
        parameters.setProtocols(options.offer().protocols());
        String[] suites = options.offer().cipherSuites(parameters.getCipherSuites());
        if (suites != null) {
            parameters.setCipherSuites(suites);
        }
        if (options.verify() && options.verifyHostname()) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (isHostName(verifiedHost)) {
            parameters.setServerNames(List.of(new SNIHostName(verifiedHost)));
        }
        return parameters;
    }

    /** SNI carries DNS names only, never IP addresses. */
    private static boolean isHostName(String host) {
        return !host.isEmpty() && !host.contains(":") && !host.matches("[0-9.]+") && !host.endsWith(".");
    }

    @Override
    public String toString() {
        return "tls";
    }
}
