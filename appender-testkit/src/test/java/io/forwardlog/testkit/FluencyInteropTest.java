package io.forwardlog.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.testkit.TestTls.Identity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.komamitsu.fluency.EventTime;
import org.komamitsu.fluency.Fluency;
import org.komamitsu.fluency.fluentd.FluencyBuilderForFluentd;

/** Fluency, an independent Forward client, sends to the receiver: both must agree on the wire. */
class FluencyInteropTest {

  @Test
  void receivesFluencysEventsWithTagTimeAndRecordIntact() throws Exception {
    try (ForwardReceiver receiver = ForwardReceiver.start()) {
      try (Fluency fluency = builder().build(receiver.host(), receiver.port())) {
        fluency.emit("fluency.plain", EventTime.fromEpoch(1_700_000_000L, 123_456_789L), record("first"));
        fluency.emit("fluency.plain", 1_700_000_001L, record("second"));
        fluency.flush();
        receiver.awaitEvents(2, Await.TIMEOUT);
      }

      assertEquals(List.of(
          new ReceivedEvent("fluency.plain", 1_700_000_000L, 123_456_789L, true, expected("first"), Mode.PACKED_FORWARD, 1),
          new ReceivedEvent("fluency.plain", 1_700_000_001L, 0, false, expected("second"), Mode.PACKED_FORWARD, 1)),
          receiver.events());
      ReceivedMessage message = receiver.messages().get(0);
      assertFalse(message.entriesWereBin(), "Fluency 2.7 packs the entries as str");
      assertEquals(Optional.empty(), message.chunk());
      assertEquals(List.of(sizeQuirk(message)), receiver.problems());
    }
  }

  @Test
  void answersFluencysAckResponseModeSoItDoesNotResend() throws Exception {
    try (ForwardReceiver receiver = ForwardReceiver.start()) {
      FluencyBuilderForFluentd builder = builder();
      builder.setAckResponseMode(true);
      try (Fluency fluency = builder.build(receiver.host(), receiver.port())) {
        fluency.emit("fluency.ack", EventTime.fromEpoch(1_700_000_002L, 5L), record("acked"));
        fluency.flush();
        assertTrue(fluency.waitUntilAllBufferFlushed(5), "Fluency saw its ack");
      }

      assertEquals(List.of(new ReceivedEvent("fluency.ack", 1_700_000_002L, 5L, true, expected("acked"),
          Mode.PACKED_FORWARD, 1)), receiver.events(), "exactly once: the ack stopped a resend");
      ReceivedMessage message = receiver.messages().get(0);
      assertTrue(message.chunk().isPresent());
      assertTrue(message.chunkWasStr());
      assertEquals(List.of(sizeQuirk(message)), receiver.problems());
    }
  }

  @Test
  void receivesFluencysEventsOverTls() throws Exception {
    Identity server = Identity.selfSigned("forward-receiver");
    try (ForwardReceiver receiver = ForwardReceiver.builder().tls(TestTls.context(server)).start()) {
      FluencyBuilderForFluentd builder = builder();
      builder.setSslEnabled(true);
      builder.setSslSocketFactory(TestTls.context(null, server.certificate()).getSocketFactory());
      builder.setAckResponseMode(true);
      try (Fluency fluency = builder.build(receiver.host(), receiver.port())) {
        fluency.emit("fluency.tls", EventTime.fromEpoch(1_700_000_003L, 0L), record("secure"));
        fluency.flush();
        receiver.awaitEvents(1, Await.TIMEOUT);
      }

      assertEquals(List.of(new ReceivedEvent("fluency.tls", 1_700_000_003L, 0L, true, expected("secure"),
          Mode.PACKED_FORWARD, 1)), receiver.events());
      assertEquals(List.of(sizeQuirk(receiver.messages().get(0))), receiver.problems());
    }
  }

  /**
   * Fluency 2.7 sends option {@code size} as the byte length of the packed entries, where the spec
   * says the number of events; the receiver must flag it, and still take the events.
   */
  private static String sizeQuirk(ReceivedMessage message) {
    long size = (Long) message.option().get("size");
    assertTrue(size > message.eventCount(), "size " + size + " is a byte count");
    return "connection 1: the size option is " + size + " but the frame holds " + message.eventCount()
        + " events";
  }

  private static FluencyBuilderForFluentd builder() {
    FluencyBuilderForFluentd builder = new FluencyBuilderForFluentd();
    builder.setFlushAttemptIntervalMillis(20);
    builder.setSenderMaxRetryCount(3);
    return builder;
  }

  private static Map<String, Object> record(String message) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("message", message);
    record.put("count", 42);
    record.put("ratio", 0.5d);
    record.put("ok", true);
    record.put("tags", List.of("a", "b"));
    record.put("nested", Map.of("level", "info"));
    return record;
  }

  private static Map<String, Object> expected(String message) {
    return Map.of("message", message, "count", 42L, "ratio", 0.5d, "ok", true,
        "tags", List.of("a", "b"), "nested", Map.of("level", "info"));
  }
}
