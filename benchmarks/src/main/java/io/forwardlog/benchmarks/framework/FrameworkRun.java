package io.forwardlog.benchmarks.framework;

import io.forwardlog.benchmarks.sink.CountingSink;
import io.forwardlog.benchmarks.sink.EventIds;
import io.forwardlog.benchmarks.sink.LineSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One contender's run in a child JVM ({@link LoggingChild}) against a fresh sink in this JVM: the
 * child starts its framework and warms up; once the sink has counted the warm-up, the child logs the
 * measured events; the run's time goes from the child's first measured call until the sink has
 * counted the last measured event (for a baseline, which sends nothing: until the last call returned).
 */
final class FrameworkRun {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    /**
     * @param warmUp      events logged before the measured ones, 0 for a cold run
     * @param garbageFree start Log4j2 in its garbage-free mode ({@link ChildJvm#LOG4J2_GARBAGE_FREE})
     * @param bufferBytes every contender's buffer limit
     * @param flushMillis every contender's flush interval, 0 for their defaults
     */
    record Spec(Contender contender, FrameworkMode mode, int threads, long warmUp, long events, boolean garbageFree,
                long bufferBytes, long flushMillis) {
    }

    /**
     * @param seconds              from the first measured call until the sink had every measured event
     * @param callerSeconds        from the first measured call until the last one returned
     * @param callerCpuNanos       CPU time of the calling threads in their measured calls, together
     * @param callerAllocatedBytes bytes the calling threads allocated in their measured calls, together
     * @param senderAllocatedBytes bytes forwardlog's sender thread allocated from the first measured call
     *                             until the sink had them all; -1 for other contenders
     * @param ids                  what the sink counted; {@code null} for a baseline
     * @param problem              what went wrong, or {@code null}
     */
    record Outcome(Spec spec, double seconds, double callerSeconds, long callerCpuNanos, long callerAllocatedBytes,
                   long senderAllocatedBytes, EventIds.Summary ids, String problem) {

        /** Every event arrived exactly once and nothing else went wrong. */
        boolean complete() {
            return problem == null && (ids == null || ids.exactlyOnce());
        }

        double eventsPerSecond() {
            return spec.events() / seconds;
        }

        double callerAllocatedPerCall() {
            return (double) callerAllocatedBytes / spec.events();
        }

        double senderAllocatedPerEvent() {
            return senderAllocatedBytes < 0 ? -1 : (double) senderAllocatedBytes / spec.events();
        }

        /** What went wrong, in a few words; empty when the run is complete. */
        String problems() {
            List<String> all = new ArrayList<>();
            if (problem != null) {
                all.add(problem);
            }
            if (ids != null && !ids.problems().isEmpty()) {
                all.add(ids.problems());
            }
            return String.join("; ", all);
        }
    }

    private FrameworkRun() {
    }

    static Outcome run(Spec spec) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("forwardlog-framework-");
        EventIds ids = new EventIds(spec.events());
        Contender contender = spec.contender();
        try (Sink sink = Sink.start(contender.sink(), ids)) {
            Path config = ConfigFiles.write(directory, contender, spec.mode(), sink.host(), sink.port(),
                    spec.bufferBytes(), spec.flushMillis());
            List<String> flags = spec.garbageFree() && contender.framework() == Framework.LOG4J2
                    ? ChildJvm.LOG4J2_GARBAGE_FREE : List.of();
            List<String> classPath = contender.ownClassPath() ? ChildJvm.ownClassPath() : List.of();
            ChildJvm child = ChildJvm.start(contender.appenderName(), classPath, flags, LoggingChild.class,
                    List.of(contender.name(), config.toString(), String.valueOf(spec.threads()),
                            String.valueOf(spec.warmUp()), String.valueOf(spec.events())));
            try {
                return measure(spec, child, sink, ids);
            } catch (ChildJvm.ChildFailure e) {
                return new Outcome(spec, Double.NaN, Double.NaN, 0, 0, -1, sink.hasIds() ? ids.summary() : null,
                        e.getMessage());
            } finally {
                child.close();
            }
        } finally {
            delete(directory);
        }
    }

    private static Outcome measure(Spec spec, ChildJvm child, Sink sink, EventIds ids) throws IOException,
            InterruptedException {
        child.await(ChildProtocol.READY, START_TIMEOUT);
        String problem = null;
        if (spec.warmUp() > 0) {
            child.await(ChildProtocol.WARMED, RUN_TIMEOUT);
            if (sink.hasIds() && !ids.awaitWarmUp(spec.warmUp(), deadline(START_TIMEOUT))) {
                problem = "the sink counted " + ids.summary().warmUp() + " of " + spec.warmUp() + " warm-up events";
            }
        }
        long goNanos = System.nanoTime();
        child.send(ChildProtocol.GO);
        String[] measured = child.await(ChildProtocol.MEASURED, RUN_TIMEOUT).split(" ");
        long heardNanos = System.nanoTime();
        long first = Long.parseLong(measured[0]);
        long last = Long.parseLong(measured[1]);
        if (first < goNanos || first > heardNanos) {
            // another process's nanoTime is not this one's clock here: fall back to when the parent said go
            problem = join(problem, "the child's clock is not the parent's; timed from 'go'");
            last = goNanos + (last - first);
            first = goNanos;
        }
        long completedAt = last;
        if (sink.hasIds()) {
            long deadline = deadline(RUN_TIMEOUT);
            while (!ids.awaitAll(Math.min(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200)))) {
                if (System.nanoTime() >= deadline || !sink.problems().isEmpty()) {
                    break;
                }
            }
            completedAt = ids.summary().completedAtNanos();
        }
        child.send(ChildProtocol.STOP);
        long sender = Long.parseLong(child.await(ChildProtocol.SENDER, START_TIMEOUT));
        child.await(ChildProtocol.STOPPED, START_TIMEOUT);
        int exit = child.awaitExit(START_TIMEOUT);
        if (exit != 0) {
            problem = join(problem, "the child exited with " + exit);
        }
        if (!sink.problems().isEmpty()) {
            problem = join(problem, "sink: " + String.join("; ", sink.problems()));
        }
        EventIds.Summary summary = sink.hasIds() ? ids.summary() : null;
        double seconds = completedAt < 0 ? Double.NaN : (completedAt - first) / 1e9;
        return new Outcome(spec, seconds, (last - first) / 1e9, Long.parseLong(measured[2]), Long.parseLong(measured[3]),
                spec.contender().isForwardlog() ? sender : -1, summary, problem);
    }

    private static long deadline(Duration timeout) {
        return System.nanoTime() + timeout.toNanos();
    }

    private static String join(String problem, String more) {
        return problem == null ? more : problem + "; " + more;
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("cannot delete " + directory + ": " + e.getMessage());
        }
    }

    /** The sink of a contender's kind, or none for a baseline. */
    private static final class Sink implements AutoCloseable {
        private final CountingSink forward;
        private final LineSink lines;

        private Sink(CountingSink forward, LineSink lines) {
            this.forward = forward;
            this.lines = lines;
        }

        static Sink start(Contender.SinkKind kind, EventIds ids) throws IOException {
            return switch (kind) {
                case NONE -> new Sink(null, null);
                case FORWARD -> new Sink(CountingSink.start(Duration.ZERO, ids), null);
                case JSON_LINES -> new Sink(null, LineSink.start(ids));
            };
        }

        boolean hasIds() {
            return forward != null || lines != null;
        }

        String host() {
            return "127.0.0.1";
        }

        int port() {
            return forward != null ? forward.port() : lines != null ? lines.port() : 0;
        }

        List<String> problems() {
            return forward != null ? forward.problems() : lines != null ? lines.problems() : List.of();
        }

        @Override
        public void close() {
            if (forward != null) {
                forward.close();
            }
            if (lines != null) {
                lines.close();
            }
        }
    }
}
