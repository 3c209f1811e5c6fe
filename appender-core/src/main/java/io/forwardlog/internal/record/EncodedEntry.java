package io.forwardlog.internal.record;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * One Forward entry, {@code [EventTime, record]}, written as msgpack straight into a reusable array:
 * strings are encoded as UTF-8 in place (no {@code getBytes}), and names known in advance are copied in
 * already encoded. The record's fields come first, from {@link #HEAD_ROOM} on; {@link #finish} then puts
 * the entry's head just before them, once the number of fields is known, so nothing is moved. The entry
 * is read without a copy: {@link #array()} from {@link #offset()} for {@link #length()} bytes.
 *
 * <p>The bytes are exactly those msgpack-core's {@code MessagePacker} writes for the same values (its
 * defaults: the smallest header for each value, str8 for strings of 32 to 255 bytes, a lone surrogate
 * as {@code ?}, floats as float 64), which is what every Forward server has been decoding from
 * forwardlog; {@code EncodedBytesTest} holds them to it. One thread writes an instance.
 */
public final class EncodedEntry {

    /** The most the head takes: a fixarray, the EventTime (fixext 8) and a map32 header. */
    static final int HEAD_ROOM = 1 + 10 + 5;

    private static final int FIXSTR_LIMIT = 32;
    private static final int UINT8_LIMIT = 1 << 8;
    private static final int UINT16_LIMIT = 1 << 16;
    private static final int FIX_COLLECTION_LIMIT = 16;
    /** What a lone surrogate is written as, as {@code String.getBytes}, the JDK's encoder and msgpack-core do. */
    private static final byte REPLACEMENT = '?';

    /** From this length on, strings go through {@link #bulk}: below it, a plain loop costs less. */
    private static final int BULK_CHARS = 16;
    /** Chars of a string copied out at a time, to encode from an array. */
    private static final int SLICE_CHARS = 1024;

    /** Slots of the cache of recurring strings: 2^{@value}. */
    private static final int CACHE_BITS = 7;
    /** A slot holds a fixstr: its header and up to 31 bytes. */
    private static final int CACHE_SLOT_BYTES = FIXSTR_LIMIT;

    private final String[] cached = new String[1 << CACHE_BITS];
    private final byte[] cachedBytes = new byte[(1 << CACHE_BITS) * CACHE_SLOT_BYTES];
    private final byte[] cachedLengths = new byte[1 << CACHE_BITS];
    private final char[] slice = new char[SLICE_CHARS];
    private CharBuffer sliceBuffer;
    private ByteBuffer bytesBuffer;
    private CharsetEncoder utf8;
    private byte[] buf;
    private int pos;
    private int start;

    EncodedEntry(int initialCapacity) {
        buf = new byte[Math.max(initialCapacity, HEAD_ROOM)];
        pos = HEAD_ROOM;
    }

    public byte[] array() {
        return buf;
    }

    /** Where the entry starts in {@link #array()}. */
    public int offset() {
        return start;
    }

    public int length() {
        return pos - start;
    }

    /** The array's size: what this buffer holds on to. */
    int capacity() {
        return buf.length;
    }

    /** Starts a new entry: its fields are written next. */
    void begin() {
        pos = HEAD_ROOM;
        start = HEAD_ROOM;
    }

    /** Writes the head, {@code [EventTime(seconds, nanos), map of fields]}, just before the fields written. */
    void finish(long epochSeconds, int nanos, int fields) {
        int at = HEAD_ROOM - 1 - 10 - collectionHeaderSize(fields);
        start = at;
        buf[at++] = (byte) 0x92; // fixarray of 2
        buf[at++] = (byte) 0xd7; // fixext 8
        buf[at++] = 0; // ext type 0: EventTime
        putInt(at, (int) epochSeconds);
        putInt(at + 4, nanos);
        at += 8;
        collectionHeaderAt(at, fields, 0x80, 0xde);
    }

    /** Bytes encoded once beforehand (a field's name as msgpack str). */
    void raw(byte[] encoded) {
        ensure(encoded.length);
        System.arraycopy(encoded, 0, buf, pos, encoded.length);
        pos += encoded.length;
    }

    /**
     * A string that recurs from event to event, the same instance each time (a logger's or thread's
     * name, a context key, a value kept for a request): copied from a small cache of the strings lately
     * written, encoded, when it is there. Strings are immutable, so the instance is the key; a string
     * too long for a slot is simply encoded each time.
     */
    void recurring(String s) {
        int slot = s.hashCode() * 0x9e3779b9 >>> (Integer.SIZE - CACHE_BITS);
        if (cached[slot] == s) {
            int n = cachedLengths[slot];
            ensure(n);
            System.arraycopy(cachedBytes, slot * CACHE_SLOT_BYTES, buf, pos, n);
            pos += n;
            return;
        }
        int from = pos;
        string(s);
        int n = pos - from;
        if (n <= CACHE_SLOT_BYTES) {
            System.arraycopy(buf, from, cachedBytes, slot * CACHE_SLOT_BYTES, n);
            cachedLengths[slot] = (byte) n;
            cached[slot] = s;
        }
    }

    void mapHeader(int size) {
        ensure(5);
        pos = collectionHeaderAt(pos, size, 0x80, 0xde);
    }

    void arrayHeader(int size) {
        ensure(5);
        pos = collectionHeaderAt(pos, size, 0x90, 0xdc);
    }

    void nil() {
        ensure(1);
        buf[pos++] = (byte) 0xc0;
    }

    /**
     * A string as msgpack str. The header is sized for one byte per char and moved up in the rare case
     * the UTF-8 needs a larger one. Short strings are encoded here char by char; longer ones of the JDK's
     * own kinds by a reused UTF-8 encoder over a slice of their chars, which the JIT turns into bulk copies.
     */
    void string(CharSequence s) {
        int chars = s.length();
        int head = strHeaderSize(chars);
        int first = pos + head;
        int at;
        if (chars >= BULK_CHARS && (s instanceof String || s instanceof StringBuilder)) {
            at = bulk(s, chars, first);
        } else {
            ensure(head + chars);
            at = first;
            byte[] b = buf;
            int i = 0;
            for (; i < chars; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                b[at++] = (byte) c;
            }
            if (i < chars) {
                at = nonAscii(s, i, chars, at);
            }
        }
        int bytes = at - first;
        int needed = strHeaderSize(bytes);
        if (needed != head) {
            ensure(needed + bytes);
            System.arraycopy(buf, first, buf, pos + needed, bytes);
        }
        strHeaderAt(pos, bytes);
        pos += needed + bytes;
    }

    /**
     * A String's or StringBuilder's chars as UTF-8 at {@code at}, a slice at a time; returns where they
     * end. A high surrogate at the end of a slice waits at the start of the next for its pair.
     */
    private int bulk(CharSequence s, int chars, int at) {
        if (utf8 == null) {
            utf8 = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            sliceBuffer = CharBuffer.wrap(slice);
        }
        utf8.reset();
        int done = 0;
        int carried = 0;
        while (true) {
            int n = Math.min(SLICE_CHARS - carried, chars - done);
            if (s instanceof String text) {
                text.getChars(done, done + n, slice, carried);
            } else {
                ((StringBuilder) s).getChars(done, done + n, slice, carried);
            }
            done += n;
            int inSlice = carried + n;
            boolean last = done == chars;
            // room for 3 bytes per char: the encoder never runs out of it
            long room = (long) at + 3L * inSlice;
            if (room > buf.length) {
                grow(room);
            }
            if (bytesBuffer == null || bytesBuffer.array() != buf) {
                bytesBuffer = ByteBuffer.wrap(buf);
            }
            sliceBuffer.limit(inSlice).position(0);
            bytesBuffer.limit(buf.length).position(at);
            utf8.encode(sliceBuffer, bytesBuffer, last);
            if (last) {
                utf8.flush(bytesBuffer);
                return bytesBuffer.position();
            }
            at = bytesBuffer.position();
            carried = sliceBuffer.remaining();
            if (carried > 0) {
                slice[0] = slice[sliceBuffer.position()];
            }
        }
    }

    /** The rest of a string from {@code from} on, as UTF-8 at {@code at}; returns where it ends. */
    private int nonAscii(CharSequence s, int from, int chars, int at) {
        // at most 3 bytes per char (a surrogate pair is 2 chars for 4 bytes)
        long room = (long) at + 3L * (chars - from);
        if (room > buf.length) {
            grow(room);
        }
        byte[] b = buf;
        for (int i = from; i < chars; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[at++] = (byte) c;
            } else if (c < 0x800) {
                b[at++] = (byte) (0xc0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c)) {
                char low = i + 1 < chars ? s.charAt(i + 1) : 0;
                if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
                    int cp = Character.toCodePoint(c, low);
                    b[at++] = (byte) (0xf0 | cp >> 18);
                    b[at++] = (byte) (0x80 | cp >> 12 & 0x3f);
                    b[at++] = (byte) (0x80 | cp >> 6 & 0x3f);
                    b[at++] = (byte) (0x80 | cp & 0x3f);
                    i++;
                } else {
                    b[at++] = REPLACEMENT;
                }
            } else {
                b[at++] = (byte) (0xe0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[at++] = (byte) (0x80 | c & 0x3f);
            }
        }
        return at;
    }

    /** A whole number in the smallest encoding, as msgpack-core's {@code packLong}. */
    void integer(long v) {
        ensure(9);
        byte[] b = buf;
        int at = pos;
        if (v < -(1L << 5)) {
            if (v < -(1L << 15)) {
                if (v < -(1L << 31)) {
                    b[at++] = (byte) 0xd3;
                    putLong(at, v);
                    at += 8;
                } else {
                    b[at++] = (byte) 0xd2;
                    putInt(at, (int) v);
                    at += 4;
                }
            } else if (v < -(1 << 7)) {
                b[at++] = (byte) 0xd1;
                b[at++] = (byte) (v >> 8);
                b[at++] = (byte) v;
            } else {
                b[at++] = (byte) 0xd0;
                b[at++] = (byte) v;
            }
        } else if (v < (1 << 7)) {
            b[at++] = (byte) v;
        } else if (v < UINT8_LIMIT) {
            b[at++] = (byte) 0xcc;
            b[at++] = (byte) v;
        } else if (v < UINT16_LIMIT) {
            b[at++] = (byte) 0xcd;
            b[at++] = (byte) (v >> 8);
            b[at++] = (byte) v;
        } else if (v < (1L << 32)) {
            b[at++] = (byte) 0xce;
            putInt(at, (int) v);
            at += 4;
        } else {
            b[at++] = (byte) 0xcf;
            putLong(at, v);
            at += 8;
        }
        pos = at;
    }

    /**
     * Any value a record can hold: strings, numbers, booleans, nulls, byte arrays, lists, arrays and maps
     * (keys as strings); anything else as its {@code toString()}, so that a record can always be sent.
     */
    void value(Object value) {
        if (value == null) {
            nil();
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Boolean b) {
            ensure(1);
            buf[pos++] = (byte) (b ? 0xc3 : 0xc2);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            integer(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            ensure(9);
            buf[pos++] = (byte) 0xcb;
            putLong(pos, Double.doubleToRawLongBits(((Number) value).doubleValue()));
            pos += 8;
        } else if (value instanceof BigInteger big) {
            bigInteger(big);
        } else if (value instanceof BigDecimal decimal) {
            string(decimal.toPlainString());
        } else if (value instanceof byte[] bytes) {
            binary(bytes);
        } else if (value instanceof Map<?, ?> map) {
            mapHeader(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                string(String.valueOf(entry.getKey()));
                value(entry.getValue());
            }
        } else if (value instanceof Collection<?> list) {
            arrayHeader(list.size());
            for (Object item : list) {
                value(item);
            }
        } else if (value instanceof Object[] array) {
            arrayHeader(array.length);
            for (Object item : array) {
                value(item);
            }
        } else {
            string(String.valueOf(value));
        }
    }

    /** msgpack integers reach 2^64 - 1; a number beyond keeps its digits as text instead of failing. */
    private void bigInteger(BigInteger big) {
        if (big.bitLength() <= 63) {
            integer(big.longValue());
        } else if (big.bitLength() == 64 && big.signum() > 0) {
            ensure(9);
            buf[pos++] = (byte) 0xcf;
            putLong(pos, big.longValue());
            pos += 8;
        } else {
            string(big.toString());
        }
    }

    private void binary(byte[] bytes) {
        int n = bytes.length;
        ensure(5 + n);
        if (n < UINT8_LIMIT) {
            buf[pos++] = (byte) 0xc4;
            buf[pos++] = (byte) n;
        } else if (n < UINT16_LIMIT) {
            buf[pos++] = (byte) 0xc5;
            buf[pos++] = (byte) (n >> 8);
            buf[pos++] = (byte) n;
        } else {
            buf[pos++] = (byte) 0xc6;
            putInt(pos, n);
            pos += 4;
        }
        System.arraycopy(bytes, 0, buf, pos, n);
        pos += n;
    }

    /** A string encoded once, as msgpack str, for {@link #raw}. */
    static byte[] encode(String s) {
        EncodedEntry scratch = new EncodedEntry(HEAD_ROOM + s.length() + 8);
        scratch.string(s);
        return Arrays.copyOfRange(scratch.buf, HEAD_ROOM, scratch.pos);
    }

    private static int strHeaderSize(int bytes) {
        return bytes < FIXSTR_LIMIT ? 1 : bytes < UINT8_LIMIT ? 2 : bytes < UINT16_LIMIT ? 3 : 5;
    }

    private void strHeaderAt(int at, int bytes) {
        if (bytes < FIXSTR_LIMIT) {
            buf[at] = (byte) (0xa0 | bytes);
        } else if (bytes < UINT8_LIMIT) {
            buf[at] = (byte) 0xd9;
            buf[at + 1] = (byte) bytes;
        } else if (bytes < UINT16_LIMIT) {
            buf[at] = (byte) 0xda;
            buf[at + 1] = (byte) (bytes >> 8);
            buf[at + 2] = (byte) bytes;
        } else {
            buf[at] = (byte) 0xdb;
            putInt(at + 1, bytes);
        }
    }

    private static int collectionHeaderSize(int size) {
        return size < FIX_COLLECTION_LIMIT ? 1 : size < UINT16_LIMIT ? 3 : 5;
    }

    /** A map or array header: {@code fix} ORed with small sizes, else {@code code16} / {@code code16 + 1} (32 bits). */
    private int collectionHeaderAt(int at, int size, int fix, int code16) {
        if (size < FIX_COLLECTION_LIMIT) {
            buf[at++] = (byte) (fix | size);
        } else if (size < UINT16_LIMIT) {
            buf[at++] = (byte) code16;
            buf[at++] = (byte) (size >> 8);
            buf[at++] = (byte) size;
        } else {
            buf[at++] = (byte) (code16 + 1);
            putInt(at, size);
            at += 4;
        }
        return at;
    }

    private void ensure(int bytes) {
        if (pos + bytes > buf.length) {
            grow((long) pos + bytes);
        }
    }

    private void grow(long needed) {
        if (needed > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("an entry of " + needed + " bytes is too large to encode");
        }
        buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, 2L * buf.length)));
    }

    private void putInt(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    private void putLong(int at, long v) {
        putInt(at, (int) (v >>> 32));
        putInt(at + 4, (int) v);
    }
}
