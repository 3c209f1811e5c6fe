package io.forwardlog.interop;

import java.io.IOException;
import java.math.BigInteger;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A P-256 key and an X.509 certificate for it, made in the test with bcpkix; PEM for Node, a JDK TLS client. */
record TestCertificate(KeyPair keyPair, X509Certificate certificate) {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  /** A self-signed server certificate for {@code localhost} and {@code 127.0.0.1}. */
  static TestCertificate selfSignedServer() {
    KeyPair keyPair = newKeyPair();
    try {
      return new TestCertificate(keyPair, sign(builder("CN=localhost", "CN=localhost", keyPair)
          .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1")})), keyPair));
    } catch (CertIOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A certificate authority that can sign client certificates. */
  static TestCertificate authority(String commonName) {
    KeyPair keyPair = newKeyPair();
    try {
      return new TestCertificate(keyPair, sign(builder("CN=" + commonName, "CN=" + commonName, keyPair)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature)),
          keyPair));
    } catch (CertIOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A client certificate that this authority signed. */
  TestCertificate signClient(String commonName) {
    KeyPair clientKeys = newKeyPair();
    String issuer = certificate.getSubjectX500Principal().getName();
    return new TestCertificate(clientKeys, sign(builder(issuer, "CN=" + commonName, clientKeys), keyPair));
  }

  String keyPem() {
    return pem("PRIVATE KEY", keyPair.getPrivate().getEncoded());
  }

  String certPem() {
    try {
      return pem("CERTIFICATE", certificate.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A JDK TLS socket to 127.0.0.1:{@code port} that trusts only {@code trusted}, verifies the host
   * name, and presents {@code clientCertificate} when it is not null. The handshake runs here.
   */
  static SSLSocket connect(int port, TestCertificate trusted, TestCertificate clientCertificate)
      throws IOException {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("trusted", trusted.certificate());
      TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trust);
      KeyManager[] keyManagers = clientCertificate == null
          ? new KeyManager[0]
          : new KeyManager[] {new AlwaysPresent(clientCertificate)};
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, trustManagers.getTrustManagers(), null);
      SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
      startHandshake(socket);
      return socket;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void startHandshake(SSLSocket socket) throws IOException {
    try {
      socket.startHandshake();
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509v3CertificateBuilder builder(String issuer, String subject, KeyPair subjectKeys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(SERIAL.incrementAndGet()),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject),
        subjectKeys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
  }

  /**
   * Presents the client certificate whatever CAs the server names, as the JDK's own key manager
   * would not, so a test can show that the server verifies it.
   */
  private static final class AlwaysPresent extends X509ExtendedKeyManager {
    private static final String ALIAS = "client";
    private final TestCertificate certificate;

    AlwaysPresent(TestCertificate certificate) {
      this.certificate = certificate;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {ALIAS};
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
      return ALIAS;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return new String[0];
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return new X509Certificate[] {certificate.certificate()};
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return certificate.keyPair().getPrivate();
    }
  }
}
