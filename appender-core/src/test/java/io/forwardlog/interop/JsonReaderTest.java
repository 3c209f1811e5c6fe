package io.forwardlog.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

  @Test
  void readsAnEntryLineOfTheNodeServer() {
    Object line = JsonReader.parse("{\"tag\":\"app\",\"time\":{\"seconds\":1700000000,\"nanos\":5},"
        + "\"record\":{\"a\":[1,-2.5,true,false,null],\"b\":{\"$bin\":\"AQI=\"}}}");

    assertEquals(Map.of("tag", "app", "time", Map.of("seconds", 1_700_000_000L, "nanos", 5L),
        "record", Map.of("a", Arrays.asList(1L, -2.5, true, false, null), "b", Map.of("$bin", "AQI="))), line);
  }

  @Test
  void readsEscapesAndUnicode() {
    assertEquals("q\" \\ / \b\f\n\r\t é ✓ 😀", JsonReader.parse("\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9 ✓ \\ud83d\\ude00\""));
  }

  @Test
  void readsNumbersAsLongWhenTheyAreIntegersThatFit() {
    assertEquals(List.of(0L, -7L, 1.5e21, 2.0e-3, 9.223372036854775808e18),
        JsonReader.parse(" [0, -7, 1.5e+21, 2E-3, 9223372036854775808] "));
  }

  @Test
  void keepsTheOrderOfMembers() {
    assertEquals(List.of("z", "a", "m"), List.copyOf(((Map<?, ?>) JsonReader.parse("{\"z\":1,\"a\":2,\"m\":3}")).keySet()));
  }

  @Test
  void rejectsTextAfterTheValue() {
    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{} x"));

    assertEquals("invalid JSON at offset 3: unexpected text after the value", failure.getMessage());
  }

  @Test
  void rejectsAnUnterminatedString() {
    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("[\"ab"));

    assertEquals("invalid JSON at offset 4: unterminated string", failure.getMessage());
  }

  @Test
  void rejectsAMissingValue() {
    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("[1,]"));

    assertEquals("invalid JSON at offset 3: expected a value", failure.getMessage());
  }

  @Test
  void rejectsANumberWithoutDigits() {
    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("-"));

    assertEquals("invalid JSON at offset 1: invalid number", failure.getMessage());
  }
}
