package io.forwardlog.interop;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry as the Node FluentServer received it.
 *
 * <p>{@code eventTime} tells an EventTime (seconds and nanoseconds) from an integer time (seconds,
 * {@code nanos} 0). Record values are {@code String}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code null}, {@code byte[]} (msgpack bin), {@code Map} and {@code List}. Values JSON cannot hold
 * arrive as the script writes them, e.g. {@code {"$eventTime": {"seconds": s, "nanos": n}}}. Note
 * that Node decodes every msgpack number to a double, so a float {@code 2.0} arrives as {@code 2L}.
 */
public record NodeEvent(String tag, long seconds, long nanos, boolean eventTime, Map<String, Object> record) {

  /** Reads one entry line of fluent-server.js, already parsed into JSON values. */
  static NodeEvent fromJson(Map<String, Object> line) {
    Object tag = line.get("tag");
    Object time = line.get("time");
    Object record = fromJsonValue(line.get("record"));
    if (!(tag instanceof String) || !(record instanceof Map)) {
      throw new IllegalArgumentException("not an entry: " + line);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = (Map<String, Object>) record;
    if (time instanceof Map<?, ?> eventTime) {
      return new NodeEvent((String) tag, number(eventTime.get("seconds")), number(eventTime.get("nanos")), true,
          fields);
    }
    if (time instanceof Long seconds) {
      return new NodeEvent((String) tag, seconds, 0, false, fields);
    }
    if (time instanceof Double seconds) {
      long whole = (long) Math.floor(seconds);
      return new NodeEvent((String) tag, whole, Math.round((seconds - whole) * 1e9), false, fields);
    }
    throw new IllegalArgumentException("not an entry time: " + time);
  }

  private static long number(Object value) {
    if (value instanceof Long number) {
      return number;
    }
    throw new IllegalArgumentException("not an integer: " + value);
  }

  private static Object fromJsonValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      if (map.size() == 1 && map.get("$bin") instanceof String base64) {
        return Base64.getDecoder().decode(base64);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      map.forEach((key, item) -> result.put((String) key, fromJsonValue(item)));
      return Collections.unmodifiableMap(result);
    }
    if (value instanceof List<?> list) {
      List<Object> result = new ArrayList<>(list.size());
      list.forEach(item -> result.add(fromJsonValue(item)));
      return Collections.unmodifiableList(result);
    }
    return value;
  }
}
