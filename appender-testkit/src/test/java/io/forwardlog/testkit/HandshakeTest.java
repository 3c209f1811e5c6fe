package io.forwardlog.testkit;

import static io.forwardlog.testkit.Msgpack.map;
import static io.forwardlog.testkit.Msgpack.pack;
import static io.forwardlog.testkit.Msgpack.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.msgpack.value.Value;
import org.msgpack.value.ValueFactory;

class HandshakeTest {
  private static final String KEY = "s3cret-key";
  private static final String SALT = "0123456789abcdef0123456789abcdef";
  private ForwardReceiver receiver;

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void sendsHeloWithA16ByteNonceAndNoAuthSaltWhenNoUserIsRequired() throws Exception {
    receiver = ForwardReceiver.builder().sharedKey(KEY).start();
    try (WireClient client = WireClient.connect(receiver)) {
      Helo helo = Helo.of(client.read());

      assertEquals(16, helo.nonce().length);
      assertEquals(ValueFactory.newString(""), helo.options().get(ValueFactory.newString("auth")));
      assertEquals(ValueFactory.newBoolean(true), helo.options().get(ValueFactory.newString("keepalive")));
    }
  }

  @Test
  void acceptsACorrectPingAndProvesTheServerKnowsTheKey() throws Exception {
    receiver = ForwardReceiver.builder().sharedKey(KEY).serverHostname("aggregator").start();
    try (WireClient client = WireClient.connect(receiver)) {
      Helo helo = Helo.of(client.read());
      client.send(ping(helo, "client-host", KEY, "", ""));

      assertEquals(pong(true, "", "aggregator", sha512Hex(utf8(SALT), utf8("aggregator"), helo.nonce(), utf8(KEY))),
          client.read());
      client.send(pack(List.of("after.handshake", 1L, map("n", 1))));
      assertEquals("after.handshake", receiver.awaitEvents(1, Await.TIMEOUT).get(0).tag());
    }
    assertEquals(List.of(), receiver.problems());
  }

  @Test
  void acceptsASaltSentAsBin() throws Exception {
    receiver = ForwardReceiver.builder().sharedKey(KEY).start();
    try (WireClient client = WireClient.connect(receiver)) {
      Helo helo = Helo.of(client.read());
      byte[] salt = {(byte) 0xff, 0, 1, 2};
      client.send(pack(List.of("PING", "client-host", salt,
          sha512Hex(salt, utf8("client-host"), helo.nonce(), utf8(KEY)), "", "")));

      assertEquals(ValueFactory.newBoolean(true), client.read().asArrayValue().get(1));
    }
  }

  @Test
  void checksTheUserPasswordWithTheAuthSaltFromHelo() throws Exception {
    receiver = ForwardReceiver.builder().sharedKey(KEY).user("alice", "pa55").user("bob", "other").start();
    try (WireClient client = WireClient.connect(receiver)) {
      Helo helo = Helo.of(client.read());
      assertEquals(16, helo.auth().length);
      client.send(ping(helo, "client-host", KEY, "alice", "pa55"));

      assertEquals(ValueFactory.newBoolean(true), client.read().asArrayValue().get(1));
    }
  }

  @Test
  void refusesAWrongSharedKeyWithPongFalseThenClosesAsFluentdDoes() throws Exception {
    receiver = ForwardReceiver.builder().sharedKey(KEY).start();
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(ping(Helo.of(client.read()), "client-host", "wrong-key", "", ""));

      assertEquals(pong(false, "shared_key mismatch", "", ""), client.read());
      assertTrue(client.serverClosed());
    }
    assertEquals(List.of("connection 1: handshake refused: shared_key mismatch"), receiver.problems());
  }

  @Test
  void closesWithoutPongOnAWrongSharedKeyAsFluentBitDoesWhenSwitched() throws Exception {
    receiver = ForwardReceiver.builder().sharedKey(KEY).start();
    receiver.faults().closeOnWrongSharedKey(true);
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(ping(Helo.of(client.read()), "client-host", "wrong-key", "", ""));

      assertTrue(client.serverClosed(), "closed with no PONG");
    }
    assertEquals(List.of("connection 1: handshake refused: shared_key mismatch"), receiver.problems());
  }

  @Test
  void refusesAWrongPasswordAndAnUnknownUserAlike() throws Exception {
    receiver = ForwardReceiver.builder().sharedKey(KEY).user("alice", "pa55").start();
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(ping(Helo.of(client.read()), "client-host", KEY, "alice", "wrong"));
      assertEquals(pong(false, "username/password mismatch", "", ""), client.read());
      assertTrue(client.serverClosed());
    }
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(ping(Helo.of(client.read()), "client-host", KEY, "mallory", "pa55"));
      assertEquals(pong(false, "username/password mismatch", "", ""), client.read());
      assertTrue(client.serverClosed());
    }
    assertEquals(List.of("connection 1: handshake refused: username/password mismatch",
        "connection 2: handshake refused: username/password mismatch"), receiver.problems());
  }

  @Test
  void refusesAClientWhoseHostnameIsTheServers() throws Exception {
    receiver = ForwardReceiver.builder().sharedKey(KEY).serverHostname("same-host").start();
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(ping(Helo.of(client.read()), "same-host", KEY, "", ""));

      assertEquals(pong(false, "same hostname between input and output: invalid configuration", "", ""),
          client.read());
    }
  }

  @Test
  void answersWithAWrongDigestWhenTheFaultIsOn() throws Exception {
    receiver = ForwardReceiver.builder().sharedKey(KEY).start();
    receiver.faults().handshakeWrongDigest(true);
    try (WireClient client = WireClient.connect(receiver)) {
      Helo helo = Helo.of(client.read());
      client.send(ping(helo, "client-host", KEY, "", ""));

      List<Value> pong = client.read().asArrayValue().list();
      assertEquals(ValueFactory.newBoolean(true), pong.get(1));
      assertEquals("forwardlog-testkit", pong.get(3).toString());
      assertEquals(128, pong.get(4).toString().length());
      assertNotEquals(sha512Hex(utf8(SALT), utf8("forwardlog-testkit"), helo.nonce(), utf8(KEY)),
          pong.get(4).toString());
    }
  }

  @Test
  void treatsDataBeforeTheHandshakeAsAProblemAndCloses() throws Exception {
    receiver = ForwardReceiver.builder().sharedKey(KEY).start();
    try (WireClient client = WireClient.connect(receiver)) {
      client.read();
      client.send(pack(List.of("t", 1L, map("n", 1))));

      assertTrue(client.serverClosed());
    }
    assertEquals(List.of("connection 1: data before the handshake completed: expected a PING, got an array of 3"),
        receiver.problems());
    assertEquals(0, receiver.eventCount());
  }

  @Test
  void treatsAPingOfTheWrongShapeAsAProblemAndCloses() throws Exception {
    receiver = ForwardReceiver.builder().sharedKey(KEY).start();
    try (WireClient client = WireClient.connect(receiver)) {
      client.read();
      client.send(pack(List.of("PING", "client-host", SALT, "digest")));
      assertTrue(client.serverClosed());
    }
    try (WireClient client = WireClient.connect(receiver)) {
      client.read();
      client.send(pack(List.of("PING", "client-host", SALT, "digest", 7L, "")));
      assertTrue(client.serverClosed());
    }
    assertEquals(List.of("connection 1: invalid PING: expected 6 elements, got 4",
        "connection 2: invalid PING: the username must be a str, got int"), receiver.problems());
  }

  @Test
  void neverShowsTheSharedKeyOrAPassword() throws Exception {
    receiver = ForwardReceiver.builder().sharedKey(KEY).user("alice", "pa55word").start();
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(ping(Helo.of(client.read()), "client-host", "wrong-key", "alice", "pa55word"));
      client.read();
    }
    String shown = receiver + " " + receiver.problems() + " " + receiver.faults();
    assertFalse(shown.contains(KEY) || shown.contains("pa55word"), shown);
  }

  /** What the server's HELO carried. */
  private record Helo(Map<Value, Value> options) {
    static Helo of(Value value) {
      List<Value> helo = value.asArrayValue().list();
      assertEquals(2, helo.size());
      assertEquals("HELO", helo.get(0).asStringValue().toString());
      return new Helo(helo.get(1).asMapValue().map());
    }

    byte[] nonce() {
      return options.get(ValueFactory.newString("nonce")).asRawValue().asByteArray();
    }

    byte[] auth() {
      return options.get(ValueFactory.newString("auth")).asRawValue().asByteArray();
    }
  }

  private static byte[] ping(Helo helo, String hostname, String key, String user, String password)
      throws Exception {
    String passwordDigest = user.isEmpty() ? "" : sha512Hex(helo.auth(), utf8(user), utf8(password));
    return pack(List.of("PING", hostname, SALT,
        sha512Hex(utf8(SALT), utf8(hostname), helo.nonce(), utf8(key)), user, passwordDigest));
  }

  private static Value pong(boolean ok, String reason, String hostname, String digest) {
    return ValueFactory.newArray(ValueFactory.newString("PONG"), ValueFactory.newBoolean(ok),
        ValueFactory.newString(reason), ValueFactory.newString(hostname), ValueFactory.newString(digest));
  }

  private static String sha512Hex(byte[]... parts) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(all.toByteArray()));
  }
}
