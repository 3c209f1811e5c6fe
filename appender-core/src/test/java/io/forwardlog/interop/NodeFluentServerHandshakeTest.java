package io.forwardlog.interop;

import static io.forwardlog.interop.Handshake.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.msgpack.value.ValueFactory.newArray;
import static org.msgpack.value.ValueFactory.newBoolean;
import static org.msgpack.value.ValueFactory.newString;

import io.forwardlog.interop.ForwardFrames.Entry;
import io.forwardlog.interop.ForwardFrames.Time;
import io.forwardlog.interop.Handshake.Helo;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msgpack.value.Value;

/** The harness's server runs the shared-key handshake, with and without users, as FluentServer does. */
class NodeFluentServerHandshakeTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String KEY = "s3cret-key";
  private static final String SERVER = "node-fluent-server";
  private static final String CLIENT = "forwardlog-test";
  // a hex string: the one salt form every real server takes
  private static final String SALT = "0123456789abcdef0123456789abcdef";
  private static final byte[] EVENT = ForwardFrames.message("app",
      new Entry(Time.seconds(1_700_000_000L), Map.of("m", "after handshake")), null);

  @Test
  void sendsHeloWithABinNonceAnEmptyStrAuthAndKeepalive() throws IOException {
    try (NodeFluentServer server = NodeFluentServer.builder().sharedKey(KEY).start();
        ForwardClient client = ForwardClient.connect(server)) {
      Helo helo = Handshake.readHelo(client);

      assertTrue(helo.nonce().isBinaryValue(), "nonce " + helo.nonce());
      assertEquals(16, helo.nonceBytes().length);
      assertEquals(newString(""), helo.auth());
      assertEquals(newBoolean(true), helo.keepalive());
    }
  }

  @Test
  void sendsABinAuthSaltWhenUsersAreRequired() throws IOException {
    try (NodeFluentServer server = NodeFluentServer.builder().sharedKey(KEY).user("alice", "pw").start();
        ForwardClient client = ForwardClient.connect(server)) {
      Helo helo = Handshake.readHelo(client);

      assertTrue(helo.auth().isBinaryValue(), "auth " + helo.auth());
      assertEquals(16, helo.authBytes().length);
    }
  }

  @Test
  void acceptsTheRightSharedKeyAndProvesInPongThatItKnowsIt() throws IOException {
    try (NodeFluentServer server = NodeFluentServer.builder().sharedKey(KEY).start();
        ForwardClient client = ForwardClient.connect(server)) {
      Helo helo = Handshake.readHelo(client);
      client.send(Handshake.ping(CLIENT, SALT, helo, KEY, "", ""));

      assertEquals(pong(true, "", SERVER, Handshake.pongDigest(SALT, SERVER, helo, KEY)), client.read());
      client.send(EVENT);
      assertEquals("after handshake", server.awaitEvents(1, TIMEOUT).get(0).record().get("m"));
    }
  }

  @Test
  void acceptsASaltSentAsBin() throws IOException {
    byte[] salt = {(byte) 0x80, 0, (byte) 0xff, 7};
    try (NodeFluentServer server = NodeFluentServer.builder().sharedKey(KEY).serverHostname("fluent-node").start();
        ForwardClient client = ForwardClient.connect(server)) {
      Helo helo = Handshake.readHelo(client);
      client.send(ForwardFrames.array("PING", CLIENT, salt,
          Handshake.sha512Hex(salt, bytes(CLIENT), helo.nonceBytes(), bytes(KEY)), "", ""));

      assertEquals(pong(true, "", "fluent-node",
          Handshake.sha512Hex(salt, bytes("fluent-node"), helo.nonceBytes(), bytes(KEY))), client.read());
    }
  }

  @Test
  void answersAWrongSharedKeyWithPongFalseAndItsReasonThenCloses() throws IOException {
    try (NodeFluentServer server = NodeFluentServer.builder().sharedKey(KEY).start();
        ForwardClient client = ForwardClient.connect(server)) {
      client.send(Handshake.ping(CLIENT, SALT, Handshake.readHelo(client), "wrong-key", "", ""));

      assertEquals(pong(false, "shared key mismatch", SERVER, ""), client.read());
      assertTrue(client.closedByServer());
      assertEquals(List.of(client.peer() + ": handshake refused: shared key mismatch"),
          server.awaitErrors(1, TIMEOUT));
    }
  }

  @Test
  void refusesAClientHostnameEqualToItsOwn() throws IOException {
    try (NodeFluentServer server = NodeFluentServer.builder().sharedKey(KEY).start();
        ForwardClient client = ForwardClient.connect(server)) {
      client.send(Handshake.ping(SERVER, SALT, Handshake.readHelo(client), KEY, "", ""));

      String reason = "Same hostname between input and output: invalid configuration";
      assertEquals(pong(false, reason, SERVER, ""), client.read());
      assertEquals(List.of(client.peer() + ": handshake refused: " + reason), server.awaitErrors(1, TIMEOUT));
    }
  }

  @Test
  void acceptsTheRightUserAndPassword() throws IOException {
    try (NodeFluentServer server = NodeFluentServer.builder().sharedKey(KEY).user("alice", "pa:ss").start();
        ForwardClient client = ForwardClient.connect(server)) {
      Helo helo = Handshake.readHelo(client);
      client.send(Handshake.ping(CLIENT, SALT, helo, KEY, "alice", "pa:ss"));

      assertEquals(pong(true, "", SERVER, Handshake.pongDigest(SALT, SERVER, helo, KEY)), client.read());
      client.send(EVENT);
      assertEquals(1, server.awaitEvents(1, TIMEOUT).size());
    }
  }

  @Test
  void answersAWrongPasswordWithPongFalseAndItsReason() throws IOException {
    assertUserRefused("alice", "wrong", "username/password mismatch");
  }

  @Test
  void answersAnUnknownUserWithTheSameReasonAsAWrongPassword() throws IOException {
    assertUserRefused("mallory", "pw", "username/password mismatch");
  }

  @Test
  void answersAPingWithoutAUserWhenUsersAreRequired() throws IOException {
    assertUserRefused("", "", "missing authentication information");
  }

  @Test
  void dropsAnEventSentBeforeThePing() throws IOException {
    try (NodeFluentServer server = NodeFluentServer.builder().sharedKey(KEY).start();
        ForwardClient client = ForwardClient.connect(server)) {
      Handshake.readHelo(client);
      client.send(EVENT);

      assertTrue(client.closedByServer());
      assertEquals(List.of(client.peer() + ": unexpected message [\"app\",1700000000,{\"m\":\"after handshake\"}]"),
          server.awaitErrors(1, TIMEOUT));
      assertEquals(List.of(), server.events());
    }
  }

  private static void assertUserRefused(String user, String password, String reason) throws IOException {
    try (NodeFluentServer server = NodeFluentServer.builder().sharedKey(KEY).user("alice", "pw").start();
        ForwardClient client = ForwardClient.connect(server)) {
      client.send(Handshake.ping(CLIENT, SALT, Handshake.readHelo(client), KEY, user, password));

      assertEquals(pong(false, reason, SERVER, ""), client.read());
      assertTrue(client.closedByServer());
      assertEquals(List.of(client.peer() + ": handshake refused: " + reason), server.awaitErrors(1, TIMEOUT));
    }
  }

  private static Value pong(boolean ok, String reason, String hostname, String digest) {
    return newArray(newString("PONG"), newBoolean(ok), newString(reason), newString(hostname), newString(digest));
  }
}
