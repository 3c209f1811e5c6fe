package io.forwardlog.compat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a program in a JVM of its own, on this test's class path with the logging frameworks taken
 * out and the jars of one version put in, so that the appenders meet exactly that version.
 */
final class ChildJvm {

    /** The framework jars of this module's own class path (the oldest versions, compiled against). */
    private static final Pattern FRAMEWORK_JAR =
            Pattern.compile("(logback-classic|logback-core|slf4j-api|log4j-api|log4j-core|disruptor)-[0-9].*\\.jar");

    private static final long DEADLINE_SECONDS = 60;

    /** What the child did. */
    record Result(int exitCode, List<String> output, String errors) {

        /** The lines the program printed as {@code STATUS <level> <message>}, without {@code STATUS }. */
        List<String> statuses() {
            return output.stream().filter(line -> line.startsWith("STATUS ")).map(line -> line.substring(7)).toList();
        }
    }

    private ChildJvm() {
    }

    static Result run(Class<?> program, Path frameworkJars, Path dir, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a short-lived JVM: the first JIT tier starts fastest
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath(frameworkJars));
        command.add(program.getName());
        command.addAll(List.of(args));
        Path out = dir.resolve("child-stdout.txt");
        Path err = dir.resolve("child-stderr.txt");
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!child.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError(program.getSimpleName() + " on " + frameworkJars.getFileName()
                    + " did not exit within " + DEADLINE_SECONDS + "s; its output: " + Files.readString(out)
                    + Files.readString(err));
        }
        return new Result(child.exitValue(), Files.readAllLines(out), Files.readString(err));
    }

    private static String classPath(Path frameworkJars) throws IOException {
        // Surefire may run the tests from a manifest-only jar; it gives the real class path in this property
        String own = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        for (String entry : own.split(File.pathSeparator)) {
            if (!entry.isEmpty() && !FRAMEWORK_JAR.matcher(Path.of(entry).getFileName().toString()).matches()) {
                entries.add(entry);
            }
        }
        try (Stream<Path> jars = Files.list(frameworkJars)) {
            jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().forEach(jar -> entries.add(jar.toString()));
        }
        return String.join(File.pathSeparator, entries);
    }
}
