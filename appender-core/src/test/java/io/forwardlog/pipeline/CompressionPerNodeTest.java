package io.forwardlog.pipeline;

import static io.forwardlog.pipeline.PipelineTestSupport.await;
import static io.forwardlog.pipeline.PipelineTestSupport.node;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.forwardlog.Compression;
import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.Mode;
import io.forwardlog.testkit.ReceivedMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressionPerNodeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aNodesCompressKeyOverridesTheAppendersCompressEitherWay() throws Exception {
        try (ForwardReceiver gzip = ForwardReceiver.start(); ForwardReceiver zstd = ForwardReceiver.start();
             ForwardReceiver text = ForwardReceiver.start()) {
            PipelineTestSupport.RecordingStatus status = new PipelineTestSupport.RecordingStatus();
            ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder()
                    .upstream(PipelineTestSupport.upstreamFile(dir, node("gzip", gzip, "compress gzip"),
                            node("appenders", zstd), node("text", text, "compress text")))
                    .compress(Compression.ZSTD).flushInterval(Duration.ofMillis(20)).jmx(false).build(), status);
            pipeline.start();
            // one batch at a time, so that round-robin hands each node some (a node left out fails below)
            for (int i = 0; i < 100 && (gzip.eventCount() == 0 || zstd.eventCount() == 0 || text.eventCount() == 0); i++) {
                pipeline.append(new PipelineTestSupport.Event("event " + i, "main", i));
                int sent = i + 1;
                await("event " + i + " to arrive", TIMEOUT,
                        () -> gzip.eventCount() + zstd.eventCount() + text.eventCount() == sent);
            }
            pipeline.stop();

            assertEquals(Set.of("CompressedPackedForward gzip"), kinds(gzip), status.toString());
            assertEquals(Set.of("CompressedPackedForward zstd"), kinds(zstd), status.toString());
            assertEquals(Set.of("PackedForward"), kinds(text), status.toString());
            assertEquals(List.of(), List.of(gzip.problems(), zstd.problems(), text.problems()).stream()
                    .flatMap(List::stream).toList());
        }
    }

    /** How the receiver's batches came (heartbeats, which carry no events, left out). */
    private static Set<String> kinds(ForwardReceiver receiver) {
        return receiver.messages().stream().filter(m -> m.eventCount() > 0).map(CompressionPerNodeTest::kind)
                .collect(Collectors.toSet());
    }

    private static String kind(ReceivedMessage message) {
        if (message.mode() == Mode.COMPRESSED_PACKED_FORWARD) {
            return "CompressedPackedForward " + message.option().get("compressed");
        }
        return message.mode() == Mode.PACKED_FORWARD ? "PackedForward" : message.mode().toString();
    }
}
