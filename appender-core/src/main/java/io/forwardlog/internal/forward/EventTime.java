package io.forwardlog.internal.forward;

import java.io.IOException;
import org.msgpack.core.MessagePacker;

/**
 * The Forward protocol's EventTime: msgpack ext type 0 holding 32-bit seconds and 32-bit
 * nanoseconds, big-endian, packed as fixext8.
 *
 * @see <a href="https://github.com/fluent/fluentd/wiki/Forward-Protocol-Specification-v1#eventtime-ext-format">EventTime Ext Format</a>
 */
public final class EventTime {

    /** The ext type code of EventTime. */
    public static final byte EXT_TYPE = 0;
    /** The payload length of EventTime. */
    public static final int LENGTH = 8;

    private EventTime() {
    }

    /** Packs {@code seconds} (epoch, unsigned 32 bits on the wire) and {@code nanos} (0..999,999,999). */
    public static void pack(MessagePacker packer, long epochSeconds, int nanos) throws IOException {
        packer.packExtensionTypeHeader(EXT_TYPE, LENGTH);
        byte[] payload = new byte[LENGTH];
        putInt(payload, 0, (int) epochSeconds);
        putInt(payload, 4, nanos);
        packer.writePayload(payload);
    }

    /** Reads the seconds of an EventTime payload. */
    static long seconds(byte[] payload) {
        return Integer.toUnsignedLong(getInt(payload, 0));
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static int getInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
