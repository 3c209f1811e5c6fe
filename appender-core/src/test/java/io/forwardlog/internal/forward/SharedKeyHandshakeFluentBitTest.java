package io.forwardlog.internal.forward;

import static io.forwardlog.internal.forward.FluentBitLikeServer.AUTH;
import static io.forwardlog.internal.forward.FluentBitLikeServer.NONCE;
import static io.forwardlog.internal.forward.FluentBitLikeServer.sha512Hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.internal.transport.TcpTransport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.msgpack.value.Value;

/**
 * Fluent Bit's in_forward quirks, played by a scripted server: its HELO carries {@code nonce} and
 * {@code auth} as str holding bytes that are not UTF-8, always has an {@code auth} salt (users or
 * not) and no {@code keepalive}; every PING field must be a str. The digests must use the raw bytes.
 */
class SharedKeyHandshakeFluentBitTest {

    private static final String SELF = "app-host-1";
    private static final String KEY = "s3cr3t-k3y";
    private static final String WRONG_KEY = "wr0ng-k3y";

    @Test
    void answersAHeloOfRawStrBytesWithAPingOfStrFieldsAndTheRightDigest() throws Exception {
        try (FluentBitLikeServer server = FluentBitLikeServer.start(KEY);
             SecureClient client = client(KEY, Optional.empty(), Optional.empty())) {
            client.deliver(server.host(), server.port(), "to fluent bit");

            List<Value> ping = server.awaitPing();
            assertEquals(6, ping.size());
            for (Value field : ping) {
                assertTrue(field.isStringValue(), "every PING field must be a str: " + ping);
            }
            assertEquals("PING", text(ping.get(0)));
            assertEquals(SELF, text(ping.get(1)));
            String salt = text(ping.get(2));
            assertEquals(sha512Hex(bytes(salt), bytes(SELF), NONCE, bytes(KEY)), text(ping.get(3)));
        }
    }

    @Test
    void sendsAnEmptyUsernameWhenTheNodeHasAnAuthSaltButNoUserIsConfigured() throws Exception {
        try (FluentBitLikeServer server = FluentBitLikeServer.start(KEY);
             SecureClient client = client(KEY, Optional.empty(), Optional.empty())) {
            client.deliver(server.host(), server.port(), "without a user");

            List<Value> ping = server.awaitPing();
            assertEquals("", text(ping.get(4)));
            assertEquals(sha512Hex(AUTH, new byte[0], new byte[0]), text(ping.get(5)));
        }
    }

    @Test
    void provesTheUserWithTheRawBytesOfTheAuthSalt() throws Exception {
        try (FluentBitLikeServer server = FluentBitLikeServer.start(KEY, "alice", "pa55");
             SecureClient client = client(KEY, Optional.of("alice"), Optional.of("pa55"))) {
            client.deliver(server.host(), server.port(), "as alice");

            List<Value> ping = server.awaitPing();
            assertEquals("alice", text(ping.get(4)));
            assertEquals(sha512Hex(AUTH, bytes("alice"), bytes("pa55")), text(ping.get(5)));
        }
    }

    @Test
    void handshakesWithAnEmptySharedKey() throws Exception {
        try (FluentBitLikeServer server = FluentBitLikeServer.start("");
             SecureClient client = client("", Optional.empty(), Optional.empty())) {
            client.deliver(server.host(), server.port(), "with empty_shared_key");

            List<Value> ping = server.awaitPing();
            assertEquals(sha512Hex(bytes(text(ping.get(2))), bytes(SELF), NONCE), text(ping.get(3)));
        }
    }

    @Test
    void saysWhoIsMissingWhenTheNodeRefusesTheEmptyUsername() throws Exception {
        try (FluentBitLikeServer server = FluentBitLikeServer.start(KEY, "alice", "pa55");
             SecureClient client = client(KEY, Optional.empty(), Optional.empty())) {
            DeliveryException refusal = client.refusal(server.host(), server.port());

            assertEquals(DeliveryException.Kind.AUTHENTICATION, refusal.kind());
            assertEquals("authentication failed: username/password mismatch"
                    + " (the node asks for a username and password, and none is set for it)", refusal.getMessage());
        }
    }

    @Test
    void reportsAWrongSharedKeyThatFluentBitAnswersByClosing() throws Exception {
        try (FluentBitLikeServer server = FluentBitLikeServer.start(KEY);
             SecureClient client = client(WRONG_KEY, Optional.empty(), Optional.empty())) {
            DeliveryException refusal = client.refusal(server.host(), server.port());

            assertEquals(DeliveryException.Kind.AUTHENTICATION, refusal.kind());
            assertEquals("authentication failed: the node closed the connection instead of sending PONG"
                    + " (Fluent Bit does this when the shared key is wrong)", refusal.getMessage());
            NoSecrets.in(refusal, WRONG_KEY, KEY);
        }
    }

    private static SecureClient client(String sharedKey, Optional<String> username, Optional<String> password) {
        return SecureClient.over(new TcpTransport(),
                new SharedKeyHandshake(new SharedKeyCredentials(SELF, sharedKey, username, password)));
    }

    private static String text(Value value) {
        return value.asStringValue().asString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
