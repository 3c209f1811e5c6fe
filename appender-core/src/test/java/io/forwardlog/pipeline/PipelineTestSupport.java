package io.forwardlog.pipeline;

import io.forwardlog.LogEvent;
import io.forwardlog.StatusListener;
import io.forwardlog.ThrowableView;
import io.forwardlog.testkit.ForwardReceiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Helpers shared by the pipeline's end-to-end tests. */
final class PipelineTestSupport {

    private PipelineTestSupport() {
    }

    /** Writes an upstream file with one plain node per receiver, named node-1, node-2 ... */
    static Path upstreamFile(Path dir, ForwardReceiver... receivers) throws IOException {
        StringBuilder text = new StringBuilder("[UPSTREAM]\n    name test-upstream\n");
        for (int i = 0; i < receivers.length; i++) {
            text.append("\n[NODE]\n    name node-").append(i + 1).append("\n    host 127.0.0.1\n    port ")
                    .append(receivers[i].port()).append('\n');
        }
        Path file = dir.resolve("upstream.conf");
        Files.writeString(file, text);
        return file;
    }

    /** Writes an upstream file from node sections, e.g. {@code node("node-1", receiver, "standby on")}. */
    static Path upstreamFile(Path dir, String... nodeSections) throws IOException {
        Path file = dir.resolve("upstream.conf");
        Files.writeString(file, "[UPSTREAM]\n    name test-upstream\n" + String.join("", nodeSections));
        return file;
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

    /** Every sequence number received from all receivers, for checking that nothing was lost. */
    static java.util.Set<Long> sequences(ForwardReceiver... receivers) {
        java.util.Set<Long> all = new java.util.HashSet<>();
        for (ForwardReceiver receiver : receivers) {
            receiver.events().forEach(e -> all.add(seq(e.record())));
        }
        return all;
    }

    /** Waits for {@code condition} up to {@code timeout}, failing with {@code what} when it stays false. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        await(what, timeout, condition, () -> "");
    }

    /** As {@link #await(String, Duration, BooleanSupplier)}, adding {@code context} to the failure. */
    static void await(String what, Duration timeout, BooleanSupplier condition, java.util.function.Supplier<String> context) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "\n" + context.get());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
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
            messages.add("ERROR " + message + (cause == null ? "" : " [" + cause + "]"));
        }

        boolean contains(String text) {
            return messages.stream().anyMatch(m -> m.contains(text));
        }

        @Override
        public String toString() {
            return String.join("\n", messages);
        }
    }

    /** A minimal event: {@code message} from {@code thread}, with a sequence number as key-value. */
    record Event(String message, String thread, long sequence) implements LogEvent {

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
            return "test.pipeline";
        }

        @Override
        public String threadName() {
            return thread;
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
            action.accept("seq", sequence);
        }

        @Override
        public void forEachMarker(Consumer<String> action) {
        }

        @Override
        public CallerData callerData() {
            return null;
        }
    }

    static long seq(Map<String, Object> record) {
        return ((Number) record.get("seq")).longValue();
    }
}
