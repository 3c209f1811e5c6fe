package io.forwardlog.testkit;

import org.msgpack.value.ExtensionValue;
import org.msgpack.value.IntegerValue;
import org.msgpack.value.Value;

/**
 * Decodes an event's time: an EventTime (ext type 0, 8 bytes: uint32 seconds and uint32 nanoseconds,
 * big-endian, as fixext8 or ext8), an integer of seconds, or a float of seconds as Fluentd accepts.
 *
 * @see <a href="https://github.com/fluent/fluentd/wiki/Forward-Protocol-Specification-v1#eventtime-ext-format">EventTime</a>
 */
final class EventTimes {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  /** A decoded time; {@code eventTime} is false for integer and float times. */
  record Time(long seconds, long nanos, boolean eventTime) {
  }

  private EventTimes() {
  }

  static Time decode(Value value) throws ProtocolViolation {
    switch (value.getValueType()) {
      case INTEGER:
        IntegerValue integer = value.asIntegerValue();
        if (!integer.isInLongRange()) {
          throw new ProtocolViolation("time " + integer.asBigInteger() + " is out of range");
        }
        return new Time(integer.asLong(), 0, false);
      case FLOAT:
        return fromDouble(value.asFloatValue().toDouble());
      case EXTENSION:
        return fromExtension(value.asExtensionValue());
      default:
        throw new ProtocolViolation(
            "time must be an EventTime, an int or a float, got " + Values.typeOf(value));
    }
  }

  private static Time fromExtension(ExtensionValue ext) throws ProtocolViolation {
    byte[] data = ext.getData();
    if (ext.getType() != 0 || data.length != 8) {
      throw new ProtocolViolation("time must be an EventTime (ext type 0 with 8 bytes), got ext type "
          + ext.getType() + " with " + data.length + " bytes");
    }
    long seconds = uint32(data, 0);
    long nanos = uint32(data, 4);
    if (nanos >= NANOS_PER_SECOND) {
      throw new ProtocolViolation("EventTime nanoseconds must be below 1000000000, got " + nanos);
    }
    return new Time(seconds, nanos, true);
  }

  private static Time fromDouble(double seconds) throws ProtocolViolation {
    if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
      throw new ProtocolViolation("time " + seconds + " is not a number of seconds");
    }
    double whole = Math.floor(seconds);
    long nanos = Math.min(NANOS_PER_SECOND - 1, Math.round((seconds - whole) * NANOS_PER_SECOND));
    return new Time((long) whole, nanos, false);
  }

  private static long uint32(byte[] data, int offset) {
    return ((data[offset] & 0xFFL) << 24) | ((data[offset + 1] & 0xFFL) << 16)
        | ((data[offset + 2] & 0xFFL) << 8) | (data[offset + 3] & 0xFFL);
  }
}
