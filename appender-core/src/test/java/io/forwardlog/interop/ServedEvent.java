package io.forwardlog.interop;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event as a {@link ServerUnderTest} received it, in a form in which every server's events
 * compare with {@code equals}: record values are {@code String}, {@code Long} for any integer,
 * {@code Double} for any float, {@code Boolean}, {@code null}, {@link Bin} for bytes, and lists and
 * maps of these. Expected events built from plain Java values ({@code Integer}, {@code byte[]} ...)
 * are converted the same way.
 *
 * @param eventTime true for an EventTime, false for integer seconds (then {@code nanos} is 0)
 */
public record ServedEvent(String tag, long seconds, long nanos, boolean eventTime, Map<String, Object> record) {

  public ServedEvent {
    record = plainMap(record);
  }

  /** An event whose time is an EventTime. */
  public static ServedEvent withEventTime(String tag, Instant time, Map<String, ?> record) {
    return new ServedEvent(tag, time.getEpochSecond(), time.getNano(), true, plainMap(record));
  }

  /** An event whose time is integer seconds. */
  public static ServedEvent withIntegerTime(String tag, long seconds, Map<String, ?> record) {
    return new ServedEvent(tag, seconds, 0, false, plainMap(record));
  }

  /** Bytes (msgpack bin), compared by content and shown in hex. */
  public record Bin(String hex) {

    static Bin of(byte[] bytes) {
      return new Bin(HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
      return "bin[" + hex + "]";
    }
  }

  private static Map<String, Object> plainMap(Map<?, ?> map) {
    Map<String, Object> plain = new LinkedHashMap<>();
    map.forEach((key, value) -> plain.put(String.valueOf(key), plain(value)));
    return Collections.unmodifiableMap(plain);
  }

  private static Object plain(Object value) {
    if (value instanceof byte[] bytes) {
      return Bin.of(bytes);
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof BigInteger big && big.bitLength() < Long.SIZE) {
      return big.longValue();
    }
    if (value instanceof Map<?, ?> map) {
      return plainMap(map);
    }
    if (value instanceof Collection<?> items) {
      List<Object> plain = new ArrayList<>(items.size());
      items.forEach(item -> plain.add(plain(item)));
      return Collections.unmodifiableList(plain);
    }
    return value;
  }
}
