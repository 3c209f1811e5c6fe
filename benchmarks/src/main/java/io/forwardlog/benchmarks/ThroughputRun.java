package io.forwardlog.benchmarks;

import io.forwardlog.benchmarks.sink.CountingSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends {@code events} events from {@code threads} threads through one client to a fresh sink and
 * times it: from the moment the threads are released until the sink has counted every event. The
 * client is started (and so connected, for forwardlog) before the clock starts, and closed after it
 * stops. Each thread cycles through 1,024 different events of its own, made before the clock starts.
 * Besides the time, it takes the CPU time the calling threads spent in their log calls and the CPU
 * time of the whole JVM, which load from elsewhere on the machine distorts less than the time.
 */
final class ThroughputRun {

    /** The longest a run may take before it counts as failed. */
    static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int EVENTS_PER_THREAD = 1024;

    /** The clients compared. */
    enum Kind {
        FORWARDLOG("forwardlog"), FLUENCY("Fluency");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final long events;
    private final int threads;
    private final long bufferBytes;
    private final Duration ackDelay;

    /** @param ackDelay how late the sink acks in {@link DeliveryMode#ACKS_DELAYED} */
    ThroughputRun(long events, int threads, long bufferBytes, Duration ackDelay) {
        this.events = events;
        this.threads = threads;
        this.bufferBytes = bufferBytes;
        this.ackDelay = ackDelay;
    }

    RunResult run(Kind kind, DeliveryMode mode, String runName) throws InterruptedException {
        try (CountingSink sink = CountingSink.start(mode.sinkAckDelay(ackDelay))) {
            BenchmarkClient client = kind == Kind.FORWARDLOG
                    ? ForwardlogClient.start(runName, mode.config(bufferBytes), sink.host(), sink.port())
                    : FluencyClient.start(mode.config(bufferBytes), sink.host(), sink.port());
            List<Thread> producers = new ArrayList<>();
            LongAdder callerCpu = new LongAdder();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int t = 0; t < threads; t++) {
                producers.add(producer(client, t, go, callerCpu, failure));
            }
            long start;
            long callersDone;
            long sinkDone;
            long cpuBefore = ProcessCpu.nanos();
            long cpuAfter;
            boolean counted;
            try {
                start = System.nanoTime();
                go.countDown();
                for (Thread producer : producers) {
                    producer.join();
                }
                callersDone = System.nanoTime();
                client.flush();
                counted = failure.get() == null && sink.awaitEvents(events, TIMEOUT);
                sinkDone = System.nanoTime();
                cpuAfter = ProcessCpu.nanos();
            } finally {
                client.close();
            }
            RunResult.Times times = new RunResult.Times((sinkDone - start) / 1e9, (callersDone - start) / 1e9,
                    callerCpu.sum(), cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore);
            String outcome = failure.get() != null ? "a sending thread failed: " + failure.get()
                    : !counted ? "the sink counted " + sink.events() + " of " + events + " events within " + TIMEOUT
                    : sink.events() != events ? "the sink counted " + sink.events() + " events for " + events + " sent"
                    : null;
            if (outcome == null && !sink.problems().isEmpty()) {
                outcome = "the sink reported problems";
            }
            String note = (outcome == null ? "" : outcome + "; ") + client.summary()
                    + (sink.problems().isEmpty() ? "" : "; sink problems: " + sink.problems());
            return new RunResult(kind.toString(), mode.label(ackDelay), events, times, outcome == null, note);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sink", e);
        }
    }

    private Thread producer(BenchmarkClient client, int index, CountDownLatch go, LongAdder cpu,
                            AtomicReference<Throwable> failure) {
        String name = "e2e-producer-" + (index + 1);
        SampleEvent[] pool = SampleEvents.create(EVENTS_PER_THREAD, name, index + 1);
        long share = events / threads + (index < events % threads ? 1 : 0);
        Thread producer = new Thread(() -> {
            try {
                go.await();
                long cpuStart = ProcessCpu.currentThreadNanos();
                for (long i = 0; i < share; i++) {
                    client.send(pool[(int) (i % pool.length)]);
                }
                cpu.add(ProcessCpu.currentThreadNanos() - cpuStart);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, e);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        producer.setDaemon(true);
        producer.start();
        return producer;
    }
}
