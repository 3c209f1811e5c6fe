package io.forwardlog.benchmarks.sink;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ReadGateTest {

    private final ReadGate gate = new ReadGate();

    @Test
    void aReaderPassesAtOnceWhileReadingGoesOn() throws InterruptedException {
        gate.pass();
        gate.stopReading(true);
        gate.stopReading(false);
        gate.pass();
    }

    @Test
    void aReaderIsHeldWhileReadingIsStoppedAndGoesOnWhenItResumes() throws Exception {
        gate.stopReading(true);
        Reader reader = Reader.start(gate).awaitHeld();

        gate.stopReading(false);

        assertTrue(reader.passed());
    }

    @Test
    void closingTheSinkLetsAHeldReaderGoOn() throws Exception {
        gate.stopReading(true);
        Reader reader = Reader.start(gate).awaitHeld();

        gate.close();

        assertTrue(reader.passed());
    }

    /** {@code pass()} on a thread of its own. */
    private static final class Reader {

        private final Thread thread;
        private final CompletableFuture<Boolean> passed = new CompletableFuture<>();

        private Reader(ReadGate gate) {
            thread = new Thread(() -> {
                try {
                    gate.pass();
                    passed.complete(true);
                } catch (InterruptedException e) {
                    passed.completeExceptionally(e);
                }
            }, "reader");
            thread.setDaemon(true);
        }

        static Reader start(ReadGate gate) {
            Reader reader = new Reader(gate);
            reader.thread.start();
            return reader;
        }

        Reader awaitHeld() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (thread.getState() != Thread.State.WAITING) {
                assertFalse(passed.isDone(), "the reader passed while reading was stopped");
                assertTrue(System.nanoTime() < deadline, "the reader was not held within 30s: " + thread.getState());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            return this;
        }

        boolean passed() throws Exception {
            return passed.get(30, TimeUnit.SECONDS);
        }
    }
}
