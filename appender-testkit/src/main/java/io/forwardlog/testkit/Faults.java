package io.forwardlog.testkit;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Live fault switches of one {@link ForwardReceiver}. Every switch is thread-safe and applies to new
 * data at once: bytes a connection has already read are still decoded. Each method returns this
 * object, so switches can be chained; {@link #reset()} turns every fault off.
 */
public final class Faults {
  private final Object readGate = new Object();
  private volatile boolean refuseConnections;
  private volatile Duration ackDelay;
  private volatile boolean dropAcks;
  private volatile boolean wrongAckIds;
  private volatile boolean handshakeWrongDigest;
  private volatile boolean closeOnWrongSharedKey;
  private boolean stopReading; // guarded by readGate
  private long cutBudget = -1; // guarded by readGate; -1 = disarmed

  Faults(Duration initialAckDelay) {
    this.ackDelay = initialAckDelay;
  }

  /**
   * While on, every new connection is accepted and at once reset, so the client sees its connection
   * refused or closed. Connections already open are left alone.
   */
  public Faults refuseConnections(boolean refuse) {
    this.refuseConnections = refuse;
    return this;
  }

  /**
   * Closes a connection abruptly (TCP reset) once it has read {@code bytes} more bytes of Forward
   * data, counted from this call over all connections (after TLS decryption), so that a batch can be
   * cut in the middle. Frames completed within the budget are kept and acknowledged; the cut frame is
   * lost. The switch then disarms itself. The count is exact for a single connection.
   *
   * @param bytes how many more bytes to read, at least 0
   */
  public Faults closeAfterBytes(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("closeAfterBytes must be at least 0, got " + bytes);
    }
    synchronized (readGate) {
      cutBudget = bytes;
    }
    return this;
  }

  /**
   * Sends each acknowledgement {@code delay} after its frame was read. Reading goes on meanwhile,
   * and the acks of one connection keep their order.
   *
   * @param delay how long to hold each ack, zero or more
   */
  public Faults delayAcks(Duration delay) {
    this.ackDelay = checkDelay(delay);
    return this;
  }

  /** While on, frames are read and their events kept, but never acknowledged. */
  public Faults dropAcks(boolean drop) {
    this.dropAcks = drop;
    return this;
  }

  /** While on, every acknowledgement carries a fresh id that the client never sent. */
  public Faults wrongAckIds(boolean wrong) {
    this.wrongAckIds = wrong;
    return this;
  }

  /**
   * While on, connections are accepted but nothing is read from them: no TLS handshake, no HELO,
   * no frames, and no UDP heartbeat is answered, like a node that hangs. It takes effect at once:
   * bytes that a read already waiting on the socket receives after it is turned on are held back too.
   * Turning it off resumes reading where each connection stopped.
   */
  public Faults stopReading(boolean stop) {
    synchronized (readGate) {
      stopReading = stop;
      readGate.notifyAll();
    }
    return this;
  }

  /**
   * While on, a correct PING is answered with a successful PONG whose digest is wrong, like a server
   * that does not know the shared key.
   */
  public Faults handshakeWrongDigest(boolean wrong) {
    this.handshakeWrongDigest = wrong;
    return this;
  }

  /**
   * Chooses how a wrong shared key is refused: on, Fluent Bit's way (the connection is closed without
   * a PONG); off, the default, Fluentd's way ({@code ["PONG", false, "shared_key mismatch", "", ""]},
   * then close).
   */
  public Faults closeOnWrongSharedKey(boolean close) {
    this.closeOnWrongSharedKey = close;
    return this;
  }

  /** Turns every fault off, including an ack delay given to the builder. */
  public Faults reset() {
    refuseConnections = false;
    ackDelay = Duration.ZERO;
    dropAcks = false;
    wrongAckIds = false;
    handshakeWrongDigest = false;
    closeOnWrongSharedKey = false;
    synchronized (readGate) {
      cutBudget = -1;
      stopReading = false;
      readGate.notifyAll();
    }
    return this;
  }

  boolean readingStopped() {
    synchronized (readGate) {
      return stopReading;
    }
  }

  boolean refusingConnections() {
    return refuseConnections;
  }

  Duration ackDelay() {
    return ackDelay;
  }

  boolean droppingAcks() {
    return dropAcks;
  }

  boolean sendingWrongAckIds() {
    return wrongAckIds;
  }

  boolean sendingWrongDigest() {
    return handshakeWrongDigest;
  }

  boolean closingOnWrongSharedKey() {
    return closeOnWrongSharedKey;
  }

  /** Blocks while reading is stopped. */
  void awaitReadingAllowed() throws InterruptedIOException {
    synchronized (readGate) {
      while (stopReading) {
        try {
          readGate.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while reading was stopped");
        }
      }
    }
  }

  private boolean cutDue;

  /** How many of {@code wanted} bytes the next read may take; 0 means cut the connection now. */
  int readAllowance(int wanted) {
    synchronized (readGate) {
      if (cutBudget < 0) {
        return wanted;
      }
      if (cutBudget == 0) {
        cutBudget = -1;
        return 0;
      }
      return (int) Math.min(wanted, cutBudget);
    }
  }

  /**
   * Counts bytes read and returns how many of them the receiver may keep: all of them, or — when
   * closeAfterBytes was set while the read was already waiting — only those within the budget. When
   * the budget is used up, the connection must be cut next ({@link #cutDue()}).
   */
  int consumed(int bytes) {
    synchronized (readGate) {
      if (cutBudget < 0) {
        return bytes;
      }
      int kept = (int) Math.min(bytes, cutBudget);
      cutBudget -= kept;
      if (cutBudget == 0) {
        cutBudget = -1;
        cutDue = true;
      }
      return kept;
    }
  }

  /** Whether the last read used up the closeAfterBytes budget; clears the flag. */
  boolean cutDue() {
    synchronized (readGate) {
      boolean due = cutDue;
      cutDue = false;
      return due;
    }
  }

  static Duration checkDelay(Duration delay) {
    Objects.requireNonNull(delay, "ack delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("ack delay must not be negative, got " + delay);
    }
    return delay;
  }

  @Override
  public String toString() {
    List<String> on = new ArrayList<>();
    if (refuseConnections) {
      on.add("refuseConnections");
    }
    synchronized (readGate) {
      if (cutBudget >= 0) {
        on.add("closeAfterBytes=" + cutBudget);
      }
      if (stopReading) {
        on.add("stopReading");
      }
    }
    if (!ackDelay.isZero()) {
      on.add("delayAcks=" + ackDelay);
    }
    if (dropAcks) {
      on.add("dropAcks");
    }
    if (wrongAckIds) {
      on.add("wrongAckIds");
    }
    if (handshakeWrongDigest) {
      on.add("handshakeWrongDigest");
    }
    if (closeOnWrongSharedKey) {
      on.add("closeOnWrongSharedKey");
    }
    return "Faults" + on;
  }
}
