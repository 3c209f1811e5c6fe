package io.forwardlog.interop;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.msgpack.value.Value;
import org.msgpack.value.ValueFactory;

/**
 * The client's side of the shared-key handshake, built by hand from the spec:
 * https://github.com/fluent/fluentd/wiki/Forward-Protocol-Specification-v1#handshake-messages
 */
final class Handshake {
  private Handshake() {
  }

  /** The HELO options: {@code nonce} and {@code auth} as the server packed them (str or bin). */
  record Helo(Value nonce, Value auth, Value keepalive) {
    byte[] nonceBytes() {
      return nonce.asRawValue().asByteArray();
    }

    byte[] authBytes() {
      return auth.asRawValue().asByteArray();
    }
  }

  /** Reads {@code ["HELO", {nonce, auth, keepalive}]}. */
  static Helo readHelo(ForwardClient client) throws IOException {
    Value helo = client.read();
    if (!helo.isArrayValue() || !ValueFactory.newString("HELO").equals(helo.asArrayValue().get(0))) {
      throw new AssertionError("expected HELO, got " + helo);
    }
    Map<Value, Value> options = helo.asArrayValue().get(1).asMapValue().map();
    return new Helo(options.get(key("nonce")), options.get(key("auth")), options.get(key("keepalive")));
  }

  /**
   * {@code ["PING", hostname, salt, hex(sha512(salt + hostname + nonce + sharedKey)), username,
   * hex(sha512(authSalt + username + password))]}; without a username the last two are empty.
   */
  static byte[] ping(String hostname, String salt, Helo helo, String sharedKey, String username, String password) {
    String passwordDigest = username.isEmpty()
        ? ""
        : sha512Hex(helo.authBytes(), bytes(username), bytes(password));
    return ForwardFrames.array("PING", hostname, salt,
        sha512Hex(bytes(salt), bytes(hostname), helo.nonceBytes(), bytes(sharedKey)), username, passwordDigest);
  }

  /** The digest a PONG carries to prove the server knows the shared key. */
  static String pongDigest(String salt, String serverHostname, Helo helo, String sharedKey) {
    return sha512Hex(bytes(salt), bytes(serverHostname), helo.nonceBytes(), bytes(sharedKey));
  }

  static String sha512Hex(byte[]... parts) {
    try {
      MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
      for (byte[] part : parts) {
        sha512.update(part);
      }
      return HexFormat.of().formatHex(sha512.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-512", e);
    }
  }

  static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static Value key(String name) {
    return ValueFactory.newString(name);
  }
}
