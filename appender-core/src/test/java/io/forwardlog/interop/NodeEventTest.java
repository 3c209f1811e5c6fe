package io.forwardlog.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeEventTest {

  @SuppressWarnings("unchecked")
  private static NodeEvent read(String line) {
    return NodeEvent.fromJson((Map<String, Object>) JsonReader.parse(line));
  }

  @Test
  void readsAnEventTimeAsSecondsAndNanoseconds() {
    assertEquals(new NodeEvent("a", 1_700_000_000L, 9, true, Map.of()),
        read("{\"tag\":\"a\",\"time\":{\"seconds\":1700000000,\"nanos\":9},\"record\":{}}"));
  }

  @Test
  void splitsAFractionalTimeIntoSecondsAndNanosecondsThatAreNoEventTime() {
    assertEquals(new NodeEvent("a", 12, 250_000_000, false, Map.of()),
        read("{\"tag\":\"a\",\"time\":12.25,\"record\":{}}"));
  }

  @Test
  void turnsBinValuesIntoBytesAtAnyDepth() {
    NodeEvent event = read("{\"tag\":\"a\",\"time\":1,\"record\":{\"l\":[{\"$bin\":\"AAH/\"}],\"b\":{\"$bin\":\"\"}}}");

    assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, (byte[]) ((List<?>) event.record().get("l")).get(0));
    assertArrayEquals(new byte[0], (byte[]) event.record().get("b"));
  }

  @Test
  void rejectsALineWhoseRecordIsNotAMap() {
    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
        () -> read("{\"tag\":\"a\",\"time\":1,\"record\":[1]}"));

    assertEquals("not an entry: {tag=a, time=1, record=[1]}", failure.getMessage());
  }
}
