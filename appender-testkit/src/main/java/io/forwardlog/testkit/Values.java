package io.forwardlog.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageStringCodingException;
import org.msgpack.value.IntegerValue;
import org.msgpack.value.Value;

/** Turns msgpack values into the plain Java values of {@link ReceivedEvent#record()}. */
final class Values {
  private Values() {
  }

  /** A map whose keys are str (or bin), decoded with its values; {@code what} names it in errors. */
  static Map<String, Object> map(Value value, String what) throws ProtocolViolation {
    if (!value.isMapValue()) {
      throw new ProtocolViolation(what + " must be a map, got " + typeOf(value));
    }
    Map<String, Object> decoded = new LinkedHashMap<>();
    for (Map.Entry<Value, Value> entry : value.asMapValue().entrySet()) {
      decoded.put(key(entry.getKey(), what), toJava(entry.getValue(), what));
    }
    return Collections.unmodifiableMap(decoded);
  }

  static Object toJava(Value value, String what) throws ProtocolViolation {
    switch (value.getValueType()) {
      case NIL:
        return null;
      case BOOLEAN:
        return value.asBooleanValue().getBoolean();
      case INTEGER:
        IntegerValue integer = value.asIntegerValue();
        return integer.isInLongRange() ? (Object) integer.asLong() : integer.asBigInteger();
      case FLOAT:
        return value.asFloatValue().toDouble();
      case STRING:
        return text(value, what);
      case BINARY:
        return value.asBinaryValue().asByteArray();
      case ARRAY:
        List<Object> list = new ArrayList<>();
        for (Value element : value.asArrayValue()) {
          list.add(toJava(element, what));
        }
        return Collections.unmodifiableList(list);
      case MAP:
        return map(value, what);
      default:
        throw new ProtocolViolation(what + " holds an ext value (type "
            + value.asExtensionValue().getType() + "), which has no meaning in a record");
    }
  }

  /** A str decoded as strict UTF-8. */
  static String text(Value value, String what) throws ProtocolViolation {
    if (!value.isStringValue()) {
      throw new ProtocolViolation(what + " must be a str, got " + typeOf(value));
    }
    try {
      return value.asStringValue().asString();
    } catch (MessageStringCodingException e) {
      throw new ProtocolViolation(what + " holds a str that is not valid UTF-8");
    }
  }

  /** The msgpack type of a value as the problems name it: "str", "bin", "int", ... */
  static String typeOf(Value value) {
    switch (value.getValueType()) {
      case NIL:
        return "nil";
      case BOOLEAN:
        return "bool";
      case INTEGER:
        return "int";
      case FLOAT:
        return "float";
      case STRING:
        return "str";
      case BINARY:
        return "bin";
      case ARRAY:
        return "array";
      case MAP:
        return "map";
      default:
        return "ext";
    }
  }

  private static String key(Value key, String what) throws ProtocolViolation {
    if (key.isBinaryValue()) {
      return new String(key.asBinaryValue().asByteArray(), StandardCharsets.UTF_8);
    }
    if (!key.isStringValue()) {
      throw new ProtocolViolation(what + " has a key that is not a str: " + typeOf(key));
    }
    return text(key, what);
  }
}
