package io.forwardlog.micrometer;

import static io.forwardlog.micrometer.TestSupport.node;
import static io.forwardlog.micrometer.TestSupport.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.testkit.ForwardReceiver;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's table of meters lists exactly the meters a running appender gets, each with its own tags. */
class ReadmeMetersTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @TempDir
    Path dir;

    @Test
    void theReadmeListsEveryMeterWithItsTagsAndNothingElse() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ForwardReceiver receiver = ForwardReceiver.start(); ForwardlogMetrics metrics = new ForwardlogMetrics()) {
            ForwardPipeline pipeline = new ForwardPipeline(ForwardSettings.builder().name("readme")
                    .upstream(upstreamFile(dir, node("node-1", receiver))).jmx(false).build(), new TestSupport.RecordingStatus());
            pipeline.start();
            try {
                metrics.bindTo(registry);
                assertEquals(documented(), registered(TestSupport.metersOf(registry, "readme")));
            } finally {
                pipeline.stop();
            }
        }
    }

    /** Meter name to the tags it has besides {@code appender} and {@code upstream}. */
    private static Map<String, String> registered(List<Meter> meters) {
        Map<String, String> names = new TreeMap<>();
        for (Meter meter : meters) {
            TreeSet<String> tags = new TreeSet<>();
            meter.getId().getTags().forEach(t -> tags.add(t.getKey()));
            tags.remove("appender");
            tags.remove("upstream");
            names.put(meter.getId().getName(), String.join(", ", tags));
        }
        return names;
    }

    private static Map<String, String> documented() throws Exception {
        Path readme = Path.of(System.getProperty("forwardlog.root", ".."), "README.md");
        List<String> lines = Files.readAllLines(readme);
        int at = lines.indexOf("### Meters");
        assertTrue(at >= 0, "the README has a section '### Meters'");
        while (!lines.get(at).startsWith("| Meter |")) {
            at++;
        }
        Map<String, String> names = new TreeMap<>();
        for (at += 2; at < lines.size() && lines.get(at).startsWith("|"); at++) {
            String[] cells = lines.get(at).split("\\|");
            Matcher name = CODE.matcher(cells[1]);
            assertTrue(name.find(), lines.get(at));
            TreeSet<String> tags = new TreeSet<>();
            Matcher tag = CODE.matcher(cells[3]);
            while (tag.find()) {
                tags.add(tag.group(1));
            }
            names.put(name.group(1), String.join(", ", tags));
        }
        return names;
    }
}
