package io.forwardlog.samples;

import io.forwardlog.samples.spring.SampleApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link SampleApplication} in a JVM of its own, its output in files, awaited with deadlines. */
final class SpringBootChild implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    /** How Spring Boot's status listener prints a Logback status: {@code time |-WARN in origin - message}. */
    private static final Pattern STATUS = Pattern.compile("\\|-(INFO|WARN|ERROR) in .*? - (forwardlog '.*)");

    private final Process process;
    private final Path out;
    private final Path err;

    private SpringBootChild(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * @param upstream the value of the environment variable {@code FORWARDLOG_UPSTREAM}
     * @param args     Spring Boot command-line arguments, e.g. {@code --sample.events=10}
     */
    static SpringBootChild start(Path dir, Path upstream, String... args) throws IOException {
        return start(dir, upstream, SampleApplication.class, args);
    }

    /** As {@link #start(Path, Path, String...)}, running the application {@code main}. */
    static SpringBootChild start(Path dir, Path upstream, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                main.getName(), "--spring.application.name=sample"));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("FORWARDLOG_UPSTREAM", upstream.toString());
        return new SpringBootChild(builder.start(), out, err);
    }

    /** Waits until the standard error (where Spring Boot prints Logback's warnings and errors) contains {@code text}. */
    void awaitError(String text) throws IOException {
        await("standard error to contain: " + text, () -> errors().contains(text));
    }

    /** Waits until the application has logged its events. */
    void awaitLogged() throws IOException {
        await("SAMPLE logged", () -> Files.readString(out).contains("SAMPLE logged"));
    }

    /** Waits until the application printed {@code SAMPLE <key> <value>} and returns the value. */
    String awaitOutput(String key) throws IOException {
        String prefix = "SAMPLE " + key + " ";
        await(prefix, () -> Files.readAllLines(out).stream().anyMatch(l -> l.startsWith(prefix)));
        return Files.readAllLines(out).stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow()
                .substring(prefix.length());
    }

    /** Closes the child's standard input: with {@code sample.then=wait} it returns from main and exits. */
    void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    /**
     * Sends SIGTERM, as an orchestrator stopping the container does, and nothing else: {@code Process.destroy}
     * also closes the child's standard input, and a child that returned from main on that end of input before
     * the signal was handled would exit 0 instead of 143.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    /** The exit code, once the child exited. */
    int awaitExit() throws InterruptedException, IOException {
        if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the application did not exit within " + DEADLINE + "; " + this);
        }
        return process.exitValue();
    }

    String errors() throws IOException {
        return Files.readString(err);
    }

    /** forwardlog's statuses that Spring Boot printed on standard error, as {@code LEVEL message}. */
    List<String> forwardlogStatuses() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(err)) {
            Matcher status = STATUS.matcher(line);
            if (status.find()) {
                lines.add(status.group(1) + " " + status.group(2));
            }
        }
        return lines;
    }

    private void await(String what, IoCondition condition) throws IOException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline || !process.isAlive() && !condition.holds()) {
                throw new AssertionError("timed out waiting for " + what + "; " + this);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @FunctionalInterface
    private interface IoCondition {
        boolean holds() throws IOException;
    }

    @Override
    public String toString() {
        try {
            return "the application's standard error:\n" + errors();
        } catch (IOException e) {
            return "the application's standard error cannot be read: " + e;
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
