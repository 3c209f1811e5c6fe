package io.forwardlog.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.msgpack.value.Value;

/**
 * The server side of the shared-key handshake: HELO, then PING checked, then PONG.
 *
 * <p>Failures are answered as Fluentd does ({@code ["PONG", false, reason, "", ""]}), except a wrong
 * shared key under {@link Faults#closeOnWrongSharedKey}, which closes without a PONG as Fluent Bit
 * does. Digests are {@code sha512_hex} of the byte concatenation of their parts.
 *
 * @see <a href="https://github.com/fluent/fluentd/wiki/Forward-Protocol-Specification-v1#handshake-messages">Handshake messages</a>
 */
final class ServerHandshake {
  static final String SAME_HOSTNAME = "same hostname between input and output: invalid configuration";
  static final String SHARED_KEY_MISMATCH = "shared_key mismatch";
  static final String USER_MISMATCH = "username/password mismatch";

  private static final byte[] PING = "PING".getBytes(StandardCharsets.US_ASCII);

  private final Settings settings;
  private final Faults faults;
  private final SecureRandom random;
  private final byte[] nonce = new byte[16];
  private final Optional<byte[]> authSalt;

  ServerHandshake(Settings settings, Faults faults, SecureRandom random) {
    this.settings = settings;
    this.faults = faults;
    this.random = random;
    random.nextBytes(nonce);
    this.authSalt = settings.users().isEmpty() ? Optional.empty() : Optional.of(randomBytes());
  }

  byte[] helo() {
    return Replies.helo(nonce, authSalt, settings.keepalive());
  }

  /**
   * Checks a PING and answers it.
   *
   * @return the failure reason, or empty when the client may now send data
   * @throws ProtocolViolation when the message is not a well-formed PING (no answer is sent)
   */
  Optional<String> answer(Value message, ReplyChannel out) throws ProtocolViolation, IOException {
    List<Value> ping = checkShape(message);
    byte[] hostname = raw(ping.get(1));
    byte[] salt = raw(ping.get(2));
    String keyDigest = Values.text(ping.get(3), "the PING shared key digest");
    String username = Values.text(ping.get(4), "the PING username");
    String passwordDigest = Values.text(ping.get(5), "the PING password digest");
    byte[] key = settings.sharedKey().orElseThrow().getBytes(StandardCharsets.UTF_8);
    byte[] serverHostname = settings.serverHostname().getBytes(StandardCharsets.UTF_8);

    Optional<String> refusal = Optional.empty();
    if (Arrays.equals(hostname, serverHostname)) {
      refusal = Optional.of(SAME_HOSTNAME);
    } else if (!keyDigest.equals(Sha512.hex(salt, hostname, nonce, key))) {
      refusal = Optional.of(SHARED_KEY_MISMATCH);
      if (faults.closingOnWrongSharedKey()) {
        return refusal; // Fluent Bit closes without a PONG
      }
    } else if (!settings.users().isEmpty() && !userMatches(username, passwordDigest)) {
      refusal = Optional.of(USER_MISMATCH);
    }
    if (refusal.isPresent()) {
      out.send(Replies.pong(false, refusal.get(), "", ""));
      return refusal;
    }
    byte[] provenKey = faults.sendingWrongDigest() ? randomBytes() : key;
    out.send(Replies.pong(true, "", settings.serverHostname(),
        Sha512.hex(salt, serverHostname, nonce, provenKey)));
    return Optional.empty();
  }

  private boolean userMatches(String username, String passwordDigest) {
    String password = settings.users().get(username);
    return password != null && passwordDigest.equals(Sha512.hex(authSalt.orElseThrow(),
        username.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Value> checkShape(Value message) throws ProtocolViolation {
    if (!message.isArrayValue() || message.asArrayValue().size() == 0
        || !message.asArrayValue().get(0).isStringValue()
        || !Arrays.equals(raw(message.asArrayValue().get(0)), PING)) {
      throw new ProtocolViolation("data before the handshake completed: expected a PING, got "
          + describe(message));
    }
    List<Value> ping = message.asArrayValue().list();
    if (ping.size() != 6) {
      throw new ProtocolViolation("invalid PING: expected 6 elements, got " + ping.size());
    }
    if (!ping.get(1).isStringValue()) {
      throw new ProtocolViolation("invalid PING: the hostname must be a str, got "
          + Values.typeOf(ping.get(1)));
    }
    if (!ping.get(2).isRawValue()) {
      throw new ProtocolViolation("invalid PING: the shared key salt must be a str or bin, got "
          + Values.typeOf(ping.get(2)));
    }
    String[] names = {"", "", "", "shared key digest", "username", "password digest"};
    for (int i = 3; i < 6; i++) {
      if (!ping.get(i).isStringValue()) {
        throw new ProtocolViolation("invalid PING: the " + names[i] + " must be a str, got "
            + Values.typeOf(ping.get(i)));
      }
    }
    return ping;
  }

  private static String describe(Value message) {
    if (message.isArrayValue()) {
      return "an array of " + message.asArrayValue().size();
    }
    return Values.typeOf(message);
  }

  private static byte[] raw(Value value) {
    return value.asRawValue().asByteArray();
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return bytes;
  }
}
