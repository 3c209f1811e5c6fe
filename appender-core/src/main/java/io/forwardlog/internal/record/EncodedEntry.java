package io.forwardlog.internal.record;

import java.io.ByteArrayOutputStream;

/** A reusable buffer holding one encoded entry; its array is read without a copy. */
public final class EncodedEntry extends ByteArrayOutputStream {

    EncodedEntry(int initialCapacity) {
        super(initialCapacity);
    }

    public byte[] array() {
        return buf;
    }

    public int length() {
        return count;
    }
}
