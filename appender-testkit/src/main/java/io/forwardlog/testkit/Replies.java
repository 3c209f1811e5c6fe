package io.forwardlog.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.value.Value;

/**
 * The msgpack the server writes: HELO, PONG and ack.
 *
 * @see <a href="https://github.com/fluent/fluentd/wiki/Forward-Protocol-Specification-v1#handshake-messages">Handshake messages</a>
 * @see <a href="https://github.com/fluent/fluentd/wiki/Forward-Protocol-Specification-v1#response">Response</a>
 */
final class Replies {
  private Replies() {
  }

  /**
   * {@code ["HELO", {"nonce": bin, "auth": bin or "", "keepalive": bool}]}; {@code auth} is the user
   * auth salt, an empty str when no user is required (as Fluentd sends it).
   */
  static byte[] helo(byte[] nonce, Optional<byte[]> authSalt, boolean keepalive) {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      packer.packArrayHeader(2).packString("HELO").packMapHeader(3);
      packer.packString("nonce").packBinaryHeader(nonce.length).writePayload(nonce);
      packer.packString("auth");
      if (authSalt.isPresent()) {
        packer.packBinaryHeader(authSalt.get().length).writePayload(authSalt.get());
      } else {
        packer.packString("");
      }
      packer.packString("keepalive").packBoolean(keepalive);
      return packer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code ["PONG", authenticated, reason, server_hostname, shared_key_hexdigest]}. */
  static byte[] pong(boolean authenticated, String reason, String serverHostname, String digest) {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      packer.packArrayHeader(5).packString("PONG").packBoolean(authenticated).packString(reason)
          .packString(serverHostname).packString(digest);
      return packer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code {"ack": chunk}}, the chunk echoed with its own type (str or bin). */
  static byte[] ack(Value chunk) {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      packer.packMapHeader(1).packString("ack").packValue(chunk);
      return packer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
