package io.forwardlog.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.forwardlog.compat.FrameworkVersion.Framework;
import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.ReceivedEvent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every version of the matrix in a JVM of its own, configured through the framework's own
 * configurator: a supported version delivers one event whose record holds the message, level,
 * logger, thread, the stack trace with its cause exactly as the JDK prints it, a marker, a key-value
 * pair, an MDC entry and a static field; a version outside the range is refused at start with a
 * message naming the supported versions, and the application runs on.
 */
class CompatibilityMatrixTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Two children at a time: this runs on 2 cores beside other builds. */
    private static final int PARALLEL = 2;

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyVersionOfTheMatrix() throws Exception {
        List<FrameworkVersion> versions = FrameworkVersion.all(Path.of(System.getProperty("frameworks.dir")));
        assertTrue(versions.stream().filter(v -> v.framework() == Framework.LOGBACK).count() >= 4
                && versions.stream().filter(v -> v.framework() == Framework.LOG4J).count() >= 4,
                "the build copies each version's jars to frameworks.dir; found " + versions);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        Map<FrameworkVersion, Future<Run>> runs = new LinkedHashMap<>();
        try {
            for (FrameworkVersion version : versions) {
                runs.put(version, pool.submit(run(version)));
            }
            List<DynamicTest> tests = new java.util.ArrayList<>();
            for (Map.Entry<FrameworkVersion, Future<Run>> entry : runs.entrySet()) {
                Run run = entry.getValue().get();
                FrameworkVersion version = entry.getKey();
                tests.add(dynamicTest(version + (version.supported() ? " delivers every field" : " is refused at start"),
                        () -> check(version, run)));
            }
            return tests.stream();
        } finally {
            pool.shutdownNow();
        }
    }

    /** What one child did, and what its receiver got. */
    private record Run(ChildJvm.Result child, List<ReceivedEvent> events, String printedStackTrace) {
    }

    private Callable<Run> run(FrameworkVersion version) {
        return () -> {
            Path dir = Files.createDirectories(temp.resolve(version.jars().getFileName()));
            try (ForwardReceiver receiver = ForwardReceiver.start()) {
                Path upstream = Files.writeString(dir.resolve("upstream.conf"), "[UPSTREAM]\n    name compat\n"
                        + "[NODE]\n    name node-1\n    host 127.0.0.1\n    port " + receiver.port() + "\n");
                ChildJvm.Result child = ChildJvm.run(version.framework().program, version.jars(), dir,
                        List.of("-Dforwardlog.upstream=" + upstream,
                                version.framework().configurationProperty + resource(version.framework().configuration)),
                        dir.toString(), version.supported() ? "smoke" : "refused");
                // the child stopped its framework before exiting, which delivered what it had
                List<ReceivedEvent> events = version.supported() && child.exitCode() == 0
                        ? receiver.awaitEvents(1, TIMEOUT) : receiver.events();
                Path trace = dir.resolve(Failure.STACK_TRACE_FILE);
                return new Run(child, events, Files.exists(trace) ? Files.readString(trace) : null);
            }
        };
    }

    private static void check(FrameworkVersion version, Run run) {
        String output = "child output:\n" + String.join("\n", run.child().output()) + "\n" + run.child().errors();
        assertEquals(0, run.child().exitCode(), output);
        if (!version.supported()) {
            String message = version.framework() == Framework.LOGBACK
                    ? "ERROR forwardlog 'FLUENT': not started: Logback " + version.version() + " is not supported: "
                            + "forwardlog needs Logback 1.3.0 or later (1.3, 1.4, 1.5 and 1.6 are tested)"
                    : "ERROR forwardlog 'fluent': Log4j " + version.version() + " is not supported: forwardlog needs "
                            + "Log4j 2.17.0 or later; the appender is not created";
            assertEquals(List.of(message), run.child().statuses(), output);
            assertEquals(List.of(), run.events(), output);
            return;
        }
        assertEquals(1, run.events().size(), output);
        ReceivedEvent event = run.events().get(0);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("message", "payment p-7 failed");
        expected.put("level", "ERROR");
        expected.put("logger", "compat.Orders");
        expected.put("thread", "main");
        expected.put("stack_trace", run.printedStackTrace());
        expected.put("markers", List.of("AUDIT"));
        // SLF4J's key-value keeps its type; a Log4j2 StringMapMessage holds text
        expected.put("order", version.framework() == Framework.LOGBACK ? (Object) 1042L : "1042");
        expected.put("request_id", "r-42");
        expected.put("env", "prod");
        assertEquals(expected, event.record(), output);
        assertTrue(run.printedStackTrace().contains("\nCaused by: java.io.IOException: timeout\n"), run.printedStackTrace());
        assertEquals("compat.error", event.tag());
        assertEquals(List.of(), run.child().statuses().stream().filter(s -> !s.startsWith("INFO ")).toList(), output);
    }

    private static String resource(String name) throws URISyntaxException {
        return Path.of(CompatibilityMatrixTest.class.getClassLoader().getResource(name).toURI()).toString();
    }
}
