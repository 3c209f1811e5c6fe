package io.forwardlog.interop;

import static io.forwardlog.interop.ForwardFrames.entries;
import static io.forwardlog.interop.ForwardFrames.gzip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.interop.ForwardFrames.Entry;
import io.forwardlog.interop.ForwardFrames.Time;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msgpack.value.ValueFactory;

/** The harness receives every Forward mode from hand-built frames, and acks chunks. */
class NodeFluentServerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final long SECONDS = 1_700_000_000L;

  @Test
  void receivesAMessageModeEntryWithAnEventTimeWithNanoseconds() throws IOException {
    try (NodeFluentServer server = NodeFluentServer.start(); ForwardClient client = ForwardClient.connect(server)) {
      client.send(ForwardFrames.message("app.access",
          new Entry(Time.eventTime(SECONDS, 123_456_789), Map.of("message", "hello")), null));

      assertEquals(List.of(new NodeEvent("app.access", SECONDS, 123_456_789, true, Map.of("message", "hello"))),
          server.awaitEvents(1, TIMEOUT));
    }
  }

  @Test
  void receivesAnIntegerTimeAsSecondsThatIsNotAnEventTime() throws IOException {
    try (NodeFluentServer server = NodeFluentServer.start(); ForwardClient client = ForwardClient.connect(server)) {
      client.send(ForwardFrames.message("app", new Entry(Time.seconds(SECONDS), Map.of("n", 1)), Map.of()));

      assertEquals(List.of(new NodeEvent("app", SECONDS, 0, false, Map.of("n", 1L))), server.awaitEvents(1, TIMEOUT));
    }
  }

  @Test
  void receivesEveryEntryOfAForwardModeFrameInOrder() throws IOException {
    try (NodeFluentServer server = NodeFluentServer.start(); ForwardClient client = ForwardClient.connect(server)) {
      client.send(ForwardFrames.forward("app", List.of(
          new Entry(Time.eventTime(SECONDS, 1), Map.of("i", 1)),
          new Entry(Time.seconds(SECONDS + 1), Map.of("i", 2)),
          new Entry(Time.eventTime(0xFFFF_FFFFL, 999_999_999), Map.of("i", 3))), Map.of("size", 3)));

      assertEquals(List.of(
          new NodeEvent("app", SECONDS, 1, true, Map.of("i", 1L)),
          new NodeEvent("app", SECONDS + 1, 0, false, Map.of("i", 2L)),
          new NodeEvent("app", 0xFFFF_FFFFL, 999_999_999, true, Map.of("i", 3L))), server.awaitEvents(3, TIMEOUT));
    }
  }

  @Test
  void receivesPackedForwardEntriesSentAsBin() throws IOException {
    try (NodeFluentServer server = NodeFluentServer.start(); ForwardClient client = ForwardClient.connect(server)) {
      client.send(ForwardFrames.packed("app", entries(List.of(
          new Entry(Time.eventTime(SECONDS, 5), Map.of("i", 1)),
          new Entry(Time.eventTime(SECONDS, 6), Map.of("i", 2)))), Map.of("size", 2)));

      assertEquals(List.of(
          new NodeEvent("app", SECONDS, 5, true, Map.of("i", 1L)),
          new NodeEvent("app", SECONDS, 6, true, Map.of("i", 2L))), server.awaitEvents(2, TIMEOUT));
    }
  }

  @Test
  void receivesCompressedPackedForwardEntriesFromSeveralGzipMembersAndAcksTheChunk() throws IOException {
    try (NodeFluentServer server = NodeFluentServer.start(); ForwardClient client = ForwardClient.connect(server)) {
      byte[] first = gzip(entries(List.of(new Entry(Time.eventTime(SECONDS, 7), Map.of("i", 1)))));
      byte[] second = gzip(entries(List.of(new Entry(Time.seconds(SECONDS), Map.of("i", 2)))));
      client.send(ForwardFrames.packed("app", ForwardFrames.concat(first, second),
          Map.of("size", 2, "chunk", "Y2h1bmstMQ==", "compressed", "gzip")));

      assertEquals(ValueFactory.newMap(ValueFactory.newString("ack"), ValueFactory.newString("Y2h1bmstMQ==")),
          client.read());
      assertEquals(List.of(
          new NodeEvent("app", SECONDS, 7, true, Map.of("i", 1L)),
          new NodeEvent("app", SECONDS, 0, false, Map.of("i", 2L))), server.awaitEvents(2, TIMEOUT));
    }
  }

  @Test
  void answersOnlyTheFramesThatCarryAChunk() throws IOException {
    try (NodeFluentServer server = NodeFluentServer.start(); ForwardClient client = ForwardClient.connect(server)) {
      Entry entry = new Entry(Time.seconds(SECONDS), Map.of("m", "x"));
      client.send(ForwardFrames.message("app", entry, Map.of()),
          ForwardFrames.message("app", entry, Map.of("chunk", "c2Vjb25k")));

      assertEquals(ValueFactory.newMap(ValueFactory.newString("ack"), ValueFactory.newString("c2Vjb25k")),
          client.read());
      assertEquals(2, server.awaitEvents(2, TIMEOUT).size());
    }
  }

  @Test
  void turnsRecordValuesIntoJavaValuesWithBinAsBytes() throws IOException {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("text", "héllo ✓");
    record.put("bytes", new byte[] {0, 1, (byte) 0xff});
    record.put("negative", -42);
    record.put("fraction", 1.5);
    record.put("flag", true);
    record.put("nothing", null);
    record.put("list", List.of("a", 2));
    record.put("nested", Map.of("k", "v"));
    try (NodeFluentServer server = NodeFluentServer.start(); ForwardClient client = ForwardClient.connect(server)) {
      client.send(ForwardFrames.message("app", new Entry(Time.seconds(SECONDS), record), null));

      Map<String, Object> received = server.awaitEvents(1, TIMEOUT).get(0).record();
      assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, (byte[]) received.get("bytes"));
      Map<String, Object> rest = new LinkedHashMap<>(received);
      rest.remove("bytes");
      Map<String, Object> expected = new LinkedHashMap<>(record);
      expected.remove("bytes");
      expected.put("negative", -42L);
      expected.put("list", List.of("a", 2L));
      assertEquals(expected, rest);
    }
  }

  @Test
  void turnsAMessageModeStringThatStartsWithTheUnitSeparatorIntoBin() throws IOException {
    // FluentServer's stream decoder reads a str starting with 0x1f (a gzip magic byte) as bin
    try (NodeFluentServer server = NodeFluentServer.start(); ForwardClient client = ForwardClient.connect(server)) {
      client.send(ForwardFrames.message("app", new Entry(Time.seconds(SECONDS), Map.of("m", "\u001fx")), null));

      Object value = server.awaitEvents(1, TIMEOUT).get(0).record().get("m");
      assertTrue(value instanceof byte[], "expected bytes, got " + value);
      assertEquals("[31, 120]", Arrays.toString((byte[]) value));
    }
  }

  @Test
  void reportsAFrameOfNoForwardModeAndClosesTheConnection() throws IOException {
    try (NodeFluentServer server = NodeFluentServer.start(); ForwardClient client = ForwardClient.connect(server)) {
      client.send(ForwardFrames.array("app", "not a time", Map.of()));

      assertTrue(client.closedByServer());
      assertEquals(List.of(client.peer() + ": unexpected message [\"app\",\"not a time\",{}]"),
          server.awaitErrors(1, TIMEOUT));
    }
  }

  @Test
  void reportsCompressedEntriesThatAreNotGzip() throws IOException {
    try (NodeFluentServer server = NodeFluentServer.start(); ForwardClient client = ForwardClient.connect(server)) {
      client.send(ForwardFrames.packed("app", new byte[] {1, 2, 3}, Map.of("compressed", "gzip")));

      assertTrue(client.closedByServer());
      assertEquals(List.of(client.peer() + ": cannot read the event frame: incorrect header check"),
          server.awaitErrors(1, TIMEOUT));
    }
  }

  @Test
  void cannotReadZstdEntriesButTakesThemForPlainPackedEntriesAndDropsTheConnection() throws IOException {
    // FluentServer (@fluent-org/logger 1.0.10) knows only gzip: zstd cannot be tested against it
    byte[] entries = entries(List.of(new Entry(Time.eventTime(SECONDS, 1), Map.of("i", 1))));
    try (NodeFluentServer server = NodeFluentServer.start(); ForwardClient client = ForwardClient.connect(server)) {
      client.send(ForwardFrames.packed("app", com.github.luben.zstd.Zstd.compress(entries),
          Map.of("compressed", "zstd")));

      assertTrue(client.closedByServer());
      assertEquals(List.of(client.peer() + ": cannot read the event frame: Received invalid entries"),
          server.awaitErrors(1, TIMEOUT));
      assertEquals(List.of(), server.events());
    }
  }

  @Test
  void reportsBytesThatAreNotMsgpack() throws IOException {
    try (NodeFluentServer server = NodeFluentServer.start(); ForwardClient client = ForwardClient.connect(server)) {
      client.send(new byte[] {(byte) 0xc1});

      assertTrue(client.closedByServer());
      assertEquals(List.of(client.peer() + ": cannot decode the stream: Unrecognized type byte: 0xc1"),
          server.awaitErrors(1, TIMEOUT));
    }
  }
}
