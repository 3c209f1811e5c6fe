package io.forwardlog.internal.forward;

import java.io.ByteArrayOutputStream;

/** A reusable growable byte buffer whose array can be read without a copy. */
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
}
