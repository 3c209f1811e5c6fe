package io.forwardlog.testkit;

import static io.forwardlog.testkit.AcksTest.ack;
import static io.forwardlog.testkit.Msgpack.map;
import static io.forwardlog.testkit.Msgpack.pack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msgpack.value.Value;
import org.msgpack.value.ValueFactory;

class FaultsTest {
  private static final Duration SILENCE = Duration.ofMillis(150);
  private ForwardReceiver receiver;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = ForwardReceiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void refusesNewConnectionsWhileSwitchedOn() throws Exception {
    receiver.faults().refuseConnections(true);
    try (WireClient client = WireClient.connect(receiver)) {
      assertTrue(client.serverClosed());
    }
    assertEquals(0, receiver.connectionsAccepted());

    receiver.faults().refuseConnections(false);
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(frame("after", "c1"));
      assertEquals(ack(ValueFactory.newString("c1")), client.read());
    }
    assertEquals(1, receiver.connectionsAccepted());
  }

  @Test
  void cutsAConnectionInTheMiddleOfAFrameThenDisarms() throws Exception {
    byte[] first = frame("first", "c1");
    byte[] second = frame("second", "c2");
    receiver.faults().closeAfterBytes(first.length + 3L);
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(first, second);
      List<Value> replies = client.repliesUntilClosed();
      // the first frame's ack may or may not beat the reset to the client
      assertTrue(List.of(ack(ValueFactory.newString("c1"))).containsAll(replies), replies::toString);
    }
    assertEquals(List.of("first"), receiver.events().stream().map(ReceivedEvent::tag).toList());
    assertEquals(List.of(), receiver.problems(), "a cut by the fault is not the client's fault");

    try (WireClient client = WireClient.connect(receiver)) {
      client.send(second);
      assertEquals(ack(ValueFactory.newString("c2")), client.read());
    }
  }

  @Test
  void cutsAtOnceWhenNoMoreBytesAreAllowed() throws Exception {
    receiver.faults().closeAfterBytes(0);
    try (WireClient client = WireClient.connect(receiver)) {
      assertEquals(List.of(), client.repliesUntilClosed());
    }
    assertEquals(1, receiver.connectionsAccepted());
  }

  @Test
  void delaysAcksWhileReadingGoesOn() throws Exception {
    Duration delay = Duration.ofMillis(400);
    receiver.faults().delayAcks(delay);
    try (WireClient client = WireClient.connect(receiver)) {
      long sent = System.nanoTime();
      client.send(frame("a", "c1"), frame("b", "c2"));
      receiver.awaitEvents(2, Await.TIMEOUT);
      long bothRead = System.nanoTime();

      assertEquals(ack(ValueFactory.newString("c1")), client.read());
      long firstAck = System.nanoTime();
      assertEquals(ack(ValueFactory.newString("c2")), client.read());
      assertTrue(bothRead < firstAck, "the second frame was read before the first ack went out");
      assertTrue(firstAck - sent >= delay.toNanos(), "the ack waited " + (firstAck - sent) / 1_000_000 + " ms");
    }
  }

  @Test
  void keepsAcksInOrderWhenTheDelayShrinks() throws Exception {
    receiver.faults().delayAcks(Duration.ofMillis(300));
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(frame("slow", "c1"));
      receiver.awaitEvents(1, Await.TIMEOUT);
      receiver.faults().delayAcks(Duration.ZERO);
      client.send(frame("fast", "c2"));

      assertEquals(ack(ValueFactory.newString("c1")), client.read());
      assertEquals(ack(ValueFactory.newString("c2")), client.read());
    }
  }

  @Test
  void takesAnInitialAckDelayFromTheBuilder() throws Exception {
    Duration delay = Duration.ofMillis(200);
    try (ForwardReceiver delayed = ForwardReceiver.builder().ackDelay(delay).start();
         WireClient client = WireClient.connect(delayed)) {
      long sent = System.nanoTime();
      client.send(frame("a", "c1"));
      assertEquals(ack(ValueFactory.newString("c1")), client.read());
      assertTrue(System.nanoTime() - sent >= delay.toNanos());
    }
  }

  @Test
  void keepsTheEventsButNeverAcksWhenDroppingAcks() throws Exception {
    receiver.faults().dropAcks(true);
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(frame("kept", "c1"));
      receiver.awaitEvents(1, Await.TIMEOUT);
      assertNull(client.readWithin(SILENCE));

      receiver.faults().dropAcks(false);
      client.send(frame("acked", "c2"));
      assertEquals(ack(ValueFactory.newString("c2")), client.read());
    }
  }

  @Test
  void acksWithAnIdThatWasNeverSent() throws Exception {
    receiver.faults().wrongAckIds(true);
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(frame("t", "c1"));
      Value reply = client.read();

      String id = reply.asMapValue().map().get(ValueFactory.newString("ack")).asStringValue().toString();
      assertTrue(id.startsWith("wrong-") && !id.equals("c1"), id);
    }
  }

  @Test
  void readsNothingWhileStoppedAndResumesWhereItStopped() throws Exception {
    receiver.faults().stopReading(true);
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(frame("held", "c1"));
      Await.until("the connection to be accepted", () -> receiver.openConnections() == 1);
      assertNull(client.readWithin(SILENCE));
      assertEquals(0, receiver.eventCount());

      receiver.faults().stopReading(false);
      assertEquals(ack(ValueFactory.newString("c1")), client.read());
      assertEquals("held", receiver.events().get(0).tag());
    }
  }

  @Test
  void aReadAlreadyWaitingWhenReadingStopsHandsNothingOn() throws Exception {
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(frame("before", "c1"));
      assertEquals(ack(ValueFactory.newString("c1")), client.read());

      // the receiver now waits for the connection's next bytes
      receiver.faults().stopReading(true);
      client.send(frame("held", "c2"));
      assertNull(client.readWithin(SILENCE));
      assertEquals(1, receiver.eventCount());

      receiver.faults().stopReading(false);
      assertEquals(ack(ValueFactory.newString("c2")), client.read());
      assertEquals("held", receiver.events().get(1).tag());
    }
  }

  @Test
  void sendsNoHeloWhileStopped() throws Exception {
    try (ForwardReceiver secured = ForwardReceiver.builder().sharedKey("k").start()) {
      secured.faults().stopReading(true);
      try (WireClient client = WireClient.connect(secured)) {
        assertNull(client.readWithin(SILENCE));
        secured.faults().stopReading(false);
        assertEquals("HELO", client.read().asArrayValue().get(0).toString());
      }
    }
  }

  @Test
  void resetTurnsEveryFaultOff() throws Exception {
    Faults faults = receiver.faults().refuseConnections(true).dropAcks(true).wrongAckIds(true)
        .delayAcks(Duration.ofSeconds(9)).stopReading(true).closeAfterBytes(5)
        .handshakeWrongDigest(true).closeOnWrongSharedKey(true);
    assertEquals("Faults[refuseConnections, closeAfterBytes=5, stopReading, delayAcks=PT9S, dropAcks,"
        + " wrongAckIds, handshakeWrongDigest, closeOnWrongSharedKey]", faults.toString());

    assertEquals("Faults[]", faults.reset().toString());
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(frame("t", "c1"));
      assertEquals(ack(ValueFactory.newString("c1")), client.read());
    }
  }

  @Test
  void rejectsANegativeByteCountOrDelay() {
    Faults faults = receiver.faults();
    assertEquals("closeAfterBytes must be at least 0, got -1",
        assertThrows(IllegalArgumentException.class, () -> faults.closeAfterBytes(-1)).getMessage());
    assertEquals("ack delay must not be negative, got PT-1S",
        assertThrows(IllegalArgumentException.class, () -> faults.delayAcks(Duration.ofSeconds(-1))).getMessage());
  }

  private static byte[] frame(String tag, String chunk) {
    return pack(Arrays.asList(tag, List.of(List.of(1L, map("tag", tag))), map("size", 1, "chunk", chunk)));
  }
}
