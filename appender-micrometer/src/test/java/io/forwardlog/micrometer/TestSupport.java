package io.forwardlog.micrometer;

import io.forwardlog.LogEvent;
import io.forwardlog.StatusListener;
import io.forwardlog.ThrowableView;
import io.forwardlog.testkit.ForwardReceiver;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Helpers of this module's tests. */
final class TestSupport {

    static final Duration WAIT = Duration.ofSeconds(20);

    private TestSupport() {
    }

    /** One [NODE] section for {@code receiver}, with extra key lines. */
    static String node(String name, ForwardReceiver receiver, String... keys) {
        StringBuilder text = new StringBuilder("\n[NODE]\n    name " + name + "\n    host 127.0.0.1\n    port "
                + receiver.port() + "\n");
        for (String key : keys) {
            text.append("    ").append(key).append('\n');
        }
        return text.toString();
    }

    /** Writes {@code dir/upstream.conf} with the upstream {@code test-upstream} and these node sections. */
    static Path upstreamFile(Path dir, String... nodeSections) throws IOException {
        Path file = dir.resolve("upstream.conf");
        Files.writeString(file, "[UPSTREAM]\n    name test-upstream\n" + String.join("", nodeSections));
        return file;
    }

    static void await(String what, BooleanSupplier condition, Supplier<String> context) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what + "\n" + context.get());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** The meters of {@code registry} tagged {@code appender=name}. */
    static List<Meter> metersOf(MeterRegistry registry, String appender) {
        return registry.getMeters().stream().filter(m -> appender.equals(m.getId().getTag("appender"))).toList();
    }

    /** Every meter of {@code registry}, one per line, with its tags and values. */
    static String dump(MeterRegistry registry) {
        StringBuilder text = new StringBuilder();
        for (Meter meter : registry.getMeters()) {
            text.append(meter.getId()).append(' ');
            meter.measure().forEach(m -> text.append(m.getStatistic()).append('=').append(m.getValue()).append(' '));
            text.append('\n');
        }
        return text.toString();
    }

    /** A status listener that keeps every message. */
    static final class RecordingStatus implements StatusListener {
        final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void info(String message) {
            messages.add("INFO " + message);
        }

        @Override
        public void warn(String message) {
            messages.add("WARN " + message);
        }

        @Override
        public void error(String message, Throwable cause) {
            messages.add("ERROR " + message);
        }

        @Override
        public String toString() {
            return String.join("\n", messages);
        }
    }

    /** A minimal event. */
    record Event(String message) implements LogEvent {

        @Override
        public long epochSecond() {
            return 1_700_000_000L;
        }

        @Override
        public int nanoOfSecond() {
            return 1;
        }

        @Override
        public String level() {
            return "INFO";
        }

        @Override
        public String loggerName() {
            return "test.metrics";
        }

        @Override
        public String threadName() {
            return "main";
        }

        @Override
        public ThrowableView throwable() {
            return null;
        }

        @Override
        public void forEachContextEntry(BiConsumer<String, String> action) {
        }

        @Override
        public void forEachKeyValue(BiConsumer<String, Object> action) {
        }

        @Override
        public void forEachMarker(Consumer<String> action) {
        }

        @Override
        public CallerData callerData() {
            return null;
        }
    }
}
