package io.forwardlog.testkit;

import static io.forwardlog.testkit.AcksTest.ack;
import static io.forwardlog.testkit.Msgpack.map;
import static io.forwardlog.testkit.Msgpack.pack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.testkit.TestTls.Identity;
import java.io.IOException;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.msgpack.value.ValueFactory;

class TlsTest {
  private static Identity server;
  private static Identity client;

  @BeforeAll
  static void makeCertificates() throws Exception {
    server = Identity.selfSigned("forward-receiver");
    client = Identity.selfSigned("forward-client");
  }

  @Test
  void receivesEventsAndSendsAcksOverTls() throws Exception {
    try (ForwardReceiver receiver = ForwardReceiver.builder().tls(TestTls.context(server)).start();
         WireClient wire = new WireClient(connect(receiver, TestTls.context(null, server.certificate())))) {
      wire.send(pack(List.of("tls", 1L, map("n", 1), map("chunk", "c1"))));

      assertEquals(ack(ValueFactory.newString("c1")), wire.read());
      assertEquals("tls", receiver.events().get(0).tag());
    }
  }

  @Test
  void speaksTheHandshakeInsideTls() throws Exception {
    try (ForwardReceiver receiver = ForwardReceiver.builder().tls(TestTls.context(server)).sharedKey("k").start();
         WireClient wire = new WireClient(connect(receiver, TestTls.context(null, server.certificate())))) {
      assertEquals("HELO", wire.read().asArrayValue().get(0).toString());
    }
  }

  @Test
  void acceptsAClientCertificateItTrustsWhenRequired() throws Exception {
    SSLContext serverContext = TestTls.context(server, client.certificate());
    try (ForwardReceiver receiver = ForwardReceiver.builder().tls(serverContext).requireClientCertificate(true).start();
         WireClient wire = new WireClient(connect(receiver, TestTls.context(client, server.certificate())))) {
      wire.send(pack(List.of("mtls", 1L, map("n", 1), map("chunk", "c1"))));

      assertEquals(ack(ValueFactory.newString("c1")), wire.read());
    }
  }

  @Test
  void refusesAClientWithoutACertificateWhenRequired() throws Exception {
    SSLContext serverContext = TestTls.context(server, client.certificate());
    try (ForwardReceiver receiver = ForwardReceiver.builder().tls(serverContext).requireClientCertificate(true).start()) {
      assertThrows(IOException.class, () -> {
        try (WireClient wire = new WireClient(connect(receiver, TestTls.context(null, server.certificate())))) {
          wire.send(pack(List.of("t", 1L, map("n", 1), map("chunk", "c1"))));
          wire.read();
        }
      });
      Await.until("the problem", () -> !receiver.problems().isEmpty());
      assertEquals(List.of("connection 1: TLS handshake failed: Empty client certificate chain"), receiver.problems());
      assertEquals(0, receiver.eventCount());
    }
  }

  @Test
  void refusesAClientCertificateItDoesNotTrust() throws Exception {
    Identity stranger = Identity.selfSigned("stranger");
    SSLContext serverContext = TestTls.context(server, client.certificate());
    try (ForwardReceiver receiver = ForwardReceiver.builder().tls(serverContext).requireClientCertificate(true).start()) {
      assertThrows(IOException.class, () -> {
        try (WireClient wire = new WireClient(connect(receiver, TestTls.context(stranger, server.certificate())))) {
          wire.send(pack(List.of("t", 1L, map("n", 1), map("chunk", "c1"))));
          wire.read();
        }
      });
      Await.until("the problem", () -> !receiver.problems().isEmpty());
      List<String> problems = receiver.problems();
      assertEquals(1, problems.size(), problems::toString);
      assertTrue(problems.get(0).startsWith("connection 1: TLS handshake failed: "), problems::toString);
      assertEquals(0, receiver.eventCount());
    }
  }

  private static SSLSocket connect(ForwardReceiver receiver, SSLContext clientContext) throws IOException {
    SSLSocket socket = (SSLSocket) clientContext.getSocketFactory().createSocket(receiver.host(), receiver.port());
    socket.startHandshake();
    return socket;
  }
}
