package io.forwardlog.internal.forward;

import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Chunk ids for acknowledged batches: the base64 text of 16 random bytes, as Fluentd's out_forward
 * makes them. They need to be unique, not secret, so a fast generator is enough.
 */
final class ChunkIds {

    private ChunkIds() {
    }

    static String next() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return Base64.getEncoder().encodeToString(id);
    }
}
