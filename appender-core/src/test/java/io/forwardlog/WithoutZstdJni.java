package io.forwardlog;

import io.forwardlog.internal.record.FakeEvent;
import io.forwardlog.testkit.ForwardReceiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What an application without a usable zstd-jni sees, run by {@link ZstdJniMissingTest} in a class
 * loader of its own (without the zstd-jni jar, or with a native library that does not load): plain
 * strings, which the test can compare across loaders.
 */
public final class WithoutZstdJni {

    private WithoutZstdJni() {
    }

    /** The appender setting {@code compress zstd}, and a node of each compression. */
    public static List<String> run(Path dir) throws IOException, InterruptedException {
        List<String> results = new ArrayList<>();
        results.add(appenderSetting());
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            for (String compress : List.of("zstd", "gzip", "text")) {
                results.add(compress + " node: " + deliver(dir, receiver, compress));
            }
        }
        return results;
    }

    /** What the appender setting {@code compress zstd} does. */
    public static String appenderSetting() {
        try {
            ForwardSettings.builder().compress(Compression.ZSTD);
            return "appender setting: accepted";
        } catch (IllegalArgumentException e) {
            return "appender setting: " + e.getMessage();
        }
    }

    private static String deliver(Path dir, ForwardReceiver receiver, String compress) throws IOException {
        Path upstream = Files.writeString(dir.resolve(compress + ".conf"), "[UPSTREAM]\n    name u\n\n[NODE]\n"
                + "    name node-1\n    host 127.0.0.1\n    port " + receiver.port() + "\n    compress " + compress + "\n");
        ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder().upstream(upstream)
                .flushInterval(Duration.ofMillis(20)).jmx(false).build(), StatusListener.STDERR);
        try {
            pipeline.start();
        } catch (ForwardStartException e) {
            return e.getMessage();
        }
        int before = receiver.eventCount();
        pipeline.append(FakeEvent.simple("without zstd-jni"));
        receiver.awaitEvents(before + 1, Duration.ofSeconds(10));
        pipeline.stop();
        return "delivered as " + receiver.messages().get(receiver.messages().size() - 1).mode();
    }
}
