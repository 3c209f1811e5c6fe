package io.forwardlog.internal.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.forwardlog.internal.transport.TcpTransport;
import io.forwardlog.testkit.ForwardReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shared-key handshake against our receiver: accepted with the right key (and user), refused
 * with a clear "authentication failed" message however the node refuses, and refused when the
 * node cannot prove that it knows the key.
 */
class SharedKeyHandshakeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String SELF = "app-host-1";
    private static final String KEY = "s3cr3t-k3y";
    private static final String WRONG_KEY = "wr0ng-k3y";
    private static final String PASSWORD = "pa55-w0rd";
    private static final String WRONG_PASSWORD = "b4d-pa55";

    @Test
    void deliversAfterAHandshakeWithTheRightKey() throws Exception {
        try (ForwardReceiver receiver = receiver().start();
             SecureClient client = client(SELF, KEY, Optional.empty(), Optional.empty())) {
            client.deliver(receiver.host(), receiver.port(), "after the handshake");

            assertEquals("after the handshake", receiver.awaitEvents(1, TIMEOUT).get(0).record().get("message"));
            assertEquals(List.of(), receiver.problems());
        }
    }

    @Test
    void deliversAfterAHandshakeWithTheRightUserAndPassword() throws Exception {
        try (ForwardReceiver receiver = receiver().user("alice", PASSWORD).start();
             SecureClient client = client(SELF, KEY, Optional.of("alice"), Optional.of(PASSWORD))) {
            client.deliver(receiver.host(), receiver.port(), "as alice");

            assertEquals("as alice", receiver.awaitEvents(1, TIMEOUT).get(0).record().get("message"));
            assertEquals(List.of(), receiver.problems());
        }
    }

    @Test
    void reportsAWrongKeyAnsweredWithPongFalse() throws Exception {
        try (ForwardReceiver receiver = receiver().start()) {
            assertRefused(receiver, client(SELF, WRONG_KEY, Optional.empty(), Optional.empty()),
                    "authentication failed: shared_key mismatch");
        }
    }

    @Test
    void reportsAWrongKeyAnsweredByClosingTheConnectionAsFluentBitDoes() throws Exception {
        try (ForwardReceiver receiver = receiver().start()) {
            receiver.faults().closeOnWrongSharedKey(true);

            assertRefused(receiver, client(SELF, WRONG_KEY, Optional.empty(), Optional.empty()),
                    "authentication failed: the node closed the connection instead of sending PONG"
                            + " (Fluent Bit does this when the shared key is wrong)");
        }
    }

    @Test
    void reportsAWrongPasswordWithTheNodesReason() throws Exception {
        try (ForwardReceiver receiver = receiver().user("alice", PASSWORD).start()) {
            assertRefused(receiver, client(SELF, KEY, Optional.of("alice"), Optional.of(WRONG_PASSWORD)),
                    "authentication failed: username/password mismatch");
        }
    }

    @Test
    void reportsANodeThatRequiresAUserWhenNoneIsSet() throws Exception {
        try (ForwardReceiver receiver = receiver().user("alice", PASSWORD).start()) {
            assertRefused(receiver, client(SELF, KEY, Optional.empty(), Optional.empty()),
                    "authentication failed: username/password mismatch"
                            + " (the node asks for a username and password, and none is set for it)");
        }
    }

    @Test
    void refusesANodeThatCannotProveItKnowsTheKey() throws Exception {
        try (ForwardReceiver receiver = receiver().start()) {
            receiver.faults().handshakeWrongDigest(true);

            assertRefused(receiver, client(SELF, KEY, Optional.empty(), Optional.empty()),
                    "authentication failed: the node could not prove it knows the shared key (wrong digest in PONG)");
        }
    }

    @Test
    void reportsASelfHostnameEqualToTheNodesOwn() throws Exception {
        try (ForwardReceiver receiver = receiver().serverHostname("fluentd-1").start()) {
            assertRefused(receiver, client("fluentd-1", KEY, Optional.empty(), Optional.empty()),
                    "authentication failed: same hostname between input and output: invalid configuration");
        }
    }

    @Test
    void showsNoSecretInTheCredentials() {
        SharedKeyCredentials credentials = new SharedKeyCredentials(SELF, KEY, Optional.of("alice"), Optional.of(PASSWORD));

        assertEquals("SharedKeyCredentials[selfHostname=app-host-1, sharedKey=***, username=alice, password=***]",
                credentials.toString());
    }

    @Test
    void showsNoSecretInAConnectionBrokenByTheHandshake() throws Exception {
        try (ForwardReceiver receiver = receiver().user("alice", PASSWORD).start()) {
            ForwardConnection[] seen = new ForwardConnection[1];
            DrivenConnection connection = new DrivenConnection(new NodeAddress("node-1", receiver.host(), receiver.port()),
                    new TcpTransport(), WireOptions.defaults(), new SharedKeyHandshake(new SharedKeyCredentials(
                    SELF, WRONG_KEY, Optional.of("alice"), Optional.of(WRONG_PASSWORD))), new RecordingListener() {
                        @Override
                        public synchronized void ended(ForwardConnection c, DeliveryException cause) {
                            seen[0] = c;
                            super.ended(c, cause);
                        }
                    });
            DeliveryException refusal = assertThrows(DeliveryException.class, connection::open);
            connection.close();

            assertEquals("ForwardConnection[node 'node-1' (" + receiver.host() + ":" + receiver.port()
                    + "), CLOSED: authentication failed: shared_key mismatch]", seen[0].toString());
            NoSecrets.in(refusal, KEY, WRONG_KEY, PASSWORD, WRONG_PASSWORD);
        }
    }

    private static ForwardReceiver.Builder receiver() {
        return ForwardReceiver.builder().name("handshake-receiver").sharedKey(KEY).udpHeartbeat(false);
    }

    private static SecureClient client(String self, String key, Optional<String> username, Optional<String> password) {
        return SecureClient.over(new TcpTransport(),
                new SharedKeyHandshake(new SharedKeyCredentials(self, key, username, password)));
    }

    private static void assertRefused(ForwardReceiver receiver, SecureClient secureClient, String message) {
        try (SecureClient client = secureClient) {
            DeliveryException refusal = client.refusal(receiver.host(), receiver.port());

            assertEquals(DeliveryException.Kind.AUTHENTICATION, refusal.kind());
            assertEquals(message, refusal.getMessage());
            NoSecrets.in(refusal, KEY, WRONG_KEY, PASSWORD, WRONG_PASSWORD);
            assertEquals(0, receiver.eventCount());
        }
    }
}
