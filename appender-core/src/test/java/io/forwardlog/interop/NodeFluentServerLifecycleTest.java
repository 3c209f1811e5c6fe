package io.forwardlog.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The harness starts, reports and stops its Node process without leaving one behind. */
class NodeFluentServerLifecycleTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void listensOnLoopbackOnAPortOfItsOwn() throws IOException {
    try (NodeFluentServer first = NodeFluentServer.start(); NodeFluentServer second = NodeFluentServer.start()) {
      assertEquals("127.0.0.1", first.host());
      assertTrue(first.port() > 0 && first.port() != second.port(), first.port() + " and " + second.port());
      assertEquals("NodeFluentServer[127.0.0.1:" + first.port() + "]", first.toString());
    }
  }

  @Test
  void closeStopsTheProcessWhichExitsCleanlyOnSigterm() throws IOException {
    NodeFluentServer server = NodeFluentServer.start();
    server.close();

    assertFalse(server.process().isAlive());
    assertEquals(0, server.process().exitValue());
  }

  @Test
  void theProcessExitsWhenItsStdinClosesAsWhenTheJvmDies() throws IOException, InterruptedException {
    try (NodeFluentServer server = NodeFluentServer.start()) {
      server.process().getOutputStream().close();

      assertTrue(server.process().waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "still running");
      assertEquals(0, server.process().exitValue());
    }
  }

  @Test
  void awaitingEventsThatNeverComeFailsWithTheServersErrors() throws IOException {
    try (NodeFluentServer server = NodeFluentServer.start(); ForwardClient client = ForwardClient.connect(server)) {
      client.send(ForwardFrames.array("app"));
      List<String> errors = server.awaitErrors(1, TIMEOUT);

      AssertionError failure = assertThrows(AssertionError.class,
          () -> server.awaitEvents(1, Duration.ofMillis(100)));
      assertEquals("expected at least 1 entries at the Node FluentServer within PT0.1S, got []; its errors: "
          + errors + "; its stderr: (empty)", failure.getMessage());
      assertEquals(List.of(client.peer() + ": unexpected message [\"app\"]"), errors);
    }
  }

  @Test
  void failsToStartWithTheServersStderrWhenItsCertificateIsNotPem() {
    IOException failure = assertThrows(IOException.class,
        () -> NodeFluentServer.builder().tls("not a key", "not a certificate").start());

    assertTrue(failure.getMessage().startsWith("the Node FluentServer exited with code 1 before it was ready;"
        + " its stderr: fluent-server.js: cannot start: Error"), failure.getMessage());
  }

  @Test
  void refusesUsersWithoutASharedKey() {
    IllegalStateException failure = assertThrows(IllegalStateException.class,
        () -> NodeFluentServer.builder().user("alice", "pw").start());

    assertEquals("user(name, password) needs sharedKey(key)", failure.getMessage());
  }

  @Test
  void refusesAClientCaWithoutTls() {
    IllegalStateException failure = assertThrows(IllegalStateException.class,
        () -> NodeFluentServer.builder().clientCa("ca").start());

    assertEquals("clientCa(caPem) needs tls(keyPem, certPem)", failure.getMessage());
  }
}
