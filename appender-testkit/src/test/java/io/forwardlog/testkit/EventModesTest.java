package io.forwardlog.testkit;

import static io.forwardlog.testkit.Msgpack.concat;
import static io.forwardlog.testkit.Msgpack.gzip;
import static io.forwardlog.testkit.Msgpack.map;
import static io.forwardlog.testkit.Msgpack.pack;
import static io.forwardlog.testkit.Msgpack.zstd;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdCompressCtx;
import io.forwardlog.testkit.Msgpack.Ext8;
import io.forwardlog.testkit.Msgpack.Fixext8;
import io.forwardlog.testkit.Msgpack.RawStr;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventModesTest {
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
  void decodesAMessageWithAnEventTimeAsFixext8() throws Exception {
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(pack(List.of("app.web", new Fixext8(1_700_000_000L, 123_456_789L), map("msg", "hello"))));
      List<ReceivedEvent> events = receiver.awaitEvents(1, Await.TIMEOUT);

      assertEquals(List.of(new ReceivedEvent("app.web", 1_700_000_000L, 123_456_789L, true,
          Map.of("msg", "hello"), Mode.MESSAGE, 1)), events);
      assertEquals(Instant.ofEpochSecond(1_700_000_000L, 123_456_789L), events.get(0).instant());
      assertEquals(List.of(new ReceivedMessage(Mode.MESSAGE, "app.web", 1, Map.of(), false,
          Optional.empty(), false, false, 1)), receiver.messages());
    }
  }

  @Test
  void decodesAnEventTimeWrittenAsExt8() throws Exception {
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(pack(List.of("t", new Ext8(4_000_000_000L, 999_999_999L), map("k", 1))));

      ReceivedEvent event = receiver.awaitEvents(1, Await.TIMEOUT).get(0);
      assertEquals(4_000_000_000L, event.epochSeconds(), "seconds are an unsigned 32-bit number");
      assertEquals(999_999_999L, event.nanos());
      assertTrue(event.eventTime());
    }
  }

  @Test
  void decodesAnIntegerTimeAndAFloatTime() throws Exception {
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(pack(List.of("t", 1_700_000_001L, map("k", "int"))),
          pack(List.of("t", 1_700_000_002.25d, map("k", "float"))));

      List<ReceivedEvent> events = receiver.awaitEvents(2, Await.TIMEOUT);
      assertEquals(new ReceivedEvent("t", 1_700_000_001L, 0, false, Map.of("k", "int"), Mode.MESSAGE, 1),
          events.get(0));
      assertEquals(new ReceivedEvent("t", 1_700_000_002L, 250_000_000L, false, Map.of("k", "float"),
          Mode.MESSAGE, 1), events.get(1));
    }
  }

  @Test
  void decodesAForwardFrameWithItsOption() throws Exception {
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(pack(List.of("fw", List.of(
          List.of(new Fixext8(10, 1), map("n", 1)),
          List.of(20L, map("n", 2))), map("size", 2))));

      List<ReceivedEvent> events = receiver.awaitEvents(2, Await.TIMEOUT);
      assertEquals(List.of(
          new ReceivedEvent("fw", 10, 1, true, Map.of("n", 1L), Mode.FORWARD, 1),
          new ReceivedEvent("fw", 20, 0, false, Map.of("n", 2L), Mode.FORWARD, 1)), events);
      assertEquals(new ReceivedMessage(Mode.FORWARD, "fw", 2, Map.of("size", 2L), false,
          Optional.empty(), false, false, 1), receiver.messages().get(0));
      assertEquals(List.of(), receiver.problems());
    }
  }

  @Test
  void decodesPackedForwardEntriesSentAsBin() throws Exception {
    byte[] entries = concat(pack(List.of(new Fixext8(1, 0), map("a", 1))), pack(List.of(new Fixext8(2, 0), map("a", 2))));
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(pack(List.of("pf", entries, map("size", 2))));

      assertEquals(List.of(Map.of("a", 1L), Map.of("a", 2L)),
          receiver.awaitEvents(2, Await.TIMEOUT).stream().map(ReceivedEvent::record).toList());
      ReceivedMessage message = receiver.messages().get(0);
      assertEquals(Mode.PACKED_FORWARD, message.mode());
      assertTrue(message.entriesWereBin());
      assertFalse(message.compressed());
    }
  }

  @Test
  void decodesPackedForwardEntriesSentAsStrAsFluentdItselfSendsThem() throws Exception {
    byte[] entries = pack(List.of(new Fixext8(1, 0), map("a", 1)));
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(pack(List.of("pf", new RawStr(entries))));

      assertEquals(Map.of("a", 1L), receiver.awaitEvents(1, Await.TIMEOUT).get(0).record());
      assertEquals(Mode.PACKED_FORWARD, receiver.messages().get(0).mode());
      assertFalse(receiver.messages().get(0).entriesWereBin());
    }
  }

  @Test
  void decodesCompressedPackedForwardMadeOfTwoConcatenatedGzipMembers() throws Exception {
    byte[] first = gzip(pack(List.of(new Fixext8(1, 0), map("part", 1))));
    byte[] second = gzip(concat(pack(List.of(new Fixext8(2, 0), map("part", 2))),
        pack(List.of(new Fixext8(3, 0), map("part", 3)))));
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(pack(List.of("gz", concat(first, second), map("size", 3, "compressed", "gzip"))));

      List<ReceivedEvent> events = receiver.awaitEvents(3, Await.TIMEOUT);
      assertEquals(List.of(1L, 2L, 3L), events.stream().map(e -> e.record().get("part")).toList());
      assertEquals(Mode.COMPRESSED_PACKED_FORWARD, events.get(0).mode());
      ReceivedMessage message = receiver.messages().get(0);
      assertEquals(Mode.COMPRESSED_PACKED_FORWARD, message.mode());
      assertTrue(message.compressed());
      assertEquals(3, message.eventCount());
      assertEquals(List.of(), receiver.problems());
    }
  }

  @Test
  void decodesCompressedPackedForwardMadeOfThreeConcatenatedZstdFramesOfEachHeaderKind() throws Exception {
    byte[] first = zstd(pack(List.of(new Fixext8(1, 0), map("part", 1))));
    byte[] second;
    byte[] third;
    try (ZstdCompressCtx streamed = new ZstdCompressCtx().setLevel(1).setContentSize(false).setChecksum(true)) {
      second = streamed.compress(concat(pack(List.of(new Fixext8(2, 0), map("part", 2))),
          pack(List.of(new Fixext8(3, 0), map("part", 3)))));
    }
    byte[] incompressible = new byte[4096];
    new java.util.Random(7).nextBytes(incompressible);
    third = zstd(pack(List.of(new Fixext8(4, 0), map("part", 4, "noise", incompressible))));
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(pack(List.of("zs", concat(first, second, third), map("size", 4, "compressed", "zstd"))));

      List<ReceivedEvent> events = receiver.awaitEvents(4, Await.TIMEOUT);
      assertEquals(List.of(1L, 2L, 3L, 4L), events.stream().map(e -> e.record().get("part")).toList());
      assertArrayEquals(incompressible, (byte[]) events.get(3).record().get("noise"));
      ReceivedMessage message = receiver.messages().get(0);
      assertEquals(Mode.COMPRESSED_PACKED_FORWARD, message.mode());
      assertTrue(message.compressed());
      assertEquals("zstd", message.option().get("compressed"));
      assertEquals(List.of(), receiver.problems());
    }
  }

  @Test
  void warnsOfAZstdFrameThatEndsInsideAnEntryWhichFluentBitWouldSplitButDecodesIt() throws Exception {
    byte[] one = pack(List.of(new Fixext8(1, 0), map("part", 1)));
    byte[] entries = concat(one, pack(List.of(new Fixext8(2, 0), map("part", 2))));
    int cut = one.length + 3;
    byte[] frames = concat(zstd(Arrays.copyOfRange(entries, 0, cut)),
        zstd(Arrays.copyOfRange(entries, cut, entries.length)));
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(pack(List.of("zs", frames, map("compressed", "zstd"))));

      assertEquals(2, receiver.awaitEvents(2, Await.TIMEOUT).size());
      assertEquals(List.of("connection 1: zstd frame 1 of 2 ends inside an entry: Fluent Bit reads each frame"
          + " on its own"), receiver.problems());
    }
  }

  @Test
  void warnsOfAZstdFrameLargerThanFluentBitsDefaultBufferChunkSize() throws Exception {
    byte[] entry = pack(List.of(new Fixext8(1, 0), map("message", "x".repeat(1_100_000))));
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(pack(List.of("zs", zstd(entry), map("compressed", "zstd"))));

      assertEquals(1, receiver.awaitEvents(1, Await.TIMEOUT).size());
      assertEquals(List.of("connection 1: zstd frame 1 of 1 holds " + String.format("%,d", entry.length)
          + " bytes of entries, more than Fluent Bit's default buffer_chunk_size (1,024,000): Fluent Bit cannot"
          + " decompress it"), receiver.problems());
    }
  }

  @Test
  void takesEmptyZstdEntriesAsNoEventsAsFluentdAndFluentBitDo() throws Exception {
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(pack(List.of("zs", new byte[0], map("compressed", "zstd"))),
          pack(List.of("after", 1L, map("n", 1))));

      assertEquals("after", receiver.awaitEvents(1, Await.TIMEOUT).get(0).tag());
      assertEquals(0, receiver.messages().get(0).eventCount());
      assertEquals(List.of(), receiver.problems());
    }
  }

  @Test
  void decodesRecordValuesToPlainJavaKeepingKeyOrder() throws Exception {
    byte[] bin = {1, 2, 3};
    Map<Object, Object> record = map("s", "text", "i", -5, "big", new BigInteger("18446744073709551615"),
        "d", 1.5d, "f", new Msgpack.Float32(0.5f), "b", true, "nil", null,
        "list", Arrays.asList(1, "x", null), "nested", map("z", 1, "a", 2), "bin", bin);
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(pack(List.of("types", 1L, record)));

      Map<String, Object> decoded = receiver.awaitEvents(1, Await.TIMEOUT).get(0).record();
      assertEquals(List.of("s", "i", "big", "d", "f", "b", "nil", "list", "nested", "bin"),
          List.copyOf(decoded.keySet()));
      assertEquals("text", decoded.get("s"));
      assertEquals(-5L, decoded.get("i"));
      assertEquals(new BigInteger("18446744073709551615"), decoded.get("big"));
      assertEquals(1.5d, decoded.get("d"));
      assertEquals(0.5d, decoded.get("f"));
      assertEquals(true, decoded.get("b"));
      assertTrue(decoded.containsKey("nil"));
      assertEquals(null, decoded.get("nil"));
      assertEquals(Arrays.asList(1L, "x", null), decoded.get("list"));
      assertEquals(List.of("z", "a"), List.copyOf(((Map<?, ?>) decoded.get("nested")).keySet()));
      assertArrayEquals(bin, (byte[]) decoded.get("bin"));
    }
  }

  @Test
  void keepsEventsInArrivalOrderAcrossModesOnOneConnection() throws Exception {
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(
          pack(List.of("a", 1L, map("n", 1))),
          pack(List.of("b", List.of(List.of(2L, map("n", 2))))),
          pack(List.of("c", pack(List.of(3L, map("n", 3))))));

      assertEquals(List.of("a", "b", "c"),
          receiver.awaitEvents(3, Await.TIMEOUT).stream().map(ReceivedEvent::tag).toList());
      assertEquals(List.of(Mode.MESSAGE, Mode.FORWARD, Mode.PACKED_FORWARD),
          receiver.messages().stream().map(ReceivedMessage::mode).toList());
      assertEquals(3, receiver.eventCount());
    }
  }

  @Test
  void recordsASizeOptionThatDoesNotMatchTheEventCountButKeepsTheEvents() throws Exception {
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(pack(List.of("t", List.of(List.of(1L, map("n", 1)), List.of(2L, map("n", 2))),
          map("size", 3))));
      receiver.awaitEvents(2, Await.TIMEOUT);

      assertEquals(List.of("connection 1: the size option is 3 but the frame holds 2 events"),
          receiver.problems());
      client.send(pack(List.of("t", 3L, map("n", 3))));
      receiver.awaitEvents(3, Await.TIMEOUT);
    }
  }
}
