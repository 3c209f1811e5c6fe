package io.forwardlog.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.ReceivedEvent;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jars work on the module path and on the class path: Log4j2 finds {@code <Forward>}
 * through its plugin descriptor, Joran creates the Logback appender and calls its setters, and each
 * appender delivers, in a JVM of its own ({@link ModulePathApp}). Run by failsafe, after {@code package},
 * so that the forwardlog modules are their jars, with their manifests' module names.
 */
class ModulePathIT {

    /** The jars that go on the module path: forwardlog's, the frameworks' and their dependencies. */
    private static final Pattern MODULE_JAR = Pattern.compile("(appender-(core|logback|log4j2)|msgpack-core|bc[a-z]+-jdk18on"
            + "|snakeyaml-engine|logback-(classic|core)|slf4j-api|log4j-(api|core))-[0-9].*\\.jar");

    @TempDir
    Path dir;

    @Test
    void onTheModulePathEachAppenderIsInItsNamedModuleAndDelivers() throws Exception {
        List<String> output = run(true);

        assertEquals(List.of("core: module io.forwardlog", "logback: module io.forwardlog.logback started",
                "log4j2: module io.forwardlog.log4j2 started"), output);
    }

    @Test
    void onTheClassPathTheSameJarsWorkAsBefore() throws Exception {
        List<String> output = run(false);

        assertEquals(List.of("core: class path", "logback: class path started", "log4j2: class path started"), output);
    }

    /** Runs {@link ModulePathApp} against a receiver; returns its output after checking both events arrived. */
    private List<String> run(boolean modulePath) throws Exception {
        List<String> classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        List<String> modules = classPath.stream().filter(e -> MODULE_JAR.matcher(Path.of(e).getFileName().toString()).matches())
                .toList();
        assertEquals(14, modules.size(), "the jars for the module path, in " + classPath);
        String testClasses = classPath.stream().filter(e -> e.endsWith("test-classes")).findFirst().orElseThrow();
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            Path upstream = Files.writeString(dir.resolve("upstream.conf"), "[UPSTREAM]\n    name modules\n\n"
                    + "[NODE]\n    name n\n    host 127.0.0.1\n    port " + receiver.port() + "\n");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            if (modulePath) {
                command.addAll(List.of("--module-path", String.join(File.pathSeparator, modules),
                        "--add-modules", "ALL-MODULE-PATH", "-cp", testClasses));
            } else {
                List<String> all = new ArrayList<>(modules);
                all.add(testClasses);
                command.addAll(List.of("-cp", String.join(File.pathSeparator, all)));
            }
            command.addAll(List.of(ModulePathApp.class.getName(), upstream.toString()));
            Path out = dir.resolve("out.txt");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean ended = process.waitFor(2, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly();
            }
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            assertTrue(ended && process.exitValue() == 0, "the application ended well:\n" + printed);

            List<ReceivedEvent> events = receiver.awaitEvents(2, Duration.ofSeconds(30));
            assertEquals(Set.of("modulepath.logback from logback", "modulepath.log4j2 from log4j2"),
                    events.stream().map(e -> e.tag() + " " + e.record().get("message")).collect(Collectors.toSet()), printed);
            return printed.lines().filter(line -> !line.isBlank()).toList();
        }
    }
}
