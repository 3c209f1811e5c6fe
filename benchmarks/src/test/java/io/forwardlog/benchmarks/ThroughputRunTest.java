package io.forwardlog.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The end-to-end harness, small: every event of every run reaches the sink exactly once. */
class ThroughputRunTest {

    private static final ThroughputRun SMALL = new ThroughputRun(20_000, 3, 8L * 1024 * 1024, Duration.ofMillis(1));

    @ParameterizedTest
    @EnumSource(DeliveryMode.class)
    void forwardlogDeliversEveryEventExactlyOnce(DeliveryMode mode) throws InterruptedException {
        RunResult result = SMALL.run(ThroughputRun.Kind.FORWARDLOG, mode, "test-" + mode.name());

        assertTrue(result.complete(), result.note());
        assertEquals("forwardlog: 20000 appended, 20000 delivered, 0 dropped {}", result.note());
        assertTrue(result.times().seconds() >= result.times().callerSeconds());
        assertTrue(result.callerCpuNanosPerEvent() > 0);
    }

    @ParameterizedTest
    @EnumSource(value = DeliveryMode.class, names = {"GZIP", "ZSTD"}, mode = EnumSource.Mode.EXCLUDE)
    void fluencyDeliversEveryEventExactlyOnce(DeliveryMode mode) throws InterruptedException {
        RunResult result = SMALL.run(ThroughputRun.Kind.FLUENCY, mode, "test-" + mode.name());

        assertTrue(result.complete(), result.note());
        assertEquals("Fluency: 0 dropped, 0 BufferFullException, 0 bytes still buffered", result.note());
    }

    @ParameterizedTest
    @EnumSource(value = DeliveryMode.class, names = {"GZIP", "ZSTD"})
    void fluencyRefusesCompressionBecauseItsFluentdSenderCannotCompress(DeliveryMode mode) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FluencyClient.start(mode.config(8L * 1024 * 1024), "127.0.0.1", 1));
        assertEquals("Fluency 2.7.3 cannot compress: its Fluentd sender has no CompressedPackedForward mode",
                e.getMessage());
    }
}
