package io.forwardlog.internal.forward;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The few msgpack forms a frame's header and option map need, written in their shortest encoding. */
final class Msgpack {

    private Msgpack() {
    }

    static void arrayHeader(ByteBuffer out, int n) {
        if (n < 16) {
            out.put((byte) (0x90 | n));
        } else if (n < 0x10000) {
            out.put((byte) 0xdc).putShort((short) n);
        } else {
            out.put((byte) 0xdd).putInt(n);
        }
    }

    static void mapHeader(ByteBuffer out, int n) {
        if (n < 16) {
            out.put((byte) (0x80 | n));
        } else if (n < 0x10000) {
            out.put((byte) 0xde).putShort((short) n);
        } else {
            out.put((byte) 0xdf).putInt(n);
        }
    }

    static void str(ByteBuffer out, String text) {
        str(out, text.getBytes(StandardCharsets.UTF_8));
    }

    static void str(ByteBuffer out, byte[] utf8) {
        int n = utf8.length;
        if (n < 32) {
            out.put((byte) (0xa0 | n));
        } else if (n < 0x100) {
            out.put((byte) 0xd9).put((byte) n);
        } else if (n < 0x10000) {
            out.put((byte) 0xda).putShort((short) n);
        } else {
            out.put((byte) 0xdb).putInt(n);
        }
        out.put(utf8);
    }

    static void binHeader(ByteBuffer out, int n) {
        if (n < 0x100) {
            out.put((byte) 0xc4).put((byte) n);
        } else if (n < 0x10000) {
            out.put((byte) 0xc5).putShort((short) n);
        } else {
            out.put((byte) 0xc6).putInt(n);
        }
    }

    /** A non-negative int. */
    static void integer(ByteBuffer out, int n) {
        if (n < 0x80) {
            out.put((byte) n);
        } else if (n < 0x100) {
            out.put((byte) 0xcc).put((byte) n);
        } else if (n < 0x10000) {
            out.put((byte) 0xcd).putShort((short) n);
        } else {
            out.put((byte) 0xce).putInt(n);
        }
    }
}
