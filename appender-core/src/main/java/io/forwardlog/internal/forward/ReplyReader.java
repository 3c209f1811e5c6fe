package io.forwardlog.internal.forward;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;

/**
 * Cuts what a node sends (acks, HELO, PONG) into msgpack values, with a hard bound: a value is decoded
 * only once all its bytes are here and it fits in {@code maxBytes}, and its declared sizes are checked
 * against that bound before anything is allocated, so a five-byte header claiming a 400 MB string or an
 * array of 2^28 items is a protocol error, never an allocation. Replies of the Forward protocol are tiny
 * (an ack is about 30 bytes, a HELO about 60).
 */
final class ReplyReader {

    /** The first buffer: a few acks. It doubles as needed, up to {@link #maxBytes}. */
    private static final int FIRST_BUFFER = 256;

    private final int maxBytes;
    private byte[] buffer = new byte[FIRST_BUFFER];
    private int start;
    private int end;

    ReplyReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Takes bytes read from the node. */
    void feed(ByteBuffer bytes) throws DeliveryException {
        if (bytes.remaining() > buffer.length - end) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        while (bytes.remaining() > buffer.length - end && buffer.length < maxBytes) {
            buffer = java.util.Arrays.copyOf(buffer, Math.min(maxBytes, buffer.length * 2));
        }
        if (bytes.remaining() > buffer.length - end) {
            throw tooLarge("a reply of more than " + maxBytes + " bytes");
        }
        int n = bytes.remaining();
        bytes.get(buffer, end, n);
        end += n;
    }

    /** The next whole value, or {@code null} when its bytes have not all arrived yet. */
    Value next() throws DeliveryException {
        if (start == end) {
            return null;
        }
        int length = length(buffer, start, end);
        if (length < 0) {
            if (end - start == maxBytes) {
                throw tooLarge("a reply of more than " + maxBytes + " bytes");
            }
            return null;
        }
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(buffer, start, length)) {
            Value value = unpacker.unpackValue();
            start += length;
            if (start == end) {
                start = 0;
                end = 0;
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw new DeliveryException(DeliveryException.Kind.PROTOCOL, "the node sent malformed msgpack", e);
        }
    }

    /** Whether bytes of an unfinished value are waiting. */
    boolean hasPartialValue() {
        return start != end;
    }

    private DeliveryException tooLarge(String what) {
        return new DeliveryException(DeliveryException.Kind.PROTOCOL, "the node sent " + what
                + ", which no Forward server sends (at most " + maxBytes + " bytes are read)");
    }

    /**
     * The length of the msgpack value that starts at {@code from}, or -1 when it does not end before
     * {@code to}. Sizes are checked against the buffer's capacity as they are read.
     */
    private int length(byte[] b, int from, int to) throws DeliveryException {
        int p = from;
        long pendingValues = 1;
        while (pendingValues > 0) {
            if (p >= to) {
                return -1;
            }
            int format = b[p] & 0xff;
            pendingValues--;
            long skip; // bytes after the format byte: the value's own header and payload
            long children = 0;
            if (format <= 0x7f || format >= 0xe0 || (format >= 0xc0 && format <= 0xc3)) {
                skip = 0; // fixint, nil, false, true
                if (format == 0xc1) {
                    throw new DeliveryException(DeliveryException.Kind.PROTOCOL, "the node sent malformed msgpack (0xc1)");
                }
            } else if (format <= 0x8f) {
                skip = 0;
                children = 2L * (format & 0x0f);
            } else if (format <= 0x9f) {
                skip = 0;
                children = format & 0x0f;
            } else if (format <= 0xbf) {
                skip = format & 0x1f;
            } else {
                int width = switch (format) {
                    case 0xc4, 0xc7, 0xd9, 0xcc, 0xd0 -> 1;
                    case 0xc5, 0xc8, 0xda, 0xdc, 0xde, 0xcd, 0xd1 -> 2;
                    case 0xc6, 0xc9, 0xdb, 0xdd, 0xdf, 0xce, 0xd2, 0xca -> 4;
                    case 0xcf, 0xd3, 0xcb -> 8;
                    case 0xd4 -> 2;
                    case 0xd5 -> 3;
                    case 0xd6 -> 5;
                    case 0xd7 -> 9;
                    case 0xd8 -> 17;
                    default -> throw new DeliveryException(DeliveryException.Kind.PROTOCOL,
                            "the node sent malformed msgpack (format 0x" + Integer.toHexString(format) + ")");
                };
                boolean sized = switch (format) {
                    case 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf -> true;
                    default -> false;
                };
                if (!sized) {
                    skip = width;
                } else {
                    if (p + 1 + width > to) {
                        return -1;
                    }
                    long size = 0;
                    for (int i = 0; i < width; i++) {
                        size = (size << 8) | (b[p + 1 + i] & 0xff);
                    }
                    switch (format) {
                        case 0xdc, 0xdd -> {
                            children = size;
                            skip = width;
                        }
                        case 0xde, 0xdf -> {
                            children = 2 * size;
                            skip = width;
                        }
                        case 0xc7, 0xc8, 0xc9 -> skip = width + 1 + size; // ext: type byte, then data
                        default -> skip = width + size;
                    }
                    if (children > maxBytes || skip > maxBytes) {
                        String kind = children > 0 ? (format >= 0xde ? "a map of " + size + " entries"
                                : "an array of " + size + " items")
                                : (format >= 0xd9 && format <= 0xdb ? "a str of " + size + " bytes"
                                : format <= 0xc6 ? "a bin of " + size + " bytes" : "an ext of " + size + " bytes");
                        throw tooLarge(kind);
                    }
                }
            }
            pendingValues += children;
            long next = p + 1 + skip;
            if (next - from > maxBytes || pendingValues > maxBytes) {
                throw tooLarge("a reply of more than " + maxBytes + " bytes");
            }
            if (next > to) {
                return -1;
            }
            p = (int) next;
        }
        return p - from;
    }
}
