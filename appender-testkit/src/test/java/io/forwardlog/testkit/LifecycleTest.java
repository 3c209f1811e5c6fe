package io.forwardlog.testkit;

import static io.forwardlog.testkit.Msgpack.map;
import static io.forwardlog.testkit.Msgpack.pack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void listensOnAFreeLoopbackPortAndDescribesItself() throws Exception {
    try (ForwardReceiver receiver = ForwardReceiver.builder().name("node-1").start()) {
      assertEquals("127.0.0.1", receiver.host());
      assertTrue(receiver.port() > 0);
      assertEquals(new InetSocketAddress("127.0.0.1", receiver.port()), receiver.address());
      assertTrue(receiver.isRunning());
      assertEquals("ForwardReceiver[node-1, 127.0.0.1:" + receiver.port() + ", 0 events]", receiver.toString());
    }
  }

  @Test
  void listensOnOtherLoopbackAddressesWhichMayShareOnePort() throws Exception {
    try (ForwardReceiver first = ForwardReceiver.builder().host("127.0.0.2").start();
         ForwardReceiver second = ForwardReceiver.builder().host("127.0.0.3").port(first.port()).start()) {
      assertEquals(new InetSocketAddress("127.0.0.2", first.port()), first.address());
      assertEquals(new InetSocketAddress("127.0.0.3", first.port()), second.address());
      try (WireClient a = WireClient.connect(first); WireClient b = WireClient.connect(second)) {
        a.send(pack(List.of("t", 1L, map("n", 1))));
        b.send(pack(List.of("t", 1L, map("n", 2))), pack(List.of("t", 1L, map("n", 3))));
        assertEquals(1, first.awaitEvents(1, Await.TIMEOUT).size());
        assertEquals(2, second.awaitEvents(2, Await.TIMEOUT).size());
      }
      assertEquals(1, first.eventCount(), "each address has a receiver of its own");
    }
  }

  @Test
  void refusesAHostThatIsNotALoopbackAddress() {
    for (String host : List.of("10.0.0.1", "localhost", "127.0.0")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ForwardReceiver.builder().host(host));
      assertEquals("host must be a loopback IP address such as 127.0.0.2, got '" + host + "'", e.getMessage());
    }
  }

  @Test
  void namesItsDaemonThreadsAndJoinsThemOnStop() throws Exception {
    ForwardReceiver receiver = ForwardReceiver.builder().name("named").start();
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(pack(List.of("t", 1L, map("n", 1))));
      receiver.awaitEvents(1, Await.TIMEOUT);

      // the acks thread starts only with the first delayed ack
      assertTrue(threadsNamed("forward-receiver-named-").containsAll(Set.of("forward-receiver-named-accept",
          "forward-receiver-named-conn-1", "forward-receiver-named-udp")), threadsNamed("forward-receiver-").toString());
      assertTrue(Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().startsWith("forward-receiver-named-")).allMatch(Thread::isDaemon));
      receiver.stop();
    }
    assertEquals(Set.of(), threadsNamed("forward-receiver-named-"));
  }

  @Test
  void stopClosesConnectionsAndFreesThePortThenRestartListensOnTheSamePort() throws Exception {
    try (ForwardReceiver receiver = ForwardReceiver.start()) {
      int port = receiver.port();
      try (WireClient client = WireClient.connect(receiver)) {
        client.send(pack(List.of("before", 1L, map("n", 1))));
        receiver.awaitEvents(1, Await.TIMEOUT);
        receiver.stop();
        assertTrue(client.serverClosed());
      }
      assertFalse(receiver.isRunning());
      assertEquals(0, receiver.openConnections());
      assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());

      receiver.restart();
      assertEquals(port, receiver.port());
      try (WireClient client = WireClient.connect(receiver)) {
        client.send(pack(List.of("after", 2L, map("n", 2))));
        assertEquals(List.of("before", "after"),
            receiver.awaitEvents(2, Await.TIMEOUT).stream().map(ReceivedEvent::tag).toList());
      }
      assertEquals(2, receiver.connectionsAccepted());
    }
  }

  @Test
  void restartsARunningReceiverOnTheSamePort() throws Exception {
    try (ForwardReceiver receiver = ForwardReceiver.start()) {
      int port = receiver.port();
      receiver.restart();
      assertTrue(receiver.isRunning());
      assertEquals(port, receiver.port());
    }
  }

  @Test
  void listensOnAGivenPort() throws Exception {
    int port;
    try (ForwardReceiver first = ForwardReceiver.start()) {
      port = first.port();
    }
    try (ForwardReceiver receiver = ForwardReceiver.builder().port(port).start()) {
      assertEquals(port, receiver.port());
    }
  }

  @Test
  void countsAcceptedAndOpenConnections() throws Exception {
    try (ForwardReceiver receiver = ForwardReceiver.start()) {
      List<WireClient> clients = List.of(WireClient.connect(receiver), WireClient.connect(receiver));
      try {
        Await.until("two open connections", () -> receiver.openConnections() == 2);
        assertEquals(2, receiver.connectionsAccepted());
      } finally {
        for (WireClient client : clients) {
          client.close();
        }
      }
      Await.until("no open connection", () -> receiver.openConnections() == 0);
      assertEquals(2, receiver.connectionsAccepted());
    }
  }

  @Test
  void failsAnAwaitWithTheExpectedAndActualCounts() throws Exception {
    try (ForwardReceiver receiver = ForwardReceiver.builder().name("slow").start()) {
      AssertionError error = assertThrows(AssertionError.class,
          () -> receiver.awaitEvents(1, Duration.ofMillis(30)));
      assertEquals("ForwardReceiver[slow, 127.0.0.1:" + receiver.port() + ", 0 events]: expected at least 1"
          + " events within 30 ms, got 0; problems: []", error.getMessage());
    }
  }

  @Test
  void clearForgetsEventsFramesAndProblems() throws Exception {
    try (ForwardReceiver receiver = ForwardReceiver.start()) {
      try (WireClient client = WireClient.connect(receiver)) {
        client.send(pack(List.of("t", 1L, map("n", 1), map("size", 2))));
        receiver.awaitEvents(1, Await.TIMEOUT);
      }
      receiver.clear();
      assertEquals(List.of(), receiver.events());
      assertEquals(List.of(), receiver.messages());
      assertEquals(List.of(), receiver.problems());
      assertEquals(0, receiver.eventCount());
    }
  }

  @Test
  void rejectsInvalidSettingsNamingThem() {
    assertEquals("port must be between 0 and 65535, got 65536", assertThrows(IllegalArgumentException.class,
        () -> ForwardReceiver.builder().port(65536)).getMessage());
    assertEquals("name must not be blank", assertThrows(IllegalArgumentException.class,
        () -> ForwardReceiver.builder().name(" ")).getMessage());
    assertEquals("sharedKey must not be empty", assertThrows(IllegalArgumentException.class,
        () -> ForwardReceiver.builder().sharedKey("")).getMessage());
    assertEquals("serverHostname must not be empty", assertThrows(IllegalArgumentException.class,
        () -> ForwardReceiver.builder().serverHostname("")).getMessage());
    assertEquals("username must not be empty", assertThrows(IllegalArgumentException.class,
        () -> ForwardReceiver.builder().user("", "p")).getMessage());
    assertEquals("requireClientCertificate(true) needs tls(...) too", assertThrows(IllegalStateException.class,
        () -> ForwardReceiver.builder().requireClientCertificate(true).start()).getMessage());
    assertEquals("user(...) needs sharedKey(...) too: users are checked in the handshake",
        assertThrows(IllegalStateException.class, () -> ForwardReceiver.builder().user("u", "p").start()).getMessage());
  }

  @Test
  void reportsAPortThatIsTaken() throws Exception {
    try (ForwardReceiver first = ForwardReceiver.start()) {
      java.net.BindException error = assertThrows(java.net.BindException.class,
          () -> ForwardReceiver.builder().port(first.port()).start());
      assertTrue(error.getMessage().startsWith("cannot listen on 127.0.0.1:" + first.port() + ": "),
          error.getMessage());
    }
  }

  private static Set<String> threadsNamed(String prefix) {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(name -> name.startsWith(prefix)).collect(Collectors.toSet());
  }
}
