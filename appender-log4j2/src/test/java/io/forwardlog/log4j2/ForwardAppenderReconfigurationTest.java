package io.forwardlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.testkit.ForwardReceiverExtension;
import io.forwardlog.testkit.ReceivedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A reconfiguration keeps the pipeline when the attributes stay, and flushes the old one when they change. */
class ForwardAppenderReconfigurationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int THREADS = 4;
    private static final int RELOADS = 5;

    @RegisterExtension
    final ForwardReceiverExtension receiver = ForwardReceiverExtension.create();

    @TempDir
    Path dir;

    private Path upstream;

    @BeforeEach
    void writeUpstreamFile() {
        upstream = Log4jFixture.upstreamFile(dir, receiver.get());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"log4j2-reload.xml", "log4j2-reload-acks.xml"})
    void deliversEveryEventExactlyOnceWhileTheSameConfigurationIsReloadedUnderLoad(String configuration)
            throws InterruptedException {
        AtomicBoolean logging = new AtomicBoolean(true);
        AtomicLongArray logged = new AtomicLongArray(THREADS);
        List<Thread> threads = new ArrayList<>();
        try (Log4jFixture log = Log4jFixture.start(configuration, upstream)) {
            ForwardManager manager = log.forward("fluent").manager();
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
                long before = receiver.get().eventCount();
                log.context().reconfigure();
                assertSame(manager, log.forward("fluent").manager(), "reload " + reload + " kept the manager");
                Await.until("events after reload " + reload, TIMEOUT, () -> receiver.get().eventCount() > before + 1000);
            }
            logging.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }

        long total = 0;
        for (int t = 0; t < THREADS; t++) {
            total += logged.get(t);
        }
        List<ReceivedEvent> events = receiver.get().awaitEvents((int) total, TIMEOUT);
        assertEquals(total, events.size(), "events received");
        long[] next = new long[THREADS];
        for (ReceivedEvent event : events) {
            String[] threadAndSequence = ((String) event.record().get("message")).split(" ");
            int thread = Integer.parseInt(threadAndSequence[0]);
            assertEquals(next[thread], Long.parseLong(threadAndSequence[1]), "next event of thread " + thread);
            next[thread]++;
        }
        for (int t = 0; t < THREADS; t++) {
            assertEquals(logged.get(t), next[t], "events of thread " + t);
        }
    }

    @Test
    void deliversWhatTheOldAppenderHeldWhenAReloadChangesTheAttributes() {
        try (Log4jFixture log = Log4jFixture.start("log4j2-reload-before.xml", upstream)) {
            Logger logger = log.logger("app");
            logger.info("one");
            logger.info("two");
            ForwardManager before = log.forward("fluent").manager();

            log.reconfigure("log4j2-reload-after.xml");

            ForwardManager after = log.forward("fluent").manager();
            assertNotSame(before, after);
            assertFalse(before.pipeline().isStarted());
            assertTrue(after.pipeline().isStarted());
            assertEquals(List.of("before:one", "before:two"), tagsAndMessages(receiver.get().awaitEvents(2, TIMEOUT)));
            logger.info("three");
        }
        assertEquals(List.of("before:one", "before:two", "after:three"),
                tagsAndMessages(receiver.get().awaitEvents(3, TIMEOUT)));
    }

    @Test
    void keepsTheRunningAppenderWhenTheChangedAttributesNeedTheSpoolDirectoryItHolds() {
        Path spool = dir.resolve("spool");
        System.setProperty("forwardlog.test.spool", spool.toString());
        try (StatusCapture status = StatusCapture.start();
             Log4jFixture log = Log4jFixture.start("log4j2-reload-spool-before.xml", upstream)) {
            Logger logger = log.logger("app");
            logger.info("one");
            ForwardManager running = log.forward("fluent").manager();

            log.reconfigure("log4j2-reload-spool-after.xml");
            logger.info("two");

            assertSame(running, log.forward("fluent").manager());
            assertEquals(List.of("forwardlog 'fluent': the new configuration changes this appender's attributes, but "
                    + "the running appender still holds spoolDir '" + spool + "'; it stays, with its attributes, until "
                    + "the application restarts"), status.forwardlog(Level.WARN));
            assertEquals(List.of("before:one", "before:two"), tagsAndMessages(receiver.get().awaitEvents(2, TIMEOUT)));
        } finally {
            System.clearProperty("forwardlog.test.spool");
        }
    }

    private static List<String> tagsAndMessages(List<ReceivedEvent> events) {
        return events.stream().map(e -> e.tag() + ":" + e.record().get("message")).toList();
    }
}
