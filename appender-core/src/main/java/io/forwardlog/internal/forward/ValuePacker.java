package io.forwardlog.internal.forward;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import org.msgpack.core.MessagePacker;

/**
 * Packs a record value: strings, numbers, booleans, nulls, byte arrays, lists and maps (keys as
 * strings). Anything else is packed as its {@code toString()}, so a record can always be sent.
 */
public final class ValuePacker {

    private ValuePacker() {
    }

    public static void pack(MessagePacker packer, Object value) throws IOException {
        if (value == null) {
            packer.packNil();
        } else if (value instanceof String s) {
            packer.packString(s);
        } else if (value instanceof Boolean b) {
            packer.packBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            packer.packLong(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            packer.packDouble(((Number) value).doubleValue());
        } else if (value instanceof BigInteger big) {
            packBigInteger(packer, big);
        } else if (value instanceof BigDecimal decimal) {
            packer.packString(decimal.toPlainString());
        } else if (value instanceof byte[] bytes) {
            packer.packBinaryHeader(bytes.length);
            packer.writePayload(bytes);
        } else if (value instanceof Map<?, ?> map) {
            packMap(packer, map);
        } else if (value instanceof Collection<?> list) {
            packer.packArrayHeader(list.size());
            for (Object item : list) {
                pack(packer, item);
            }
        } else if (value instanceof Object[] array) {
            packer.packArrayHeader(array.length);
            for (Object item : array) {
                pack(packer, item);
            }
        } else {
            packer.packString(String.valueOf(value));
        }
    }

    /** Packs a map with its keys as strings, in the map's iteration order. */
    public static void packMap(MessagePacker packer, Map<?, ?> map) throws IOException {
        packer.packMapHeader(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            packer.packString(String.valueOf(entry.getKey()));
            pack(packer, entry.getValue());
        }
    }

    private static void packBigInteger(MessagePacker packer, BigInteger big) throws IOException {
        // msgpack integers reach 2^64-1; a larger value keeps its digits as text instead of failing
        if (big.bitLength() <= 64 && big.signum() >= 0 || big.bitLength() <= 63) {
            packer.packBigInteger(big);
        } else {
            packer.packString(big.toString());
        }
    }
}
