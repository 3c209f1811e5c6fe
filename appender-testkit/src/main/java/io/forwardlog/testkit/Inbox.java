package io.forwardlog.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Everything the receiver has decoded, in arrival order, shared by its connection threads. */
final class Inbox {
  private final List<ReceivedEvent> events = new ArrayList<>();
  private final List<ReceivedMessage> messages = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  synchronized void add(ReceivedMessage message, List<ReceivedEvent> frameEvents) {
    messages.add(message);
    events.addAll(frameEvents);
    notifyAll();
  }

  synchronized void problem(String text) {
    problems.add(text);
    notifyAll();
  }

  synchronized List<ReceivedEvent> events() {
    return List.copyOf(events);
  }

  synchronized List<ReceivedMessage> messages() {
    return List.copyOf(messages);
  }

  synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  synchronized int eventCount() {
    return events.size();
  }

  synchronized void clear() {
    events.clear();
    messages.clear();
    problems.clear();
  }

  /**
   * Waits until at least {@code atLeast} events arrived.
   *
   * @param who names the receiver in the failure message
   * @throws AssertionError when the timeout passes first, or the wait is interrupted
   */
  synchronized List<ReceivedEvent> awaitEvents(int atLeast, Duration timeout, Supplier<String> who) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (events.size() < atLeast) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(who.get() + ": expected at least " + atLeast + " events within "
            + timeout.toMillis() + " ms, got " + events.size() + "; problems: " + problems);
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(who.get() + ": interrupted while waiting for " + atLeast
            + " events, got " + events.size());
      }
    }
    return List.copyOf(events);
  }
}
