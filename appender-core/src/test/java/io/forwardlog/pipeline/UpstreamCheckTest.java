package io.forwardlog.pipeline;

import static io.forwardlog.pipeline.PipelineTestSupport.node;
import static io.forwardlog.pipeline.PipelineTestSupport.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.ForwardSettings;
import io.forwardlog.NodeCheckResult;
import io.forwardlog.UpstreamCheck;
import io.forwardlog.testkit.ForwardReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpstreamCheckTest {

    @TempDir
    Path dir;

    @Test
    void tellsPerNodeWhetherTheSampleBatchWasAcceptedAndWhyNot() throws Exception {
        try (ForwardReceiver good = ForwardReceiver.start();
             ForwardReceiver down = ForwardReceiver.start();
             ForwardReceiver locked = ForwardReceiver.builder().sharedKey("right").start()) {
            down.stop();
            Path upstream = upstreamFile(dir, node("good", good), node("down", down), node("locked", locked, "shared_key wrong"));
            ForwardSettings settings = ForwardSettings.builder().upstream(upstream).selfHostname("checker")
                    .ackResponseTimeout(Duration.ofSeconds(5)).build();

            List<NodeCheckResult> results = UpstreamCheck.run(settings, "forwardlog.check",
                    List.of(Map.of("message", "hello"), Map.of("message", "world")));

            assertEquals(3, results.size());
            assertTrue(results.get(0).accepted(), results.get(0).toString());
            assertTrue(results.get(0).detail().startsWith("2 events acknowledged in "), results.get(0).detail());
            assertEquals(2, good.awaitEvents(2, Duration.ofSeconds(5)).size());
            assertFalse(results.get(1).accepted());
            assertEquals("connection refused", results.get(1).detail());
            assertFalse(results.get(2).accepted());
            assertEquals("authentication failed: shared_key mismatch", results.get(2).detail());
        }
    }
}
