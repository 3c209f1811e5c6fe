package io.forwardlog.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.joran.JoranConfigurator;
import io.forwardlog.ForwardPipeline;
import io.forwardlog.PipelineStats;
import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.ReceivedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Logback reconfigures as its {@code scan} does: the context is reset (every appender stopped) and the
 * file read again, while four threads log. Each appender instance delivers what it received exactly once:
 * the stopping one flushes, the new one starts afresh, nothing is sent twice. (Events logged by other
 * threads while the context is between reset and configuration reach no appender at all: that is
 * Logback's own window, which no appender can close.)
 */
class ReconfigurationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int THREADS = 4;
    private static final int RELOADS = 5;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "acks {0}")
    @ValueSource(booleans = {false, true})
    void everyAppenderDeliversWhatItReceivedExactlyOnceWhileTheConfigurationIsReloadedUnderLoad(boolean acks)
            throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            Map<String, String> properties = Map.of("UPSTREAM", LogbackFixture.upstreamFile(dir, receiver).toString(),
                    "ACKS", String.valueOf(acks));
            List<ForwardPipeline> pipelines = new ArrayList<>();
            AtomicBoolean logging = new AtomicBoolean(true);
            AtomicLongArray logged = new AtomicLongArray(THREADS);
            List<Thread> threads = new ArrayList<>();
            try (LogbackFixture log = LogbackFixture.configure("reload.xml", properties)) {
                Logger logger = log.logger("load");
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    threads.add(new Thread(() -> {
                        while (logging.get()) {
                            logger.info("{} {}", thread, logged.get(thread));
                            logged.incrementAndGet(thread);
                        }
                    }, "load-" + t));
                }
                threads.forEach(Thread::start);
                for (int reload = 1; reload <= RELOADS; reload++) {
                    pipelines.add(log.appender().pipeline());
                    long before = receiver.eventCount();
                    awaitUntil("events before reload " + reload, () -> receiver.eventCount() > before + 1000);
                    log.context.reset();
                    properties.forEach(log.context::putProperty);
                    JoranConfigurator configurator = new JoranConfigurator();
                    configurator.setContext(log.context);
                    configurator.doConfigure(ReconfigurationTest.class.getResource("/logback/reload.xml"));
                }
                pipelines.add(log.appender().pipeline());
                logging.set(false);
                for (Thread thread : threads) {
                    thread.join();
                }
            }

            long accepted = 0;
            for (ForwardPipeline pipeline : pipelines) {
                PipelineStats stats = pipeline.stats();
                assertEquals(stats.eventsAppended() - stats.totalDropped(), stats.eventsDelivered(), stats.toString());
                accepted += stats.eventsDelivered();
            }
            List<ReceivedEvent> events = receiver.awaitEvents((int) accepted, TIMEOUT);
            Set<String> distinct = new HashSet<>();
            long[] last = new long[THREADS];
            java.util.Arrays.fill(last, -1);
            for (ReceivedEvent event : events) {
                String message = (String) event.record().get("message");
                assertTrue(distinct.add(message), "arrived twice: " + message);
                String[] threadAndSequence = message.split(" ");
                int thread = Integer.parseInt(threadAndSequence[0]);
                long sequence = Long.parseLong(threadAndSequence[1]);
                assertTrue(sequence > last[thread], "thread " + thread + ": " + sequence + " after " + last[thread]);
                last[thread] = sequence;
            }
            assertEquals(accepted, events.size(), "every event an appender accepted arrived, once");
            for (ForwardPipeline pipeline : pipelines) {
                assertEquals(Map.of(), dropsOtherThanLoggedAfterStop(pipeline.stats()), pipeline.stats().toString());
            }
        }
    }

    /** A thread that passed Logback's started check as the appender stopped has its event counted as STOPPED. */
    private static Map<String, Long> dropsOtherThanLoggedAfterStop(PipelineStats stats) {
        Map<String, Long> drops = new java.util.HashMap<>(stats.eventsDropped());
        drops.remove("STOPPED");
        return drops;
    }

    private static void awaitUntil(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
