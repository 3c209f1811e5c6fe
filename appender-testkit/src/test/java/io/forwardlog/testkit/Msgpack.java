package io.forwardlog.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/** Builds msgpack by hand for the tests, so each test shows exactly the bytes a client would send. */
final class Msgpack {
  /** An EventTime written as fixext8 ({@code d7 00}). */
  record Fixext8(long seconds, long nanos) {
  }

  /** An EventTime written as ext8 ({@code c7 08 00}). */
  record Ext8(long seconds, long nanos) {
  }

  /** A str whose payload is these exact bytes. */
  record RawStr(byte[] bytes) {
  }

  /** Any ext value. */
  record Ext(int type, byte[] data) {
  }

  /** A float32 value. */
  record Float32(float value) {
  }

  private Msgpack() {
  }

  static byte[] pack(Object value) {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      write(packer, value);
      return packer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Several values back to back, as PackedForward entries are. */
  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** One zstd frame holding {@code data}, as the zstd C library writes it (level 3, with the content size). */
  static byte[] zstd(byte[] data) {
    return com.github.luben.zstd.Zstd.compress(data);
  }

  /** A map in the order of its key-value pairs. */
  static Map<Object, Object> map(Object... keysAndValues) {
    Map<Object, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void write(MessagePacker packer, Object value) throws IOException {
    if (value == null) {
      packer.packNil();
    } else if (value instanceof String text) {
      packer.packString(text);
    } else if (value instanceof RawStr str) {
      packer.packRawStringHeader(str.bytes().length).writePayload(str.bytes());
    } else if (value instanceof byte[] bin) {
      packer.packBinaryHeader(bin.length).writePayload(bin);
    } else if (value instanceof Integer || value instanceof Long) {
      packer.packLong(((Number) value).longValue());
    } else if (value instanceof java.math.BigInteger big) {
      packer.packBigInteger(big);
    } else if (value instanceof Double number) {
      packer.packDouble(number);
    } else if (value instanceof Float32 number) {
      packer.packFloat(number.value());
    } else if (value instanceof Boolean flag) {
      packer.packBoolean(flag);
    } else if (value instanceof Fixext8 time) {
      packer.packExtensionTypeHeader((byte) 0, 8).writePayload(eventTime(time.seconds(), time.nanos()));
    } else if (value instanceof Ext8 time) {
      packer.writePayload(new byte[] {(byte) 0xc7, 8, 0}).writePayload(eventTime(time.seconds(), time.nanos()));
    } else if (value instanceof Ext ext) {
      packer.packExtensionTypeHeader((byte) ext.type(), ext.data().length).writePayload(ext.data());
    } else if (value instanceof List<?> list) {
      packer.packArrayHeader(list.size());
      for (Object element : list) {
        write(packer, element);
      }
    } else if (value instanceof Map<?, ?> map) {
      packer.packMapHeader(map.size());
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        write(packer, entry.getKey());
        write(packer, entry.getValue());
      }
    } else {
      throw new IllegalArgumentException("cannot pack " + value.getClass());
    }
  }

  private static byte[] eventTime(long seconds, long nanos) {
    return ByteBuffer.allocate(8).putInt((int) seconds).putInt((int) nanos).array();
  }
}
