package io.forwardlog.internal.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.forwardlog.internal.transport.TcpTransport;
import io.forwardlog.interop.NodeFluentServer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shared-key handshake against the Fluent project's Node FluentServer, an implementation that
 * is not ours: accepted with the right key, an empty key, or a user; refused with its own reasons.
 */
class SharedKeyHandshakeNodeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String SELF = "app-host-1";
    private static final String KEY = "s3cr3t-k3y";
    private static final String WRONG_KEY = "wr0ng-k3y";
    private static final String PASSWORD = "pa55-w0rd";
    private static final String WRONG_PASSWORD = "b4d-pa55";

    @Test
    void deliversAfterAHandshakeWithTheRightKey() throws Exception {
        assertDelivered(NodeFluentServer.builder().sharedKey(KEY), client(SELF, KEY, Optional.empty(), Optional.empty()));
    }

    @Test
    void deliversAfterAHandshakeWithAnEmptySharedKey() throws Exception {
        assertDelivered(NodeFluentServer.builder().sharedKey(""), client(SELF, "", Optional.empty(), Optional.empty()));
    }

    @Test
    void deliversAfterAHandshakeWithTheRightUserAndPassword() throws Exception {
        assertDelivered(NodeFluentServer.builder().sharedKey(KEY).user("alice", PASSWORD),
                client(SELF, KEY, Optional.of("alice"), Optional.of(PASSWORD)));
    }

    @Test
    void reportsAWrongKeyAnsweredWithPongFalse() throws Exception {
        assertRefused(NodeFluentServer.builder().sharedKey(KEY), client(SELF, WRONG_KEY, Optional.empty(), Optional.empty()),
                "authentication failed: shared key mismatch");
    }

    @Test
    void reportsAWrongPasswordWithTheNodesReason() throws Exception {
        assertRefused(NodeFluentServer.builder().sharedKey(KEY).user("alice", PASSWORD),
                client(SELF, KEY, Optional.of("alice"), Optional.of(WRONG_PASSWORD)),
                "authentication failed: username/password mismatch");
    }

    @Test
    void reportsANodeThatRequiresAUserWhenNoneIsSet() throws Exception {
        assertRefused(NodeFluentServer.builder().sharedKey(KEY).user("alice", PASSWORD),
                client(SELF, KEY, Optional.empty(), Optional.empty()),
                "authentication failed: missing authentication information"
                        + " (the node asks for a username and password, and none is set for it)");
    }

    @Test
    void reportsASelfHostnameEqualToTheNodesOwn() throws Exception {
        assertRefused(NodeFluentServer.builder().sharedKey(KEY).serverHostname("fluentd-1"),
                client("fluentd-1", KEY, Optional.empty(), Optional.empty()),
                "authentication failed: Same hostname between input and output: invalid configuration");
    }

    private static SecureClient client(String self, String key, Optional<String> username, Optional<String> password) {
        return SecureClient.over(new TcpTransport(),
                new SharedKeyHandshake(new SharedKeyCredentials(self, key, username, password)));
    }

    private static void assertDelivered(NodeFluentServer.Builder builder, SecureClient secureClient) throws Exception {
        try (NodeFluentServer server = builder.start(); SecureClient client = secureClient) {
            client.deliver(server.host(), server.port(), "after the handshake");

            assertEquals("after the handshake", server.awaitEvents(1, TIMEOUT).get(0).record().get("message"));
        }
    }

    private static void assertRefused(NodeFluentServer.Builder builder, SecureClient secureClient, String message)
            throws Exception {
        try (NodeFluentServer server = builder.start(); SecureClient client = secureClient) {
            DeliveryException refusal = client.refusal(server.host(), server.port());

            assertEquals(DeliveryException.Kind.AUTHENTICATION, refusal.kind());
            assertEquals(message, refusal.getMessage());
            NoSecrets.in(refusal, KEY, WRONG_KEY, PASSWORD, WRONG_PASSWORD);
            assertEquals(1, server.awaitErrors(1, TIMEOUT).size());
            assertEquals(0, server.events().size());
        }
    }
}
