package io.forwardlog.internal.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.value.Value;

/**
 * Thousands of replies a node could send — valid ones, valid ones cut, bit-flipped and with their sizes
 * blown up, and plain noise — fed in pieces of random size. Whatever the bytes, the reader either gives
 * whole values or refuses with a protocol error in words; it never throws anything else, never hands out
 * a value larger than its bound, and never needs more memory than its bound. One run uses a fixed seed,
 * one a random seed that is printed, so that a failure can be replayed.
 */
class ReplyReaderFuzzTest {

    private static final int BOUND = 64 * 1024;
    private static final int INPUTS = 5_000;

    @Test
    void survivesEveryInputFromAFixedSeed() throws IOException {
        fuzz(20261201L);
    }

    @Test
    void survivesEveryInputFromARandomSeed() throws IOException {
        long seed = new Random().nextLong();
        System.out.println("ReplyReaderFuzzTest seed: " + seed + " (replay with fuzz(" + seed + "L))");
        fuzz(seed);
    }

    private static void fuzz(long seed) throws IOException {
        Random random = new Random(seed);
        List<byte[]> valid = validReplies();
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = input(random, valid);
            try {
                readAll(input, random);
            } catch (DeliveryException e) {
                assertEquals(DeliveryException.Kind.PROTOCOL, e.kind(), "seed " + seed + ", input " + i);
                assertTrue(e.getMessage().startsWith("the node sent "), "seed " + seed + ": " + e.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ", input " + i + " (" + hex(input) + "): " + e, e);
            }
        }
    }

    private static void readAll(byte[] input, Random random) throws DeliveryException {
        ReplyReader reader = new ReplyReader(BOUND);
        int offset = 0;
        while (offset < input.length) {
            int piece = Math.min(input.length - offset, 1 + random.nextInt(64));
            reader.feed(ByteBuffer.wrap(input, offset, piece));
            offset += piece;
            Value value;
            while ((value = reader.next()) != null) {
                // what the connection does with a reply: look for an ack, a HELO, and describe it
                ForwardConnection.ackOf(value);
                ForwardConnection.isHelo(value);
                assertTrue(Messages.describe(value).length() <= 123, "a description of bounded length");
            }
        }
    }

    private static byte[] input(Random random, List<byte[]> valid) {
        byte[] base = valid.get(random.nextInt(valid.size()));
        return switch (random.nextInt(5)) {
            case 0 -> base;
            case 1 -> java.util.Arrays.copyOf(base, random.nextInt(base.length + 1)); // cut
            case 2 -> flip(base, random);
            case 3 -> blowUpASize(base, random);
            default -> noise(random);
        };
    }

    private static byte[] flip(byte[] base, Random random) {
        byte[] copy = base.clone();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    /** Puts a 32-bit str, bin, array or map header claiming up to 4 GiB somewhere in the reply. */
    private static byte[] blowUpASize(byte[] base, Random random) {
        int at = random.nextInt(base.length);
        byte[] header = {(byte) new int[] {0xc6, 0xc9, 0xdb, 0xdd, 0xdf}[random.nextInt(5)], (byte) random.nextInt(256),
            (byte) random.nextInt(256), (byte) random.nextInt(256), (byte) random.nextInt(256)};
        byte[] out = new byte[base.length + header.length];
        System.arraycopy(base, 0, out, 0, at);
        System.arraycopy(header, 0, out, at, header.length);
        System.arraycopy(base, at, out, at + header.length, base.length - at);
        return out;
    }

    private static byte[] noise(Random random) {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static List<byte[]> validReplies() throws IOException {
        List<byte[]> replies = new ArrayList<>();
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packMapHeader(1).packString("ack").packString("c2l4dGVlbiBieXRlcyBpZA==");
            replies.add(packer.toByteArray());
            packer.clear();
            packer.packArrayHeader(2).packString("HELO").packMapHeader(3)
                    .packString("nonce").packBinaryHeader(16).writePayload(new byte[16])
                    .packString("auth").packString("").packString("keepalive").packBoolean(true);
            replies.add(packer.toByteArray());
            packer.clear();
            packer.packArrayHeader(5).packString("PONG").packBoolean(true).packString("")
                    .packString("server").packString("ab".repeat(64));
            replies.add(packer.toByteArray());
            packer.clear();
            for (int i = 0; i < 20; i++) {
                packer.packMapHeader(1).packString("ack").packString("chunk-" + i);
            }
            replies.add(packer.toByteArray());
        }
        return replies;
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 64); i++) {
            text.append(String.format("%02x", bytes[i]));
        }
        return text.append(bytes.length > 64 ? "..." : "").toString();
    }
}
