package io.forwardlog.internal.forward;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** A reusable growable byte buffer whose array can be read, and written in place, without a copy. */
final class ByteSink extends ByteArrayOutputStream {

    ByteSink(int initialCapacity) {
        super(initialCapacity);
    }

    byte[] array() {
        return buf;
    }

    int length() {
        return count;
    }

    /** Makes room for {@code bytes} more bytes in {@link #array()} after {@link #length()}. */
    void reserve(int bytes) {
        if (buf.length - count < bytes) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + bytes));
        }
    }

    /** Counts {@code bytes} written in place into {@link #array()} after {@link #length()}. */
    void advance(int bytes) {
        count += bytes;
    }
}
