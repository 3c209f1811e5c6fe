package io.forwardlog.interop;

import java.time.Duration;
import java.util.List;

/** The Node.js {@link NodeFluentServer} as a {@link ServerUnderTest}. */
final class NodeServerUnderTest implements ServerUnderTest {
  private final NodeFluentServer server;

  NodeServerUnderTest(NodeFluentServer server) {
    this.server = server;
  }

  @Override
  public String host() {
    return server.host();
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public List<ServedEvent> events() {
    return served(server.events());
  }

  @Override
  public List<ServedEvent> awaitEvents(int atLeast, Duration timeout) {
    return served(server.awaitEvents(atLeast, timeout));
  }

  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return server.toString();
  }

  private static List<ServedEvent> served(List<NodeEvent> events) {
    return events.stream()
        .map(e -> new ServedEvent(e.tag(), e.seconds(), e.nanos(), e.eventTime(), e.record()))
        .toList();
  }
}
