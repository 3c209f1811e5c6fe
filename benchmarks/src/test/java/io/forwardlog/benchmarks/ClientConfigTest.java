package io.forwardlog.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClientConfigTest {

    @Test
    void rejectsABufferSmallerThanOneBatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClientConfig(false, io.forwardlog.Compression.TEXT, 1024, true));
        assertEquals("bufferBytes must be at least one batch (1048576), was 1024", e.getMessage());
    }
}
