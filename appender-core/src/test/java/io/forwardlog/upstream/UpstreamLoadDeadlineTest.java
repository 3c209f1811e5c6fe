package io.forwardlog.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading has a deadline: a file system that does not answer makes it fail instead of hanging the caller.
 * A blocked file system is stood in for by a {@code ${VAR}} lookup that ignores interrupts, as a hung network
 * mount does, until the test releases it.
 */
class UpstreamLoadDeadlineTest {

    private static final Duration DEADLINE = Duration.ofMillis(200);
    private static final Duration SAFETY = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final CountDownLatch fileSystemAnswers = new CountDownLatch(1);
    private Path file;

    @BeforeEach
    void writeFile() {
        file = new UpstreamFixture(dir).write("up.conf", "[UPSTREAM]", "    name up", "[NODE]", "    name n",
                "    host ${HOST}", "    port 1");
    }

    @AfterEach
    void releaseTheReaders() {
        fileSystemAnswers.countDown();
    }

    /** A lookup that blocks until the test releases it, whatever interrupts it gets. */
    private final Function<String, String> hungFileSystem = name -> {
        while (true) {
            try {
                fileSystemAnswers.await();
                return "h";
            } catch (InterruptedException ignored) {
                // a hung network mount does not answer an interrupt either
            }
        }
    };

    private UpstreamFile.Loader hungLoader() {
        return UpstreamFile.loader().environment(hungFileSystem).deadline(DEADLINE);
    }

    private String timedOut() {
        return file + ": reading the file and its includes took longer than 200ms; is it on a network file system"
                + " that does not answer?";
    }

    private String failure(UpstreamFile.Loader loader) {
        return assertTimeoutPreemptively(SAFETY, () -> assertThrows(UpstreamFileException.class,
                () -> loader.load(file))).getMessage();
    }

    @Test
    void failsAtTheDeadlineWhenTheFileSystemDoesNotAnswer() {
        long start = System.nanoTime();

        String message = failure(hungLoader());

        assertEquals(timedOut(), message);
        assertTrue(System.nanoTime() - start >= DEADLINE.toNanos(), "failed before the deadline");
    }

    @Test
    void failsAtOnceWhileEveryReaderThreadIsBlockedAndLoadsAgainOnceTheyAreFree() throws Exception {
        // a reader released by an earlier test may still be finishing: then fewer loads block before the refusal
        int timedOut = 0;
        String refused = null;
        while (refused == null && timedOut <= LoadDeadline.MAX_THREADS) {
            String message = failure(hungLoader());
            if (message.equals(timedOut())) {
                timedOut++;
            } else {
                refused = message;
            }
        }
        fileSystemAnswers.countDown();

        assertEquals(file + ": cannot read the file: 4 earlier reads of upstream files are still blocked in the file"
                + " system (a network file system that does not answer?)", refused);
        assertTrue(timedOut <= LoadDeadline.MAX_THREADS, timedOut + " loads blocked");
        assertEquals("h", loadOnceAReaderIsFree().nodes().get(0).host());
    }

    /** The released readers return to the pool as they finish; until one has, a load is still refused. */
    private Upstream loadOnceAReaderIsFree() throws Exception {
        UpstreamFile.Loader loader = UpstreamFile.loader().environment(name -> "h");
        long giveUp = System.nanoTime() + SAFETY.toNanos();
        while (true) {
            try {
                return loader.load(file);
            } catch (UpstreamFileException stillBlocked) {
                if (System.nanoTime() > giveUp) {
                    throw stillBlocked;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }
    }

    @Test
    void keepsTheCallersInterruptAndSaysTheLoadWasInterrupted() {
        Thread.currentThread().interrupt();
        try {
            UpstreamFileException e = assertThrows(UpstreamFileException.class, () -> hungLoader().load(file));

            assertEquals(file + ": reading the file was interrupted", e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void handsWarningsToTheSinkOnTheCallersThread() throws Exception {
        new UpstreamFixture(dir).write("up.conf", "[UPSTREAM]", "    name up", "    mode x", "[NODE]", "    name n",
                "    host h", "    port 1");
        Thread caller = Thread.currentThread();
        List<String> threads = new ArrayList<>();

        UpstreamFile.loader().warnings(w -> threads.add(Thread.currentThread() == caller ? "caller" : "other"))
                .load(file);

        assertEquals(List.of("caller"), threads);
    }
}
