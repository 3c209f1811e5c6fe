package io.forwardlog.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.interop.ForwardFrames.Entry;
import io.forwardlog.interop.ForwardFrames.Time;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.msgpack.value.ValueFactory;

/** The harness's server speaks TLS with a certificate made in the test, and can require client certificates. */
class NodeFluentServerTlsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final byte[] EVENT = ForwardFrames.message("app",
      new Entry(Time.eventTime(1_700_000_000L, 42), Map.of("m", "over tls")), Map.of("chunk", "dGxz"));

  private final TestCertificate serverCertificate = TestCertificate.selfSignedServer();
  private final TestCertificate clientAuthority = TestCertificate.authority("forwardlog test clients");

  @Test
  void receivesEventsOverTlsFromAClientThatTrustsItsCertificate() throws IOException {
    try (NodeFluentServer server = tlsServer().start();
        ForwardClient client = ForwardClient.over(TestCertificate.connect(server.port(), serverCertificate, null))) {
      client.send(EVENT);

      assertEquals(ValueFactory.newMap(ValueFactory.newString("ack"), ValueFactory.newString("dGxz")), client.read());
      assertEquals(List.of(new NodeEvent("app", 1_700_000_000L, 42, true, Map.of("m", "over tls"))),
          server.awaitEvents(1, TIMEOUT));
    }
  }

  @Test
  void reportsAPlainTcpClientAsAFailedTlsHandshake() throws IOException {
    try (NodeFluentServer server = tlsServer().start(); ForwardClient client = ForwardClient.connect(server)) {
      client.send(EVENT);

      assertTrue(client.closedByServer());
      String error = server.awaitErrors(1, TIMEOUT).get(0);
      assertEquals(client.peer() + ": TLS handshake failed: wrong version number", error);
      assertEquals(List.of(), server.events());
    }
  }

  @Test
  void receivesEventsFromAClientWhoseCertificateItsCaSigned() throws IOException {
    TestCertificate clientCertificate = clientAuthority.signClient("client-1");
    try (NodeFluentServer server = tlsServer().clientCa(clientAuthority.certPem()).start();
        ForwardClient client = ForwardClient.over(
            TestCertificate.connect(server.port(), serverCertificate, clientCertificate))) {
      client.send(EVENT);

      assertEquals(ValueFactory.newMap(ValueFactory.newString("ack"), ValueFactory.newString("dGxz")), client.read());
      assertEquals(1, server.awaitEvents(1, TIMEOUT).size());
    }
  }

  @Test
  void refusesAClientWithoutACertificateWhenItRequiresOne() throws IOException {
    try (NodeFluentServer server = tlsServer().clientCa(clientAuthority.certPem()).start()) {
      assertThrows(IOException.class, () -> sendAndReadAnswer(server, null));

      assertTlsRefused(server, "peer did not return a certificate");
    }
  }

  @Test
  void refusesAClientCertificateThatAnotherCaSigned() throws IOException {
    TestCertificate stranger = TestCertificate.authority("somebody else").signClient("client-2");
    try (NodeFluentServer server = tlsServer().clientCa(clientAuthority.certPem()).start()) {
      assertThrows(IOException.class, () -> sendAndReadAnswer(server, stranger));

      assertTlsRefused(server, "client certificate refused: UNABLE_TO_VERIFY_LEAF_SIGNATURE");
    }
  }

  private NodeFluentServer.Builder tlsServer() {
    return NodeFluentServer.builder().tls(serverCertificate.keyPem(), serverCertificate.certPem());
  }

  // With TLS 1.3 the client may finish its handshake before the server checks its certificate:
  // the refusal then arrives on the first read.
  private void sendAndReadAnswer(NodeFluentServer server, TestCertificate clientCertificate) throws IOException {
    try (SSLSocket socket = TestCertificate.connect(server.port(), serverCertificate, clientCertificate);
        ForwardClient client = ForwardClient.over(socket)) {
      client.send(EVENT);
      client.read();
    }
  }

  private static void assertTlsRefused(NodeFluentServer server, String reason) {
    String error = server.awaitErrors(1, TIMEOUT).get(0);
    assertTrue(error.matches("127\\.0\\.0\\.1:\\d+: TLS handshake failed: " + reason), error);
    assertEquals(List.of(), server.events());
  }
}
