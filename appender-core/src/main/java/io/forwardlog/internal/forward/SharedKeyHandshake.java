package io.forwardlog.internal.forward;

import io.forwardlog.internal.util.Durations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.value.Value;

/**
 * The client side of the Forward handshake: read the server's HELO, answer PING, check the PONG,
 * including the server's own digest, so a server that does not know the shared key is refused.
 *
 * <p>Real servers differ: Fluent Bit sends {@code nonce} and {@code auth} as str holding bytes that are
 * not UTF-8 (so they are read as raw bytes, never decoded), may omit {@code keepalive}, requires every
 * PING field to be str (so the salt is a hex string, as Fluentd's own forwarder sends it), and answers
 * a wrong shared key by closing the connection without a PONG.
 *
 * @see <a href="https://github.com/fluent/fluentd/wiki/Forward-Protocol-Specification-v1#handshake-messages">Handshake Messages</a>
 */
public final class SharedKeyHandshake implements ConnectionSetup {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final SharedKeyCredentials credentials;

    public SharedKeyHandshake(SharedKeyCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Exchange begin() {
        return new Session();
    }

    /** One connection's HELO, PING, PONG. */
    private final class Session implements Exchange {

        private final String salt = newSalt();
        private Helo helo;

        @Override
        public Step receive(Value message) throws DeliveryException {
            if (helo == null) {
                helo = Helo.parse(message);
                return new Step(ping(helo, salt), false, helo.keepalive());
            }
            checkPong(message, helo, salt);
            return new Step(null, true, helo.keepalive());
        }

        @Override
        public String awaiting() {
            return helo == null ? "HELO" : "PONG";
        }
    }

    private byte[] ping(Helo helo, String salt) throws DeliveryException {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            writePing(packer, helo, salt);
            return packer.toByteArray();
        } catch (IOException e) {
            throw new DeliveryException(DeliveryException.Kind.PROTOCOL, "cannot write PING: " + e.getMessage(), e);
        }
    }

    private void writePing(MessagePacker packer, Helo helo, String salt) throws IOException {
        String self = credentials.selfHostname();
        packer.packArrayHeader(6);
        packer.packString("PING");
        packer.packString(self);
        packer.packString(salt);
        packer.packString(sha512Hex(bytes(salt), bytes(self), helo.nonce(), credentials.sharedKey()));
        if (helo.auth().length == 0) {
            packer.packString("");
            packer.packString("");
        } else {
            // Fluent Bit sends an auth salt even when it has no users, and then ignores these two
            // fields: without a username, send an empty one, as Fluentd's forwarder does
            String username = credentials.username().orElse("");
            packer.packString(username);
            packer.packString(sha512Hex(helo.auth(), bytes(username), credentials.password()));
        }
    }

    private void checkPong(Value message, Helo helo, String salt) throws DeliveryException {
        List<Value> pong = HandshakeMessages.expect(message, "PONG", 5);
        if (!pong.get(1).isBooleanValue() || !pong.get(1).asBooleanValue().getBoolean()) {
            String hint = helo.auth().length > 0 && credentials.username().isEmpty()
                    ? " (the node asks for a username and password, and none is set for it)" : "";
            throw new DeliveryException(DeliveryException.Kind.AUTHENTICATION,
                    "authentication failed: " + HandshakeMessages.text(pong.get(2), "the node gave no reason") + hint);
        }
        String serverHostname = HandshakeMessages.text(pong.get(3), "");
        if (serverHostname.equals(credentials.selfHostname())) {
            throw new DeliveryException(DeliveryException.Kind.AUTHENTICATION,
                    "authentication failed: the node has the same host name as self_hostname '" + serverHostname
                            + "'; set a different self_hostname");
        }
        byte[] expected = bytes(sha512Hex(bytes(salt), bytes(serverHostname), helo.nonce(), credentials.sharedKey()));
        byte[] actual = pong.get(4).isRawValue() ? pong.get(4).asRawValue().asByteArray() : new byte[0];
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new DeliveryException(DeliveryException.Kind.AUTHENTICATION,
                    "authentication failed: the node could not prove it knows the shared key (wrong digest in PONG)");
        }
    }

    /** What a node that ends the connection before the handshake is done did, in words. */
    static DeliveryException closedDuring(String expected) {
        String hint = "PONG".equals(expected) ? " (Fluent Bit does this when the shared key is wrong)" : "";
        return new DeliveryException(DeliveryException.Kind.AUTHENTICATION,
                "authentication failed: the node closed the connection instead of sending " + expected + hint);
    }

    /** What a node that sends its handshake message too slowly did, in words. */
    static DeliveryException tooSlowDuring(String expected, Duration timeout) {
        return new DeliveryException(DeliveryException.Kind.AUTHENTICATION, "authentication failed: the node's "
                + expected + " did not arrive whole within " + Durations.format(timeout) + ": the node sends too slowly");
    }

    /** What a node that stays silent during the handshake did, in words. */
    static DeliveryException silentDuring(String expected, Duration timeout) {
        return new DeliveryException(DeliveryException.Kind.AUTHENTICATION,
                "authentication failed: no " + expected + " from the node within " + Durations.format(timeout)
                        + ("HELO".equals(expected) ? " (is a shared key configured on the node?)" : ""));
    }

    private static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HEX.formatHex(salt);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String sha512Hex(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HEX.formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every Java platform", e);
        }
    }

    /** The parts of HELO we use: nonce and auth salt as raw bytes, and whether the node keeps connections. */
    private record Helo(byte[] nonce, byte[] auth, boolean keepalive) {

        static Helo parse(Value message) throws DeliveryException {
            List<Value> helo = HandshakeMessages.expect(message, "HELO", 2);
            if (!helo.get(1).isMapValue()) {
                throw HandshakeMessages.malformed("HELO", message);
            }
            var options = helo.get(1).asMapValue().map();
            Value nonce = HandshakeMessages.field(options, "nonce");
            Value auth = HandshakeMessages.field(options, "auth");
            if (nonce == null || !nonce.isRawValue()) {
                throw HandshakeMessages.malformed("HELO", message);
            }
            Value keepalive = HandshakeMessages.field(options, "keepalive");
            return new Helo(nonce.asRawValue().asByteArray(),
                    auth != null && auth.isRawValue() ? auth.asRawValue().asByteArray() : new byte[0],
                    keepalive == null || !keepalive.isBooleanValue() || keepalive.asBooleanValue().getBoolean());
        }
    }
}
