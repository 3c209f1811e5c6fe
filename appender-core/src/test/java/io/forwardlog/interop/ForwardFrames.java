package io.forwardlog.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * Hand-built Forward protocol frames, independent of appender-core's encoder, so the harness can be
 * tested on its own. Layouts: https://github.com/fluent/fluentd/wiki/Forward-Protocol-Specification-v1
 */
final class ForwardFrames {
  private static final byte EVENT_TIME_EXT_TYPE = 0;

  private ForwardFrames() {
  }

  /** An entry time: an EventTime (ext type 0) or an integer number of seconds. */
  record Time(long seconds, long nanos, boolean eventTime) {
    static Time eventTime(long seconds, long nanos) {
      return new Time(seconds, nanos, true);
    }

    static Time seconds(long seconds) {
      return new Time(seconds, 0, false);
    }
  }

  record Entry(Time time, Map<String, ?> record) {
  }

  /** {@code [tag, time, record, option?]}; no option element when {@code option} is null. */
  static byte[] message(String tag, Entry entry, Map<String, ?> option) {
    return pack(packer -> {
      packer.packArrayHeader(option == null ? 3 : 4);
      packer.packString(tag);
      packValue(packer, entry.time());
      packValue(packer, entry.record());
      if (option != null) {
        packValue(packer, option);
      }
    });
  }

  /** {@code [tag, [[time, record], ...], option]}. */
  static byte[] forward(String tag, List<Entry> entries, Map<String, ?> option) {
    return pack(packer -> {
      packer.packArrayHeader(3);
      packer.packString(tag);
      packer.packArrayHeader(entries.size());
      for (Entry entry : entries) {
        packEntry(packer, entry);
      }
      packValue(packer, option);
    });
  }

  /** {@code [tag, bin(entries), option]}: PackedForward, or CompressedPackedForward when the bin is gzip. */
  static byte[] packed(String tag, byte[] entries, Map<String, ?> option) {
    return pack(packer -> {
      packer.packArrayHeader(3);
      packer.packString(tag);
      packer.packBinaryHeader(entries.length);
      packer.writePayload(entries);
      packValue(packer, option);
    });
  }

  /** The {@code [time, record]} arrays of {@code entries}, concatenated. */
  static byte[] entries(List<Entry> entries) {
    return pack(packer -> {
      for (Entry entry : entries) {
        packEntry(packer, entry);
      }
    });
  }

  /** One gzip member holding {@code data}. */
  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      bytes.writeBytes(part);
    }
    return bytes.toByteArray();
  }

  /** A msgpack array of strings, or of any values {@link #packValue} knows. */
  static byte[] array(Object... values) {
    return pack(packer -> packValue(packer, List.of(values)));
  }

  private static void packEntry(MessagePacker packer, Entry entry) throws IOException {
    packer.packArrayHeader(2);
    packValue(packer, entry.time());
    packValue(packer, entry.record());
  }

  /** Packs null, String, Boolean, Integer, Long, Double, byte[] (as bin), Time, Map and List. */
  static void packValue(MessagePacker packer, Object value) throws IOException {
    if (value == null) {
      packer.packNil();
    } else if (value instanceof String text) {
      packer.packString(text);
    } else if (value instanceof Boolean bool) {
      packer.packBoolean(bool);
    } else if (value instanceof Integer || value instanceof Long) {
      packer.packLong(((Number) value).longValue());
    } else if (value instanceof Double number) {
      packer.packDouble(number);
    } else if (value instanceof byte[] bytes) {
      packer.packBinaryHeader(bytes.length);
      packer.writePayload(bytes);
    } else if (value instanceof Time time) {
      packTime(packer, time);
    } else if (value instanceof Map<?, ?> map) {
      packer.packMapHeader(map.size());
      for (Map.Entry<?, ?> field : map.entrySet()) {
        packValue(packer, field.getKey());
        packValue(packer, field.getValue());
      }
    } else if (value instanceof List<?> list) {
      packer.packArrayHeader(list.size());
      for (Object item : list) {
        packValue(packer, item);
      }
    } else {
      throw new IllegalArgumentException("cannot pack " + value.getClass());
    }
  }

  private static void packTime(MessagePacker packer, Time time) throws IOException {
    if (time.eventTime()) {
      // EventTime: fixext8 of type 0, big-endian uint32 seconds then uint32 nanoseconds
      packer.packExtensionTypeHeader(EVENT_TIME_EXT_TYPE, 8);
      byte[] payload = new byte[8];
      writeUint32(payload, 0, time.seconds());
      writeUint32(payload, 4, time.nanos());
      packer.writePayload(payload);
    } else {
      packer.packLong(time.seconds());
    }
  }

  private static void writeUint32(byte[] target, int offset, long value) {
    for (int i = 0; i < 4; i++) {
      target[offset + i] = (byte) (value >>> (24 - 8 * i));
    }
  }

  private interface Packing {
    void packInto(MessagePacker packer) throws IOException;
  }

  private static byte[] pack(Packing packing) {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      packing.packInto(packer);
      return packer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
