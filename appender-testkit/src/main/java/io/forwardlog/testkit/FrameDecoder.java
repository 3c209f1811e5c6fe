package io.forwardlog.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;

/**
 * Decodes one Forward frame. The mode is told apart by the type of the second element: a time
 * (int, float or ext) for Message, an array for Forward, bin or str for PackedForward, which option
 * {@code compressed: "gzip"} or {@code "zstd"} makes CompressedPackedForward.
 *
 * @see <a href="https://github.com/fluent/fluentd/wiki/Forward-Protocol-Specification-v1#event-modes">Event modes</a>
 */
final class FrameDecoder {
  private final int connectionId;

  FrameDecoder(int connectionId) {
    this.connectionId = connectionId;
  }

  DecodedFrame decode(Value frame) throws ProtocolViolation {
    if (!frame.isArrayValue()) {
      throw new ProtocolViolation("a frame must be an array, got " + Values.typeOf(frame));
    }
    List<Value> items = frame.asArrayValue().list();
    if (items.size() < 2) {
      throw new ProtocolViolation("a frame must have at least 2 elements, got " + items.size());
    }
    String tag = Values.text(items.get(0), "the tag");
    Value second = items.get(1);
    switch (second.getValueType()) {
      case INTEGER:
      case FLOAT:
      case EXTENSION:
        checkSize(items, 3, 4, "a Message frame");
        return message(tag, items);
      case ARRAY:
        checkSize(items, 2, 3, "a Forward frame");
        return forward(tag, items);
      case STRING:
      case BINARY:
        checkSize(items, 2, 3, "a PackedForward frame");
        return packedForward(tag, items);
      default:
        throw new ProtocolViolation("the second element of a frame must be a time, an array, bin or str,"
            + " got " + Values.typeOf(second));
    }
  }

  private DecodedFrame message(String tag, List<Value> items) throws ProtocolViolation {
    EventTimes.Time time = EventTimes.decode(items.get(1));
    Map<String, Object> record = Values.map(items.get(2), "the record");
    ReceivedEvent event = event(tag, time, record, Mode.MESSAGE);
    return frame(Mode.MESSAGE, tag, List.of(event), option(items, 3), false, new ArrayList<>());
  }

  private DecodedFrame forward(String tag, List<Value> items) throws ProtocolViolation {
    List<ReceivedEvent> events = new ArrayList<>();
    for (Value entry : items.get(1).asArrayValue()) {
      events.add(entry(tag, entry, Mode.FORWARD));
    }
    return frame(Mode.FORWARD, tag, events, option(items, 2), false, new ArrayList<>());
  }

  private DecodedFrame packedForward(String tag, List<Value> items) throws ProtocolViolation {
    Value entries = items.get(1);
    Option option = option(items, 2);
    Object compression = option.values().get("compressed");
    byte[] bytes = entries.asRawValue().asByteArray();
    Mode mode = Mode.PACKED_FORWARD;
    List<String> warnings = new ArrayList<>();
    if (compression != null) {
      mode = Mode.COMPRESSED_PACKED_FORWARD;
      if ("gzip".equals(compression)) {
        bytes = gunzip(bytes);
      } else if ("zstd".equals(compression)) {
        ZstdEntries zstd = ZstdEntries.decode(bytes);
        bytes = zstd.entries();
        warnings.addAll(zstd.warnings());
      } else {
        throw new ProtocolViolation("unsupported compression '" + compression + "': use gzip or zstd");
      }
    }
    List<ReceivedEvent> events = new ArrayList<>();
    try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
      while (unpacker.hasNext()) {
        events.add(entry(tag, unpacker.unpackValue(), mode));
      }
    } catch (MessageInsufficientBufferException e) {
      throw new ProtocolViolation("the packed entries end in the middle of an entry");
    } catch (MessagePackException | IOException e) {
      throw new ProtocolViolation("the packed entries are not valid msgpack: " + e.getMessage());
    }
    return frame(mode, tag, events, option, entries.isBinaryValue(), warnings);
  }

  private ReceivedEvent entry(String tag, Value entry, Mode mode) throws ProtocolViolation {
    if (!entry.isArrayValue() || entry.asArrayValue().size() != 2) {
      throw new ProtocolViolation("an entry must be [time, record], got "
          + (entry.isArrayValue() ? "an array of " + entry.asArrayValue().size() : Values.typeOf(entry)));
    }
    EventTimes.Time time = EventTimes.decode(entry.asArrayValue().get(0));
    return event(tag, time, Values.map(entry.asArrayValue().get(1), "the record"), mode);
  }

  private ReceivedEvent event(String tag, EventTimes.Time time, Map<String, Object> record, Mode mode) {
    return new ReceivedEvent(tag, time.seconds(), time.nanos(), time.eventTime(), record, mode,
        connectionId);
  }

  private DecodedFrame frame(Mode mode, String tag, List<ReceivedEvent> events, Option option,
                             boolean entriesWereBin, List<String> warnings) {
    Object size = option.values().get("size");
    if (option.values().containsKey("size")) {
      if (!(size instanceof Long)) {
        warnings.add("the size option must be an int, got " + option.sizeType());
      } else if ((Long) size != events.size()) {
        warnings.add("the size option is " + size + " but the frame holds " + events.size() + " events");
      }
    }
    Optional<String> chunk = option.chunk().map(value ->
        new String(value.asRawValue().asByteArray(), StandardCharsets.UTF_8));
    boolean chunkWasStr = option.chunk().map(Value::isStringValue).orElse(false);
    ReceivedMessage message = new ReceivedMessage(mode, tag, events.size(), option.values(),
        entriesWereBin, chunk, chunkWasStr, mode == Mode.COMPRESSED_PACKED_FORWARD, connectionId);
    return new DecodedFrame(message, List.copyOf(events), option.chunk(), List.copyOf(warnings));
  }

  private static Option option(List<Value> items, int index) throws ProtocolViolation {
    if (items.size() <= index || items.get(index).isNilValue()) {
      return new Option(Map.of(), Optional.empty(), "");
    }
    Value raw = items.get(index);
    Map<String, Object> values = Values.map(raw, "the option");
    Optional<Value> chunk = Optional.empty();
    String sizeType = "";
    for (Map.Entry<Value, Value> entry : raw.asMapValue().entrySet()) {
      Value keyValue = entry.getKey();
      String key = keyValue.isRawValue()
          ? new String(keyValue.asRawValue().asByteArray(), StandardCharsets.UTF_8) : "";
      if (key.equals("chunk")) {
        if (!entry.getValue().isRawValue()) {
          throw new ProtocolViolation("the chunk option must be str or bin, got "
              + Values.typeOf(entry.getValue()));
        }
        chunk = Optional.of(entry.getValue());
      } else if (key.equals("size")) {
        sizeType = Values.typeOf(entry.getValue());
      }
    }
    return new Option(values, chunk, sizeType);
  }

  private static byte[] gunzip(byte[] compressed) throws ProtocolViolation {
    // GZIPInputStream reads concatenated gzip members one after another, as the spec allows.
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ProtocolViolation("the compressed entries are not valid gzip: " + e.getMessage());
    }
  }

  private static void checkSize(List<Value> items, int min, int max, String what)
      throws ProtocolViolation {
    if (items.size() < min || items.size() > max) {
      throw new ProtocolViolation(what + " must have " + min + " or " + max + " elements, got "
          + items.size());
    }
  }

  /** The decoded option map, plus the raw chunk value to echo and the msgpack type of size. */
  private record Option(Map<String, Object> values, Optional<Value> chunk, String sizeType) {
  }
}
