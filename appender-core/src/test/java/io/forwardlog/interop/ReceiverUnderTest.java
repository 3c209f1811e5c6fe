package io.forwardlog.interop;

import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.ReceivedEvent;
import java.time.Duration;
import java.util.List;

/** The testkit's {@link ForwardReceiver} as a {@link ServerUnderTest}. */
final class ReceiverUnderTest implements ServerUnderTest {
  private final ForwardReceiver receiver;

  ReceiverUnderTest(ForwardReceiver receiver) {
    this.receiver = receiver;
  }

  @Override
  public String host() {
    return receiver.host();
  }

  @Override
  public int port() {
    return receiver.port();
  }

  @Override
  public List<ServedEvent> events() {
    return served(receiver.events());
  }

  @Override
  public List<ServedEvent> awaitEvents(int atLeast, Duration timeout) {
    return served(receiver.awaitEvents(atLeast, timeout));
  }

  @Override
  public void close() {
    receiver.close();
  }

  @Override
  public String toString() {
    return receiver.toString();
  }

  private static List<ServedEvent> served(List<ReceivedEvent> events) {
    return events.stream()
        .map(e -> new ServedEvent(e.tag(), e.epochSeconds(), e.nanos(), e.eventTime(), e.record()))
        .toList();
  }
}
