package io.forwardlog.internal.forward;

import java.nio.charset.StandardCharsets;
import org.msgpack.value.Value;

/** Text helpers for messages people read. */
final class Messages {

    private static final int MAX = 120;

    private Messages() {
    }

    static String abbreviate(String text) {
        return text.length() <= MAX ? text : text.substring(0, MAX) + "...";
    }

    /** A node's message as JSON, abbreviated; bytes that are not UTF-8 are replaced, never a reason to fail. */
    static String describe(Value message) {
        String json;
        try {
            json = message.toJson();
        } catch (RuntimeException notUtf8) {
            json = message.getValueType().name().toLowerCase(java.util.Locale.ROOT) + " that is not valid UTF-8";
        }
        return abbreviate(json);
    }

    /** The text of a str or bin, decoded leniently (bad UTF-8 becomes U+FFFD); {@code null} for other types. */
    static String text(Value value) {
        return value.isRawValue() ? new String(value.asRawValue().asByteArray(), StandardCharsets.UTF_8) : null;
    }
}
