package io.forwardlog.benchmarks.framework;

import io.forwardlog.benchmarks.sink.CountingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same log calls as {@link FrameworkAllocation}, under JMH: one thread calling
 * {@code logger.info("order {} processed in {} ms", id, ms)} through Logback (the reading baseline,
 * forwardlog, {@code FluencyLogbackAppender}) and Log4j2 in its garbage-free mode (the {@code Null}
 * baseline, forwardlog), each configured from its XML file as in the end-to-end runs, sending to a
 * {@link CountingSink} in the same JVM. With {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes
 * allocated per call by every thread of the JVM: the caller, the appender's own threads and the
 * sink's (which allocates per frame, not per event). Each benchmark forks a JVM of its own, so Log4j2's
 * system properties are set before it starts.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FrameworkAllocationBenchmark -prof gc}.
 *
 * <p>Not {@code final}, nor are the state classes: JMH's generated code subclasses them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:MaxDirectMemorySize=1g"})
public class FrameworkAllocationBenchmark {

    /** One contender's framework, started from its configuration file, and its sink; the states below pick the contender. */
    @State(Scope.Benchmark)
    public static class Running {
        FrameworkLogging logging;
        private CountingSink sink;
        private Path directory;

        void start(Contender contender) throws IOException {
            sink = contender.sink() == Contender.SinkKind.NONE ? null : CountingSink.start(Duration.ZERO);
            directory = Files.createTempDirectory("forwardlog-jmh-");
            Path config = ConfigFiles.write(directory, contender, FrameworkMode.NO_ACKS, "127.0.0.1",
                    sink == null ? 0 : sink.port(), ThroughputOptions.DEFAULTS.bufferBytes(),
                    ThroughputOptions.DEFAULTS.flushMillis());
            logging = FrameworkLogging.start(contender, config);
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            logging.close();
            if (sink != null) {
                System.out.println();
                System.out.println("  the sink counted " + sink.events() + " events in " + sink.frames() + " frames"
                        + (sink.problems().isEmpty() ? "" : "; sink problems: " + sink.problems()));
                sink.close();
            }
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @State(Scope.Benchmark)
    public static class LogbackBaseline extends Running {
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            start(Contender.LOGBACK_BASELINE);
        }
    }

    @State(Scope.Benchmark)
    public static class LogbackForwardlog extends Running {
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            start(Contender.LOGBACK_FORWARDLOG);
        }
    }

    @State(Scope.Benchmark)
    public static class LogbackFluency extends Running {
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            start(Contender.LOGBACK_FLUENCY);
        }
    }

    @State(Scope.Benchmark)
    public static class Log4j2Null extends Running {
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            start(Contender.LOG4J2_NULL);
        }
    }

    @State(Scope.Benchmark)
    public static class Log4j2Forwardlog extends Running {
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            start(Contender.LOG4J2_FORWARDLOG);
        }
    }

    /** The calling thread's next id, and whether its MDC entries are set. */
    @State(Scope.Thread)
    public static class Caller {
        long next;
        boolean entered;

        long next(Running target) {
            if (!entered) {
                target.logging.enterThread(1);
                entered = true;
            }
            return next++;
        }
    }

    @Benchmark
    public void logbackBaseline(LogbackBaseline target, Caller caller) {
        target.logging.log(caller.next(target));
    }

    @Benchmark
    public void logbackForwardlog(LogbackForwardlog target, Caller caller) {
        target.logging.log(caller.next(target));
    }

    @Benchmark
    public void logbackFluency(LogbackFluency target, Caller caller) {
        target.logging.log(caller.next(target));
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:MaxDirectMemorySize=1g",
            "-Dlog4j2.enableThreadlocals=true", "-Dlog4j2.garbagefreeThreadContextMap=true"})
    public void log4j2Null(Log4j2Null target, Caller caller) {
        target.logging.log(caller.next(target));
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:MaxDirectMemorySize=1g",
            "-Dlog4j2.enableThreadlocals=true", "-Dlog4j2.garbagefreeThreadContextMap=true"})
    public void log4j2Forwardlog(Log4j2Forwardlog target, Caller caller) {
        target.logging.log(caller.next(target));
    }
}
