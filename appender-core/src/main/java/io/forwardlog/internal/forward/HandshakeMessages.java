package io.forwardlog.internal.forward;

import java.util.List;
import java.util.Map;
import org.msgpack.value.Value;

/** Reading the handshake's msgpack arrays without trusting their shape. */
final class HandshakeMessages {

    private HandshakeMessages() {
    }

    /** Checks that {@code message} is {@code [type, ...]} with {@code arity} elements. */
    static List<Value> expect(Value message, String type, int arity) throws DeliveryException {
        if (!message.isArrayValue()) {
            throw malformed(type, message);
        }
        List<Value> items = message.asArrayValue().list();
        if (items.isEmpty() || !type.equals(Messages.text(items.get(0)))) {
            throw new DeliveryException(DeliveryException.Kind.PROTOCOL,
                    "expected " + type + " from the node, got " + Messages.describe(message));
        }
        if (items.size() != arity) {
            throw malformed(type, message);
        }
        return items;
    }

    static DeliveryException malformed(String type, Value message) {
        return new DeliveryException(DeliveryException.Kind.PROTOCOL,
                "malformed " + type + " from the node: " + Messages.describe(message));
    }

    static Value field(Map<Value, Value> map, String key) {
        for (Map.Entry<Value, Value> entry : map.entrySet()) {
            if (key.equals(Messages.text(entry.getKey()))) {
                return entry.getValue();
            }
        }
        return null;
    }

    static String text(Value value, String otherwise) {
        String text = Messages.text(value);
        return text == null || text.isEmpty() ? otherwise : text;
    }
}
