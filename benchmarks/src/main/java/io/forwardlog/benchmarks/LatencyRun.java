package io.forwardlog.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * One client through every {@link LatencyPhase}, in a Logback context of its own, logging on the
 * calling thread through the SLF4J API: an untimed warm-up, then steady state; the node goes down for
 * the outage and comes back for the recovery; once what the client still holds has arrived, the node
 * stops reading for the stall, then reads again. At the end the context stops (which flushes) and the
 * node's count says how many of the events logged arrived.
 */
final class LatencyRun {

    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long SETTLE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    /**
     * @param phases        how long each call took, by phase
     * @param logged        calls made, the warm-up included
     * @param delivered     events the node counted
     * @param firstArrival  seconds from the node's return to its first event after it, or -1 if none came in the recovery
     * @param status        the appender's warnings and errors
     * @param sinkProblems  what the node could not read
     */
    record Result(LoggingClient client, Map<LatencyPhase, CallTimes> phases, long logged, long delivered,
                  double firstArrival, String status, List<String> sinkProblems) {
    }

    private final LatencyOptions options;

    LatencyRun(LatencyOptions options) {
        this.options = options;
    }

    Result run(LoggingClient client) throws IOException {
        Path directory = Files.createTempDirectory("forwardlog-latency-");
        try (ControlledNode node = ControlledNode.start()) {
            LoggerContext context = new LoggerContext();
            context.setName("latency-" + client.name().toLowerCase(java.util.Locale.ROOT));
            context.setMDCAdapter(MDC.getMDCAdapter());
            StatusCount status = new StatusCount();
            context.getStatusManager().add(status);
            context.start();
            Appender<ILoggingEvent> appender = client.start(context, node, options.bufferBytes(), directory);
            if (!appender.isStarted()) {
                throw new IllegalStateException(client + " did not start: " + status.summary());
            }
            ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            root.setLevel(Level.INFO);
            root.addAppender(appender);

            SampleEvent[] events = SampleEvents.create(1024, Thread.currentThread().getName(), 7);
            events[0].forEachContextEntry(MDC::put);
            String[] messages = Stream.of(events).map(SampleEvent::message).toArray(String[]::new);
            PacedLogging logging = new PacedLogging(context.getLogger(events[0].loggerName()), messages, options.rate());
            Map<LatencyPhase, CallTimes> phases = new EnumMap<>(LatencyPhase.class);
            double firstArrival;
            try {
                logging.run(options.warmUp());
                phases.put(LatencyPhase.STEADY, logging.run(options.length(LatencyPhase.STEADY)));
                node.down();
                phases.put(LatencyPhase.OUTAGE, logging.run(options.length(LatencyPhase.OUTAGE)));
                node.up();
                long back = System.nanoTime();
                long countedAtReturn = node.events();
                FirstArrival arrival = FirstArrival.watch(node, countedAtReturn, back);
                phases.put(LatencyPhase.RECOVERY, logging.run(options.length(LatencyPhase.RECOVERY)));
                firstArrival = arrival.stop();
                settle(node);
                node.stall(true);
                phases.put(LatencyPhase.STALL, logging.run(options.length(LatencyPhase.STALL)));
                node.stall(false);
            } finally {
                MDC.clear();
                context.stop();
            }
            settle(node);
            return new Result(client, phases, logging.calls(), node.events(), firstArrival, status.summary(),
                    node.problems());
        } finally {
            deleteQuietly(directory);
        }
    }

    /** Waits until the node's count has not moved for 2 s (what the client held has arrived), at most 60 s. */
    private static void settle(ControlledNode node) {
        long limit = System.nanoTime() + SETTLE_LIMIT_NANOS;
        long count = node.events();
        long changed = System.nanoTime();
        while (System.nanoTime() - changed < QUIET_NANOS && System.nanoTime() < limit) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            long now = node.events();
            if (now != count) {
                count = now;
                changed = System.nanoTime();
            }
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("CallerLatency: cannot delete " + directory + ": " + e.getMessage());
        }
    }

    /** Notes, on a thread of its own that looks every 10 ms, when the node counts its first event after its return. */
    private static final class FirstArrival implements Runnable {

        private final ControlledNode node;
        private final long countedAtReturn;
        private final long backNanos;
        private final Thread thread;
        private volatile long arrivedNanos = -1;
        private volatile boolean stopped;

        private FirstArrival(ControlledNode node, long countedAtReturn, long backNanos) {
            this.node = node;
            this.countedAtReturn = countedAtReturn;
            this.backNanos = backNanos;
            this.thread = new Thread(this, "latency-first-arrival");
            thread.setDaemon(true);
        }

        static FirstArrival watch(ControlledNode node, long countedAtReturn, long backNanos) {
            FirstArrival watch = new FirstArrival(node, countedAtReturn, backNanos);
            watch.thread.start();
            return watch;
        }

        @Override
        public void run() {
            while (!stopped && arrivedNanos < 0) {
                if (node.events() > countedAtReturn) {
                    arrivedNanos = System.nanoTime();
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        }

        /** Seconds from the node's return to its first event, or -1 when none came. */
        double stop() {
            stopped = true;
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long arrived = arrivedNanos;
            return arrived < 0 ? -1 : (arrived - backNanos) / 1e9;
        }
    }
}
