package io.forwardlog.benchmarks.framework;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A child JVM of the benchmarks: the same Java, the same class path as this JVM (for
 * {@link Contender#ownClassPath()} with the jars of {@link #ownClassPathDirectory()} first), the same
 * {@link #FLAGS}. Reads the child's {@link ChildProtocol} lines from its standard output and passes
 * everything else there, and its standard error, through to this JVM's standard error.
 */
final class ChildJvm implements AutoCloseable {

    /** The heap and direct memory of every child: room for a 512 MiB buffer on the heap (forwardlog) or off it (Fluency). */
    static final List<String> FLAGS = List.of("-Xms2g", "-Xmx2g", "-XX:MaxDirectMemorySize=1g");
    /** Log4j2's garbage-free mode, set before Log4j2 starts. */
    static final List<String> LOG4J2_GARBAGE_FREE = List.of("-Dlog4j2.enableThreadlocals=true",
            "-Dlog4j2.garbagefreeThreadContextMap=true");

    /** Put in the queue of lines when the child's output ends. */
    private static final String EXITED = "\u0000exited";

    private final Process process;
    private final Writer input;
    private final LinkedBlockingQueue<String> said = new LinkedBlockingQueue<>();
    private final String name;

    private ChildJvm(Process process, String name) {
        this.process = process;
        this.name = name;
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readOutput, "child-" + name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with {@code args} in a child JVM named {@code name} in messages. */
    static ChildJvm start(String name, List<String> classPathFirst, List<String> extraFlags, Class<?> mainClass,
                          List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FLAGS);
        command.addAll(extraFlags);
        command.add("-cp");
        List<String> classPath = new ArrayList<>(classPathFirst);
        classPath.add(System.getProperty("java.class.path"));
        command.add(String.join(java.io.File.pathSeparator, classPath));
        command.add(mainClass.getName());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new ChildJvm(process, name);
    }

    /**
     * Where the jars of a contender with a class path of its own are: {@code log4j-plugin-fluency}
     * beside the benchmarks jar (or beside {@code target/classes}), filled by the module's package phase.
     */
    static Path ownClassPathDirectory() {
        try {
            Path location = Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.getParent().resolve("log4j-plugin-fluency");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmarks' classes", e);
        }
    }

    /** The jars of {@link #ownClassPathDirectory()}, or empty when there are none. */
    static List<String> ownClassPath() {
        Path directory = ownClassPathDirectory();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().map(Path::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /**
     * Waits for the child's next line, which must start with {@code word}, and returns what follows it.
     *
     * @throws ChildFailure when the child says something else, fails, exits or stays silent past {@code timeout}
     */
    String await(String word, Duration timeout) throws InterruptedException {
        String line = said.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (line == null) {
            throw new ChildFailure(name + ": no '" + word + "' within " + timeout.toSeconds() + " s"
                    + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")"));
        }
        if (line.equals(EXITED)) {
            said.add(EXITED);
            throw new ChildFailure(name + ": exited with " + exitValue() + " before '" + word + "'");
        }
        if (!line.startsWith(word)) {
            throw new ChildFailure(name + ": said '" + line + "' where '" + word + "' was due");
        }
        return line.substring(word.length()).trim();
    }

    /** Sends {@code word} on the child's standard input. */
    void send(String word) throws IOException {
        input.write(word + "\n");
        input.flush();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the child to exit, at most {@code timeout}; its exit value, or -1 if it had to be killed. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return process.exitValue();
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return -1;
    }

    private int exitValue() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private void readOutput() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(ChildProtocol.PREFIX)) {
                    String message = line.substring(ChildProtocol.PREFIX.length());
                    if (message.startsWith(ChildProtocol.FAILED)) {
                        System.err.println("    [" + name + "] " + message);
                    }
                    said.add(message);
                } else {
                    System.err.println("    [" + name + "] " + line);
                }
            }
        } catch (IOException e) {
            if (process.isAlive()) {
                System.err.println("    [" + name + "] cannot read its output: " + e.getMessage());
            }
        } finally {
            said.add(EXITED);
        }
    }

    /** The child did not do what the protocol says. */
    static final class ChildFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChildFailure(String message) {
            super(message);
        }
    }
}
