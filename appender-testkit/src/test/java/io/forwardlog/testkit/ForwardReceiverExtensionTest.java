package io.forwardlog.testkit;

import static io.forwardlog.testkit.Msgpack.map;
import static io.forwardlog.testkit.Msgpack.pack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

class ForwardReceiverExtensionTest {

  @Test
  void refusesToHandOutAReceiverOutsideATest() {
    assertEquals("the receiver runs only during a test: register this extension with @RegisterExtension"
        + " and call get() from a test or a @BeforeEach method",
        assertThrows(IllegalStateException.class, () -> ForwardReceiverExtension.create().get()).getMessage());
  }

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class OnAnInstanceField {
    private static ForwardReceiver previous;

    @RegisterExtension
    final ForwardReceiverExtension receiver = ForwardReceiverExtension.create(b -> b.name("per-test"));

    @AfterAll
    static void forget() {
      previous = null;
    }

    @Test
    @Order(1)
    void startsAConfiguredReceiverForTheTest() throws Exception {
      ForwardReceiver running = receiver.get();
      assertTrue(running.isRunning());
      assertTrue(running.toString().startsWith("ForwardReceiver[per-test, "), running::toString);
      try (WireClient client = WireClient.connect(running)) {
        client.send(pack(List.of("t", 1L, map("n", 1))));
        running.awaitEvents(1, Await.TIMEOUT);
      }
      previous = running;
    }

    @Test
    @Order(2)
    void givesTheNextTestAFreshReceiverAndStopsTheOldOne() {
      assertFalse(previous.isRunning());
      assertNotSame(previous, receiver.get());
      assertEquals(0, receiver.get().eventCount());
    }
  }

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class OnAStaticField {
    @RegisterExtension
    static final ForwardReceiverExtension SHARED = ForwardReceiverExtension.create();

    private static int port;

    @Test
    @Order(1)
    void sharesOneReceiverAcrossTheClass() throws Exception {
      port = SHARED.get().port();
      SHARED.get().faults().dropAcks(true);
      try (WireClient client = WireClient.connect(SHARED.get())) {
        client.send(pack(List.of("t", 1L, map("n", 1))));
        SHARED.get().awaitEvents(1, Await.TIMEOUT);
      }
    }

    @Test
    @Order(2)
    void clearsEventsAndResetsFaultsBeforeEachTest() {
      assertEquals(port, SHARED.get().port());
      assertEquals(0, SHARED.get().eventCount());
      assertEquals("Faults[]", SHARED.get().faults().toString());
    }
  }
}
