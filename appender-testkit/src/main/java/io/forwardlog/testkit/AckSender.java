package io.forwardlog.testkit;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.msgpack.value.Value;
import org.msgpack.value.ValueFactory;

/**
 * Sends one connection's acks in the order their frames were read, each when its delay has passed,
 * without holding up the reading thread.
 */
final class AckSender {
  private final ReplyChannel out;
  private final Faults faults;
  private final ScheduledExecutorService scheduler;
  private final SecureRandom random;
  private final Deque<PendingAck> pending = new ArrayDeque<>(); // guarded by this
  private long lastDueNanos = Long.MIN_VALUE; // guarded by this

  AckSender(ReplyChannel out, Faults faults, ScheduledExecutorService scheduler, SecureRandom random) {
    this.out = out;
    this.faults = faults;
    this.scheduler = scheduler;
    this.random = random;
  }

  /** Acknowledges a frame read at {@code readAtNanos} ({@link System#nanoTime()}). */
  void ack(Value chunk, long readAtNanos) {
    if (faults.droppingAcks()) {
      return;
    }
    byte[] reply = Replies.ack(faults.sendingWrongAckIds() ? unsentId() : chunk);
    long due = readAtNanos + faults.ackDelay().toNanos();
    synchronized (this) {
      // A shorter delay set later must not overtake an ack that is still waiting.
      due = Math.max(due, lastDueNanos);
      lastDueNanos = due;
      long wait = due - System.nanoTime();
      if (wait <= 0 && pending.isEmpty()) {
        send(reply);
        return;
      }
      pending.addLast(new PendingAck(due, reply));
      try {
        scheduler.schedule(this::sendDue, Math.max(0, wait), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException stopping) {
        pending.clear();
      }
    }
  }

  /**
   * Sends every ack that is due, oldest first. Each scheduled run finds at least its own ack due;
   * earlier acks are due too, since due times never decrease.
   */
  private synchronized void sendDue() {
    long now = System.nanoTime();
    while (!pending.isEmpty() && pending.peekFirst().dueNanos() - now <= 0) {
      send(pending.removeFirst().reply());
    }
  }

  private void send(byte[] reply) {
    try {
      out.send(reply);
    } catch (IOException gone) {
      // The client went away; the reading side sees the closed connection and ends it.
      pending.clear();
    }
  }

  private Value unsentId() {
    byte[] id = new byte[16];
    random.nextBytes(id);
    return ValueFactory.newString("wrong-" + Base64.getEncoder().encodeToString(id));
  }

  private record PendingAck(long dueNanos, byte[] reply) {
  }
}
