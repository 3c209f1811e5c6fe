package io.forwardlog.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON text into plain Java values: {@code Map<String, Object>} (in document order),
 * {@code List<Object>}, {@code String}, {@code Long} (integers that fit), {@code Double} (any other
 * number), {@code Boolean} and {@code null}. Just enough for the lines the Node server prints.
 */
final class JsonReader {
  private final String text;
  private int position;

  private JsonReader(String text) {
    this.text = text;
  }

  /** Parses {@code text}, which must hold exactly one JSON value (surrounding blanks allowed). */
  static Object parse(String text) {
    JsonReader reader = new JsonReader(text);
    Object value = reader.readValue();
    reader.skipBlanks();
    if (reader.position != text.length()) {
      throw reader.error("unexpected text after the value");
    }
    return value;
  }

  private Object readValue() {
    skipBlanks();
    if (position >= text.length()) {
      throw error("expected a value");
    }
    char c = text.charAt(position);
    switch (c) {
      case '{':
        return readObject();
      case '[':
        return readArray();
      case '"':
        return readString();
      case 't':
        return readWord("true", Boolean.TRUE);
      case 'f':
        return readWord("false", Boolean.FALSE);
      case 'n':
        return readWord("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return readNumber();
        }
        throw error("expected a value");
    }
  }

  private Map<String, Object> readObject() {
    position++;
    Map<String, Object> object = new LinkedHashMap<>();
    skipBlanks();
    if (consume('}')) {
      return object;
    }
    do {
      skipBlanks();
      if (position >= text.length() || text.charAt(position) != '"') {
        throw error("expected a member name");
      }
      String name = readString();
      skipBlanks();
      expect(':');
      object.put(name, readValue());
      skipBlanks();
    } while (consume(','));
    expect('}');
    return object;
  }

  private List<Object> readArray() {
    position++;
    List<Object> array = new ArrayList<>();
    skipBlanks();
    if (consume(']')) {
      return array;
    }
    do {
      array.add(readValue());
      skipBlanks();
    } while (consume(','));
    expect(']');
    return array;
  }

  private String readString() {
    position++;
    StringBuilder result = new StringBuilder();
    while (position < text.length()) {
      char c = text.charAt(position++);
      if (c == '"') {
        return result.toString();
      }
      if (c == '\\') {
        result.append(readEscape());
      } else if (c < 0x20) {
        throw error("control character in a string");
      } else {
        result.append(c);
      }
    }
    throw error("unterminated string");
  }

  private char readEscape() {
    if (position >= text.length()) {
      throw error("unterminated string");
    }
    char c = text.charAt(position++);
    switch (c) {
      case '"':
      case '\\':
      case '/':
        return c;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        if (position + 4 > text.length()) {
          throw error("incomplete \\u escape");
        }
        try {
          char decoded = (char) Integer.parseInt(text.substring(position, position + 4), 16);
          position += 4;
          return decoded;
        } catch (NumberFormatException e) {
          throw error("invalid \\u escape");
        }
      default:
        position--;
        throw error("invalid escape");
    }
  }

  private Object readNumber() {
    int start = position;
    consume('-');
    int digits = skipDigits();
    boolean integer = true;
    if (consume('.')) {
      integer = false;
      digits = Math.min(digits, skipDigits());
    }
    if (consume('e') || consume('E')) {
      integer = false;
      if (!consume('+')) {
        consume('-');
      }
      digits = Math.min(digits, skipDigits());
    }
    if (digits == 0) {
      throw error("invalid number");
    }
    String number = text.substring(start, position);
    if (integer) {
      try {
        return Long.parseLong(number);
      } catch (NumberFormatException tooLarge) {
        return Double.parseDouble(number);
      }
    }
    return Double.parseDouble(number);
  }

  private int skipDigits() {
    int start = position;
    while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
      position++;
    }
    return position - start;
  }

  private Object readWord(String word, Object value) {
    if (!text.startsWith(word, position)) {
      throw error("expected a value");
    }
    position += word.length();
    return value;
  }

  private void skipBlanks() {
    while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
      position++;
    }
  }

  private boolean consume(char c) {
    if (position < text.length() && text.charAt(position) == c) {
      position++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!consume(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException("invalid JSON at offset " + position + ": " + problem);
  }
}
