package io.forwardlog.internal.transport;

import io.forwardlog.testkit.pki.CertificateAuthority;
import io.forwardlog.testkit.pki.IssuedCertificate;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A JDK (SunJSSE) server context for a test receiver that records what clients showed in their TLS
 * handshakes: the host names they asked for with SNI, the protocol version agreed, and the client
 * certificates they presented. Thread-safe: handshakes run on the receiver's threads.
 */
final class RecordingServerContext {

    private static final char[] IN_MEMORY = "in-memory".toCharArray();
    private static final String PROVIDER = "SunJSSE";

    private final SSLContext context;
    private final List<List<String>> serverNames = new ArrayList<>(); // guarded by this
    private final List<String> protocols = new ArrayList<>(); // guarded by this
    private final List<X509Certificate> clientCertificates = new ArrayList<>(); // guarded by this
    private final Set<SSLSession> seen = Collections.newSetFromMap(new IdentityHashMap<>()); // guarded by this

    private RecordingServerContext(IssuedCertificate server, CertificateAuthority trustedClients)
            throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance("SunX509", PROVIDER);
        keys.init(server.keyStore(IN_MEMORY), IN_MEMORY);
        X509ExtendedTrustManager trust = null;
        if (trustedClients != null) {
            TrustManagerFactory trusted = TrustManagerFactory.getInstance("PKIX", PROVIDER);
            trusted.init(trustedClients.trustStore());
            trust = new RecordingTrustManager((X509ExtendedTrustManager) trusted.getTrustManagers()[0]);
        }
        context = SSLContext.getInstance("TLS", PROVIDER);
        X509ExtendedKeyManager key = new RecordingKeyManager((X509ExtendedKeyManager) keys.getKeyManagers()[0]);
        context.init(new X509ExtendedKeyManager[] {key},
                trust == null ? null : new X509ExtendedTrustManager[] {trust}, null);
    }

    /** Serves {@code server}'s certificate and asks for no client certificate. */
    static RecordingServerContext serving(IssuedCertificate server) throws GeneralSecurityException {
        return new RecordingServerContext(server, null);
    }

    /** Serves {@code server}'s certificate and trusts client certificates that {@code clients} issued. */
    static RecordingServerContext serving(IssuedCertificate server, CertificateAuthority clients)
            throws GeneralSecurityException {
        return new RecordingServerContext(server, clients);
    }

    SSLContext context() {
        return context;
    }

    /** The SNI host names of each handshake so far, in order; an empty list where the client sent none. */
    synchronized List<List<String>> serverNames() {
        return List.copyOf(serverNames);
    }

    /** The protocol version of each handshake so far, e.g. {@code TLSv1.3}. */
    synchronized List<String> protocols() {
        return List.copyOf(protocols);
    }

    /** The leaf certificate each client presented, in order. */
    synchronized List<X509Certificate> clientCertificates() {
        return List.copyOf(clientCertificates);
    }

    /** Called for every key type the server could use; one handshake is recorded once. */
    private synchronized void keySelection(Socket socket) {
        if (!(socket instanceof SSLSocket tls) || !(tls.getHandshakeSession() instanceof ExtendedSSLSession session)) {
            return;
        }
        if (!seen.add(session)) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (SNIServerName name : session.getRequestedServerNames()) {
            names.add(name instanceof SNIHostName host ? host.getAsciiName() : name.toString());
        }
        serverNames.add(List.copyOf(names));
        protocols.add(session.getProtocol());
    }

    private synchronized void clientCertificate(X509Certificate[] chain) {
        clientCertificates.add(chain[0]);
    }

    private final class RecordingKeyManager extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager delegate;

        RecordingKeyManager(X509ExtendedKeyManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            keySelection(socket);
            return delegate.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return delegate.getServerAliases(keyType, issuers);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return delegate.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            return delegate.chooseClientAlias(keyTypes, issuers, socket);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return delegate.getPrivateKey(alias);
        }
    }

    private final class RecordingTrustManager extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;

        RecordingTrustManager(X509ExtendedTrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            clientCertificate(chain);
            delegate.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            clientCertificate(chain);
            delegate.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            clientCertificate(chain);
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkServerTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
