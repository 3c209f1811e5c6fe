package io.forwardlog.testkit;

import static io.forwardlog.testkit.Msgpack.concat;
import static io.forwardlog.testkit.Msgpack.map;
import static io.forwardlog.testkit.Msgpack.pack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.testkit.Msgpack.Ext;
import io.forwardlog.testkit.Msgpack.RawStr;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MalformedInputTest {
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
  void recordsAMalformedFrameClosesThatConnectionAndServesTheNextOne() throws Exception {
    try (WireClient bad = WireClient.connect(receiver)) {
      bad.send(pack("not a frame"));
      assertTrue(bad.serverClosed());
    }
    assertEquals(List.of("connection 1: a frame must be an array, got str"), receiver.problems());

    try (WireClient good = WireClient.connect(receiver)) {
      good.send(pack(List.of("t", 1L, map("n", 1))));
      assertEquals("t", receiver.awaitEvents(1, Await.TIMEOUT).get(0).tag());
    }
    assertTrue(receiver.isRunning());
  }

  @Test
  void keepsTheFramesBeforeABadOneOnTheSameConnection() throws Exception {
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(pack(List.of("t", 1L, map("n", 1))), pack(List.of("t", 2L, "not a map")));
      assertTrue(client.serverClosed());
    }
    assertEquals(1, receiver.eventCount());
    assertEquals(List.of("connection 1: the record must be a map, got str"), receiver.problems());
  }

  @Test
  void namesEachKindOfMalformedFrame() throws Exception {
    assertProblem(pack(List.of("t")), "a frame must have at least 2 elements, got 1");
    assertProblem(pack(List.of(7L, 1L, map())), "the tag must be a str, got int");
    assertProblem(pack(List.of("t", map(), map())),
        "the second element of a frame must be a time, an array, bin or str, got map");
    assertProblem(pack(List.of("t", 1L)), "a Message frame must have 3 or 4 elements, got 2");
    assertProblem(pack(List.of("t", new Ext(0, new byte[4]), map())),
        "time must be an EventTime (ext type 0 with 8 bytes), got ext type 0 with 4 bytes");
    assertProblem(pack(List.of("t", new Ext(5, new byte[8]), map())),
        "time must be an EventTime (ext type 0 with 8 bytes), got ext type 5 with 8 bytes");
    assertProblem(pack(List.of("t", new Msgpack.Fixext8(1, 1_000_000_000L), map())),
        "EventTime nanoseconds must be below 1000000000, got 1000000000");
    assertProblem(pack(List.of("t", List.of(List.of(1L)))), "an entry must be [time, record], got an array of 1");
    assertProblem(pack(List.of("t", List.of(List.of("1", map())))), "time must be an EventTime, an int or a float, got str");
    assertProblem(pack(List.of("t", new byte[] {(byte) 0x92, 1})), "the packed entries end in the middle of an entry");
    assertProblem(pack(List.of("t", new byte[] {1, 2}, map("compressed", "gzip"))),
        "the compressed entries are not valid gzip: Not in GZIP format");
    assertProblem(pack(List.of("t", new byte[0], map("compressed", "lz4"))),
        "unsupported compression 'lz4': use gzip or zstd");
    assertProblem(pack(List.of("t", new byte[] {1, 2, 3, 4, 5}, map("compressed", "zstd"))),
        "the compressed entries are not valid zstd: zstd frame 1 (at byte 0) does not start with the zstd magic number");
    byte[] frame = Msgpack.zstd(pack(List.of(new Msgpack.Fixext8(1, 0), map("k", "v"))));
    assertProblem(pack(List.of("t", Arrays.copyOf(frame, frame.length - 1), map("compressed", "zstd"))),
        "the compressed entries are not valid zstd: zstd frame 1 (at byte 0) is cut short");
    assertProblem(pack(List.of("t", concat(frame, new byte[] {0x50, 0x2a, 0x4d, 0x18, 0, 0, 0, 0}),
            map("compressed", "zstd"))),
        "zstd frame 2 (at byte " + frame.length + ") is a skippable frame: Fluent Bit stops reading at it");
    assertProblem(pack(List.of("t", 1L, map(), "option")), "the option must be a map, got str");
    assertProblem(pack(List.of("t", 1L, map(), map("chunk", 5))), "the chunk option must be str or bin, got int");
    assertProblem(pack(List.of("t", 1L, map(1, "v"))), "the record has a key that is not a str: int");
    assertProblem(pack(List.of("t", 1L, map("k", new Ext(1, new byte[1])))),
        "the record holds an ext value (type 1), which has no meaning in a record");
    assertProblem(pack(List.of("t", 1L, map("k", new RawStr(new byte[] {(byte) 0xff})))),
        "the record holds a str that is not valid UTF-8");
    assertProblem(new byte[] {(byte) 0xc1}, "malformed msgpack: Cannot convert NEVER_USED to ValueType");
  }

  @Test
  void recordsAConnectionThatEndsInTheMiddleOfAFrame() throws Exception {
    byte[] frame = pack(List.of("t", 1L, map("n", 1)));
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(Arrays.copyOf(frame, frame.length - 2));
    }
    Await.until("a problem", () -> !receiver.problems().isEmpty());
    assertEquals(List.of("connection 1: the connection closed in the middle of a frame"), receiver.problems());
  }

  @Test
  void ignoresANilFrameAsFluentdDoes() throws Exception {
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(pack(null), pack(List.of("t", 1L, map("n", 1))));
      receiver.awaitEvents(1, Await.TIMEOUT);
    }
    assertEquals(List.of(), receiver.problems());
  }

  private void assertProblem(byte[] frame, String expected) throws Exception {
    receiver.clear();
    try (WireClient client = WireClient.connect(receiver)) {
      client.send(frame);
      assertTrue(client.serverClosed(), "closed after: " + expected);
    }
    Await.until("the problem '" + expected + "'", () -> !receiver.problems().isEmpty());
    List<String> problems = receiver.problems();
    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).endsWith(": " + expected), () -> "got " + problems);
    assertEquals(0, receiver.eventCount());
  }
}
